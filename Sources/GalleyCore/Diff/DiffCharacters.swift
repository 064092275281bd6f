/// Character classes the diff needs: what counts as layout, what keeps a number or word whole, and
/// where a sentence or clause ends. Scalars are plain `UInt32` values here, for speed.
enum DiffCharacters {
    /// The paragraph separator in normalised text.
    static let paragraph: UInt32 = 0x0A
    static let space: UInt32 = 0x20

    /// White space that may be layout: spaces, tabs, the ideographic space, no-break space, line ends.
    @inline(__always) static func isWhite(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x0A || v == 0x09 || v == 0x3000 || v == 0xA0 || v == 0x0B || v == 0x0C || v == 0x0D
    }

    /// CJK text for the layout rule: a space beside one of these is justification or pan-gu spacing.
    /// Han, kana, CJK symbols and punctuation, full-width forms, and the marks Chinese text uses
    /// (curly quotes, 《》, —, …, ·).
    @inline(__always) static func isCJK(_ v: UInt32) -> Bool {
        switch v {
        case 0x2E80...0x2FFF, 0x3000...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFFEF, 0x20000...0x3FFFF, 0x2018, 0x2019, 0x201C, 0x201D, 0x2014, 0x2026, 0x00B7:
            return true
        default: return false
        }
    }

    /// ASCII letters and digits: what numbers and Latin words are made of.
    @inline(__always) static func isAtomCharacter(_ v: UInt32) -> Bool {
        (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }

    @inline(__always) static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }
    @inline(__always) static func isLetter(_ v: UInt32) -> Bool { (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }

    /// Han characters, kana, letters and digits: what a move must have at least 20 of (never an ASCII-only count).
    @inline(__always) static func isSignificant(_ v: UInt32) -> Bool {
        switch v {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF, 0x3007: return true
        default: return isAtomCharacter(v)
        }
    }

    /// 。！？；… and their half-width forms: where a sentence (the anchoring unit) ends.
    @inline(__always) static func isSentenceEnd(_ v: UInt32) -> Bool {
        switch v {
        case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0x2026, 0x21, 0x3F, 0x3B, 0xFF61: return true
        default: return false
        }
    }

    /// ，、： and their half-width forms.
    @inline(__always) static func isClauseEnd(_ v: UInt32) -> Bool {
        v == 0xFF0C || v == 0x3001 || v == 0xFF1A || v == 0x2C || v == 0x3A || v == 0xFF64
    }

    /// Closing quotes and brackets, which stay with the sentence they close: 。” ？）
    @inline(__always) static func isClosing(_ v: UInt32) -> Bool {
        switch v {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x300B, 0x3009, 0x3011, 0x3015, 0x3017, 0x29, 0x5D, 0x22: return true
        default: return false
        }
    }

    @inline(__always) static func isOpening(_ v: UInt32) -> Bool {
        switch v {
        case 0x201C, 0x2018, 0x300C, 0x300E, 0xFF08, 0x300A, 0x3008, 0x3010, 0x3014, 0x3016, 0x28, 0x5B: return true
        default: return false
        }
    }

    /// Han characters (for the "no single Han character between two changes" check and script changes).
    @inline(__always) static func isHan(_ v: UInt32) -> Bool {
        switch v {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF, 0x3007: return true
        default: return false
        }
    }
}
