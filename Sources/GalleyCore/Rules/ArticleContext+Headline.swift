/// The headline block as printed: 引题 (kicker), 主题 (headline) and 副题 (subheadline), located in the
/// front matter as written, so rules can flag words in headlines and reports can weigh them double.
extension ArticleContext {
    /// The front-matter keys of the printed headline block.
    public static let headlineKeys = ["kicker", "headline", "subheadline"]

    /// Each headline field whose value is written on its key's line (plain, or in single or double quotes),
    /// as a slice of `source`. Values that YAML escapes or folds are left out rather than misplaced.
    public var headlineFields: [(key: String, text: Substring)] {
        shared("headline-fields") { findHeadlineFields() }
    }

    func findHeadlineFields() -> [(key: String, text: Substring)] {
        guard let fm = frontMatter else { return [] }
        let front = source[..<body.startIndex]
        var out: [(String, Substring)] = []
        var lineStart = front.startIndex
        while lineStart < front.endIndex {
            let lineEnd = front[lineStart...].firstIndex(of: "\n") ?? front.endIndex
            let line = front[lineStart..<lineEnd]
            for key in Self.headlineKeys where line.hasPrefix(key + ":") {
                guard let expected = key == "headline" ? fm.headline : key == "kicker" ? fm.kicker : fm.subheadline else { continue }
                var value = line.dropFirst(key.count + 1).drop { $0 == " " || $0 == "\t" }
                while let last = value.last, last == " " || last == "\t" || last == "\r" { value = value.dropLast() }
                if let q = value.first, q == "\"" || q == "'", value.count >= 2, value.last == q {
                    value = value.dropFirst().dropLast()
                }
                if value == expected[...] { out.append((key, value)) }
            }
            lineStart = lineEnd < front.endIndex ? front.index(after: lineEnd) : front.endIndex
        }
        return out
    }

    /// The headline key of a front-matter line of `source` (1-based), or nil.
    public static func headlineKey(ofLine line: String) -> String? {
        headlineKeys.first { line.hasPrefix($0 + ":") }
    }
}
