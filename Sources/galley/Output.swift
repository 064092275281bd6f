import GalleyCore
#if canImport(Glibc)
import Glibc
#endif

/// Printing for people: results on stdout, problems on stderr, one line each.
enum Output {
    static func stderr(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
    }

    static func error(_ error: GalleyError) {
        stderr("galley: error: \(error.message)")
        if let hint = error.hint { stderr("hint: \(hint)") }
    }

    static func currentDirectory() -> String {
        guard let cwd = getcwd(nil, 0) else { return "." }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    /// Text padded to `width` display columns (CJK characters take two).
    static func pad(_ text: String, _ width: Int) -> String {
        let w = DisplayWidth.of(text)
        return w >= width ? text : text + String(repeating: " ", count: width - w)
    }

    /// JSON string literal.
    static func json(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Opens the newsroom around the current directory, or throws the one-line error.
/// Configuration warnings go to stderr once, then the defaults apply.
func openNewsroom() throws(GalleyError) -> Newsroom {
    let newsroom = try Newsroom.open(from: Output.currentDirectory())
    for warning in newsroom.configuration.warnings { Output.stderr("galley: warning: \(warning)") }
    return newsroom
}
