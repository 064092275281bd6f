#if canImport(Glibc)
import Glibc
#endif

/// Terminal display width: East Asian Wide and Fullwidth characters take two columns.
///
/// The East Asian Ambiguous marks Chinese text is full of (“ ” ‘ ’ — …) take one column, as
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
        if v == 0x2014 || v == 0x2026 || v == 0x201C || v == 0x201D || v == 0x2018 || v == 0x2019 { return ambiguous }
        return 1
    }

    /// One, or two when `GALLEY_AMBIGUOUS_WIDTH=2`.
    static let ambiguousWidth: Int = getenv("GALLEY_AMBIGUOUS_WIDTH").map { String(cString: $0) == "2" ? 2 : 1 } ?? 1
}
