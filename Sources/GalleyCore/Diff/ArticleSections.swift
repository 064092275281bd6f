import Yams

/// An article file cut for diffing: its front matter as ordered fields, and its body. Lenient where the
/// parser for check-ins is strict: an old revision with a missing field or broken YAML still compares.
struct ArticleSections {
    /// Front-matter fields in file order, each rendered as one line of text. Nil when the file has no
    /// front matter. Broken YAML gives one field, `front matter`, holding the raw text.
    let fields: [(name: String, value: String)]?
    let body: String
    /// 1-based line of the file where the body starts.
    let bodyLine: Int

    init(_ text: String) {
        guard let (yaml, body) = Self.split(text) else {
            fields = nil
            self.body = text
            bodyLine = 1
            return
        }
        self.body = body
        bodyLine = 3 + (yaml.isEmpty ? 0 : 1 + yaml.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) })
        fields = Self.fields(of: yaml)
    }

    /// The YAML between a first line `---` and the next line `---` or `...`, and the text after it.
    static func split(_ text: String) -> (String, String)? {
        guard text.hasPrefix("---\n") else { return nil }
        let bytes = Array(text.utf8)
        var lineStart = 4
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 10 { lineEnd += 1 }
            var contentEnd = lineEnd
            while contentEnd > lineStart, bytes[contentEnd - 1] == 32 || bytes[contentEnd - 1] == 9 { contentEnd -= 1 }
            let line = bytes[lineStart..<contentEnd]
            if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                let yaml = String(decoding: bytes[4..<max(4, lineStart - 1)], as: UTF8.self)
                return (yaml, String(decoding: bytes[min(lineEnd + 1, bytes.count)...], as: UTF8.self))
            }
            if lineEnd >= bytes.count { break }
            lineStart = lineEnd + 1
        }
        return nil
    }

    static func fields(of yaml: String) -> [(name: String, value: String)] {
        guard let node = try? Yams.compose(yaml: yaml), let mapping = node.mapping else {
            let raw = yaml.trimmingCharacters(in: [" ", "\n", "\t"])
            return raw.isEmpty ? [] : [("front matter", raw)]
        }
        var out: [(String, String)] = []
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            out.append((name, name == "credits" ? credits(value) : render(value)))
        }
        return out
    }

    /// `记者 陈立峰 / 通讯员 梁志诚`.
    static func credits(_ node: Node) -> String {
        guard let items = node.sequence else { return render(node) }
        return items.map { item in
            guard let m = item.mapping, let role = m["role"]?.string, let name = m["name"]?.string else { return render(item) }
            return role + " " + name
        }.joined(separator: " / ")
    }

    /// A scalar as written; a list as `a / b`; a mapping as `k: v, k: v`.
    static func render(_ node: Node) -> String {
        if let scalar = node.scalar { return scalar.string }
        if let items = node.sequence { return items.map(render).joined(separator: " / ") }
        if let mapping = node.mapping {
            return mapping.map { (k, v) in (k.string ?? render(k)) + ": " + render(v) }.joined(separator: ", ")
        }
        return ""
    }
}
