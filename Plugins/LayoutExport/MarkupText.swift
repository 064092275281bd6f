/// Text escaped for XML and HTML content and attribute values.
enum MarkupText {
    /// `& < >` and quotes escaped; C0 controls other than tab and newline dropped (XML 1.0 forbids them);
    /// a newline becomes `lineBreak` (U+2028 in ICML, `<br>` in HTML).
    static func escape(_ text: String, lineBreak: String = "\n") -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += lineBreak
            case "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
