#if canImport(Glibc)
import Glibc
#endif

/// Terminal display width: East Asian Wide and Fullwidth characters take two columns.
///
/// The East Asian Ambiguous marks Chinese text is full of (“ ” ‘ ’ — … · ×) take one column, as
/// wcwidth and the default settings of common terminals (GNOME, xterm.js, iTerm2, Windows Terminal)
/// give them, even though CJK fonts draw them wide. `GALLEY_AMBIGUOUS_WIDTH=2` counts them as two,
/// for terminals set to draw them in two cells.
public enum DisplayWidth {
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        of(scalar, ambiguous: ambiguousWidth)
    }

    static func of(_ scalar: Unicode.Scalar, ambiguous: Int) -> Int {
        let v = scalar.value
        if v == 0 || (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || v == 0xFE0F { return 0 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
        {
            return 2
        }
        if ambiguous != 1, isAmbiguous(v) { return ambiguous }
        return 1
    }

    /// The East Asian Ambiguous characters Chinese copy uses: marks (· × ÷ ° § ‰ ※ ℃ №), quotes,
    /// dashes and the ellipsis, Roman numerals, arrows, circled numbers, box drawing and shapes.
    static func isAmbiguous(_ v: UInt32) -> Bool {
        switch v {
        case 0x00A7, 0x00A8, 0x00B0, 0x00B1, 0x00B7, 0x00D7, 0x00F7, 0x2010, 0x2013...0x2016, 0x2018, 0x2019,
             0x201C, 0x201D, 0x2020...0x2022, 0x2024...0x2027, 0x2030, 0x2032, 0x2033, 0x2035, 0x203B, 0x2103,
             0x2116, 0x2160...0x216B, 0x2170...0x2179, 0x2190...0x2199, 0x2460...0x24E9, 0x2500...0x254B,
             0x25A0, 0x25A1, 0x25B2, 0x25B3, 0x25C6, 0x25C7, 0x25CB, 0x25CE, 0x25CF, 0x2605, 0x2606:
            return true
        default:
            return false
        }
    }

    /// One, or two when `GALLEY_AMBIGUOUS_WIDTH=2`.
    static let ambiguousWidth: Int = getenv("GALLEY_AMBIGUOUS_WIDTH").map { String(cString: $0) == "2" ? 2 : 1 } ?? 1
}
