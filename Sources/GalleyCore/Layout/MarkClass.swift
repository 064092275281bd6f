/// How a character behaves at a line edge and under punctuation compression (CLREQ 3.1.7–3.1.8,
/// lists in docs/layout.md §1.2–1.3).
enum MarkClass: UInt8, Sendable {
    /// Han characters, letters, digits, anything without a rule.
    case plain
    /// 、，；： — right half blank, not at a line start; squeezed fifth (CLREQ 3.6.3).
    case pause
    /// 。？！． — right half blank, not at a line start; squeezed last.
    case stop
    /// ”’」』）］｝〕〗】》〉〙 — right half blank, not at a line start.
    case closing
    /// “‘「『（［｛〔〖【《〈〘 — left half blank, not at a line end.
    case opening
    /// ·・‧ — a quarter em blank on each side, not at a line start.
    case interpunct
    /// –～〜 and a lone ASCII hyphen: not at a line start, never compressed.
    case connector
    /// / ／ — not at a line start; at the GB level not at a line end either.
    case solidus
    /// % ‰ ℃ ′ ″ ％ not attached to a number: not at a line start.
    case postfix
    /// ¥ $ £ ￥ not attached to a number: not at a line end.
    case prefix
    /// —— …… and single — … ⸺ ⋯: not at a line start at the strict level only.
    case dashOrEllipsis
    /// ASCII , . : ; ! ? ) ] } — already half width: not at a line start, never compressed.
    case asciiClosing
    /// ASCII ( [ { — not at a line end.
    case asciiOpening
    /// A word space: hangs at a line end, never starts a line.
    case space

    static func of(_ scalar: Unicode.Scalar) -> MarkClass {
        switch scalar.value {
        case 0x3001, 0xFF0C, 0xFF1B, 0xFF1A: return .pause
        case 0x3002, 0xFF1F, 0xFF01, 0xFF0E, 0x203C, 0x2047, 0x2048, 0x2049: return .stop
        case 0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0xFF3D, 0xFF5D, 0x3015, 0x3017, 0x3011, 0x300B, 0x3009, 0x3019:
            return .closing
        case 0x201C, 0x2018, 0x300C, 0x300E, 0xFF08, 0xFF3B, 0xFF5B, 0x3014, 0x3016, 0x3010, 0x300A, 0x3008, 0x3018:
            return .opening
        case 0x00B7, 0x30FB, 0x2027: return .interpunct
        case 0x2013, 0xFF5E, 0x301C, 0x002D: return .connector
        case 0x002F, 0xFF0F: return .solidus
        case 0x0025, 0x2030, 0x2103, 0x2032, 0x2033, 0xFF05, 0x00B0: return .postfix
        case 0x00A5, 0x0024, 0x00A3, 0xFFE5, 0xFFE1: return .prefix
        case 0x2014, 0x2026, 0x2E3A, 0x2E3B, 0x22EF: return .dashOrEllipsis
        case 0x002C, 0x002E, 0x003A, 0x003B, 0x0021, 0x003F, 0x0029, 0x005D, 0x007D: return .asciiClosing
        case 0x0028, 0x005B, 0x007B: return .asciiOpening
        case 0x0020, 0x0009, 0x00A0: return .space
        default: return .plain
        }
    }

    func notAtLineStart(_ level: ProhibitionLevel) -> Bool {
        switch self {
        case .pause, .stop, .closing, .interpunct, .connector, .solidus, .postfix, .asciiClosing, .space: return true
        case .dashOrEllipsis: return level == .strict
        case .plain, .opening, .prefix, .asciiOpening: return false
        }
    }

    func notAtLineEnd(_ level: ProhibitionLevel) -> Bool {
        switch self {
        case .opening, .prefix, .asciiOpening: return true
        case .solidus: return level != .basic
        default: return false
        }
    }

    /// The compressible blank beside the glyph, in em (mainland style: glyph at the start of its cell).
    var rightBlank: Double {
        switch self {
        case .pause, .stop, .closing: return 0.5
        case .interpunct: return 0.25
        default: return 0
        }
    }

    var leftBlank: Double {
        switch self {
        case .opening: return 0.5
        case .interpunct: return 0.25
        default: return 0
        }
    }

    /// True for full-width marks whose neighbour of the same kind gives up half an em (CLREQ 3.1.8).
    var isCompressibleMark: Bool { rightBlank > 0 || leftBlank > 0 }
}
