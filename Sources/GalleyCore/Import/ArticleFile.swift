/// Writes an imported article as an article file: YAML front matter and the body.
enum ArticleFile {
    static func render(_ article: ImportedArticle, options: ImportOptions, status: String) -> String {
        var out = "---\n"
        out += "id: \(article.id)\n"
        out += "issue: \(options.issue.iso)\n"
        out += "page: \(quoted(options.page))\n"
        out += "section: \(quoted(options.section))\n"
        out += "genre: \(article.genre.rawValue)\n"
        out += "status: \(quoted(status))\n"
        if let kicker = article.kicker { out += "kicker: \(quoted(kicker.string))\n" }
        out += "headline: \(quoted(article.headline?.string ?? ImportedArticle.missingHeadline))\n"
        if let sub = article.subheadline { out += "subheadline: \(quoted(sub.string))\n" }
        if let dateline = article.dateline { out += "dateline: \(quoted(dateline))\n" }
        if article.credits.isEmpty {
            out += "credits: []\n"
        } else {
            out += "credits:\n"
            for c in article.credits { out += "  - {role: \(quoted(c.role)), name: \(quoted(c.name))}\n" }
        }
        out += "---\n"
        out += article.body + "\n"
        return out
    }

    /// A YAML double-quoted scalar: always safe, whatever marks a headline holds.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}
