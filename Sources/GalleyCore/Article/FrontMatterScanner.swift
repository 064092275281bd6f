/// Reads the usual shape of article front matter without a YAML library: `key: value` lines, and
/// `credits` as a list of `{role: …, name: …}` (or `[]`).
///
/// Yams costs about 0.1 ms per article (the check-in gate parses a whole issue, and an import
/// thousands of files). This scanner accepts only a conservative subset of YAML, on which it gives
/// exactly the fields and credits Yams gives; anything else — comments, tags, anchors, block
/// scalars, quotes with escapes, continuation lines, nested mappings, duplicate keys, tabs,
/// control or line-separator characters, and any value with `#`, `:` or a bracket — returns nil,
/// and Yams parses the text as before (with its error messages).
enum FrontMatterScanner {
    static func scan(_ yaml: ArraySlice<UInt8>) -> (fields: [String: String], credits: [Credit])? {
        var fields: [String: String] = [:]
        var sawCredits = false
        var credits: [Credit] = []
        var inCredits = false
        var itemIndent: Int?
        var lineStart = yaml.startIndex
        while lineStart < yaml.endIndex {
            var lineEnd = lineStart
            while lineEnd < yaml.endIndex, yaml[lineEnd] != newline { lineEnd += 1 }
            let line = yaml[lineStart..<lineEnd]
            lineStart = lineEnd + 1
            if line.allSatisfy({ $0 == space }) { continue }
            if line.first == space || line.first == dash {
                guard inCredits, let credit = creditItem(line, indent: &itemIndent) else { return nil }
                credits.append(credit)
                continue
            }
            inCredits = false
            guard let (key, rest) = keyAndRest(line), fields[key] == nil else { return nil }
            if key == "credits" {
                guard !sawCredits else { return nil }
                sawCredits = true
                if rest.isEmpty {
                    inCredits = true
                    itemIndent = nil
                } else if !rest.elementsEqual("[]".utf8) {
                    return nil
                }
                continue
            }
            guard let value = value(rest) else { return nil }
            fields[key] = value
        }
        return fields.isEmpty && !sawCredits ? nil : (fields, credits)
    }

    private static let newline = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let dash = UInt8(ascii: "-")
    private static let colon = UInt8(ascii: ":")

    /// `key: rest` at the start of a line; `rest` without the spaces around it.
    private static func keyAndRest(_ line: ArraySlice<UInt8>) -> (String, ArraySlice<UInt8>)? {
        var i = line.startIndex
        guard i < line.endIndex, isKeyStart(line[i]) else { return nil }
        while i < line.endIndex, isKeyByte(line[i]) { i += 1 }
        // libyaml gives up on simple keys longer than 1024 characters.
        guard i < line.endIndex, line[i] == colon, i - line.startIndex < 1000 else { return nil }
        let key = String(decoding: line[line.startIndex..<i], as: UTF8.self)
        i += 1
        guard i == line.endIndex || line[i] == space else { return nil }
        return (key, trimmed(line[i...]))
    }

    /// A block-context value: empty (null, which Yams reads as ""), a plain scalar, or a quoted one
    /// without escapes.
    private static func value(_ rest: ArraySlice<UInt8>) -> String? {
        guard let first = rest.first else { return "" }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            guard rest.count >= 2, rest.last == first else { return nil }
            let inner = rest.dropFirst().dropLast()
            guard !inner.contains(first), !inner.contains(UInt8(ascii: "\\")), printable(inner) else { return nil }
            return String(decoding: inner, as: UTF8.self)
        }
        return plain(rest)
    }

    /// A plain scalar, in block or flow context alike: no indicator first, and none of `#`, `:`,
    /// `,` or brackets anywhere, so that neither context reads it differently.
    private static func plain(_ text: ArraySlice<UInt8>) -> String? {
        guard let first = text.first, !isIndicator(first), printable(text) else { return nil }
        guard !text.contains(where: isExcluded) else { return nil }
        return String(decoding: text, as: UTF8.self)
    }

    /// Characters that start something other than a plain scalar: ``-?:,[]{}#&*!|>'"%@` `` and space.
    private static func isIndicator(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "&"), UInt8(ascii: "*"),
             UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), space:
            true
        default: isExcluded(c)
        }
    }

    /// Characters a plain value may not contain here: `#:,[]{}`.
    private static func isExcluded(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "#"), colon, UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"): true
        default: false
        }
    }

    /// `<indent>- {key: value, …}` with `role` and `name` among the keys, each once.
    private static func creditItem(_ line: ArraySlice<UInt8>, indent: inout Int?) -> Credit? {
        var i = line.startIndex
        while i < line.endIndex, line[i] == space { i += 1 }
        let width = i - line.startIndex
        if let indent, indent != width { return nil }
        indent = width
        guard i < line.endIndex, line[i] == dash else { return nil }
        i += 1
        guard i < line.endIndex, line[i] == space else { return nil }
        while i < line.endIndex, line[i] == space { i += 1 }
        let flow = trimmed(line[i...])
        guard flow.first == UInt8(ascii: "{"), flow.last == UInt8(ascii: "}") else { return nil }
        var entries: [String: String] = [:]
        for part in flow.dropFirst().dropLast().split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            guard let (key, rest) = keyAndRest(trimmed(part)), !rest.isEmpty, let value = plain(rest),
                  entries.updateValue(value, forKey: key) == nil
            else { return nil }
        }
        guard let role = entries["role"], let name = entries["name"] else { return nil }
        return Credit(role: role, name: name)
    }

    private static func trimmed(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = s.drop(while: { $0 == space })
        while s.last == space { s = s.dropLast() }
        return s
    }

    private static func isKeyStart(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_")
    }

    private static func isKeyByte(_ c: UInt8) -> Bool { isKeyStart(c) || c == dash }

    /// Only characters YAML reads as ordinary text: printable ASCII (no tab) and, above it, none of
    /// the C1 controls (U+0085 is a line break), U+2028/U+2029 (line breaks), U+FEFF, U+FFFE, U+FFFF.
    private static func printable(_ s: ArraySlice<UInt8>) -> Bool {
        var i = s.startIndex
        while i < s.endIndex {
            let b = s[i]
            if b < 0x80 {
                guard b >= 0x20, b != 0x7F else { return false }
                i += 1
                continue
            }
            // The text came from a Swift String, so it is valid UTF-8.
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            guard i + length <= s.endIndex else { return false }
            var scalar = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { scalar = scalar << 6 | (UInt32(s[i + k]) & 0x3F) }
            if scalar < 0xA0 || scalar == 0x2028 || scalar == 0x2029 || scalar == 0xFEFF || scalar == 0xFFFE || scalar == 0xFFFF {
                return false
            }
            i += length
        }
        return true
    }
}
