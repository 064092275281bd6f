/// Makes text from plugins and files safe to print on a terminal: ANSI escape sequences are removed
/// and other control characters are shown as `\u{…}`, so no plugin can move the cursor, recolour or
/// retitle the user's terminal.
public enum TerminalSafe {
    /// `text` with escape sequences dropped and controls (except tab and, with `keepNewlines`, LF) escaped.
    public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let s = pending ?? scalars.next() {
            pending = nil
            switch s.value {
            case 0x1B:
                // ESC [ … final byte (CSI), ESC ] … BEL or ESC \ (OSC), or ESC + one character.
                guard let next = scalars.next() else { break }
                if next == "[" {
                    while let c = scalars.next(), !(0x40...0x7E).contains(c.value) {}
                } else if next == "]" || next == "P" || next == "_" || next == "^" {
                    var previous: Unicode.Scalar = " "
                    while let c = scalars.next() {
                        if c.value == 0x07 || (previous.value == 0x1B && c == "\\") { break }
                        previous = c
                    }
                }
            case 0x9B:
                // The 8-bit CSI.
                while let c = scalars.next(), !(0x40...0x7E).contains(c.value) {}
            case 0x09:
                out.append(s)
            case 0x0A where keepNewlines:
                out.append(s)
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
                // Controls, line separators and bidi overrides (which can disguise text).
                out.append(contentsOf: "\\u{\(String(s.value, radix: 16))}".unicodeScalars)
            default:
                out.append(s)
            }
        }
        return String(out)
    }
}
