extension PageImport {
    /// `{"articles":[{id, kicker, headline, subheadline, dateline, credits, genre, body, source_lines}], "warnings":[…]}`.
    public func json(revision: String? = nil) -> String {
        var w = JSONWriter(lineBreakDepth: 2)
        w.beginObject()
        w.key("headline_side")
        w.string(headlineSide.rawValue)
        w.key("articles")
        w.beginArray()
        for a in articles {
            w.beginObject()
            w.field("id", a.id)
            w.field("kicker", a.kicker?.string)
            w.field("headline", a.headline?.string)
            w.field("subheadline", a.subheadline?.string)
            w.field("dateline", a.dateline)
            w.key("credits")
            w.beginArray(compact: true)
            for c in a.credits {
                w.beginObject()
                w.key("role"); w.string(c.role)
                w.key("name"); w.string(c.name)
                w.endObject()
            }
            w.endArray()
            w.field("genre", a.genre.rawValue)
            w.field("body", a.body)
            w.key("source_lines")
            w.beginArray(compact: true)
            w.int(a.sourceLines.lowerBound)
            w.int(a.sourceLines.upperBound)
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("warnings")
        w.beginArray()
        for warning in warnings {
            w.beginObject(compact: true)
            w.key("line"); w.int(warning.line)
            w.key("message"); w.string(warning.message)
            if let text = warning.text { w.key("text"); w.string(text.string) }
            w.endObject()
        }
        w.endArray()
        if let revision {
            w.key("revision")
            w.string(revision)
        }
        w.endObject()
        return w.finish()
    }

    /// One block per article (id, genre, source lines, headline, 电头, opening of the body), then the warnings.
    public func text() -> String {
        var out = "\(articles.count) 篇（标题在正文\(headlineSide == .before ? "之前" : "之后")）\n"
        for a in articles {
            out += "\n\(a.id)  \(a.genre.rawValue)  第\(a.sourceLines.lowerBound)–\(a.sourceLines.upperBound)行  \(ChineseCount.characters(in: a.body))字\n"
            if let k = a.kicker { out += "  引题  \(k.string)\n" }
            out += "  主题  \(a.headline?.string ?? "—")\n"
            if let s = a.subheadline { out += "  副题  \(s.string)\n" }
            let credits = a.credits.map { "\($0.role) \($0.name)" }.joined(separator: "、")
            out += "  电头  \(a.dateline ?? "—")\(credits.isEmpty ? "" : "（\(credits)）")\n"
            let opening = a.paragraphs.first.map { String($0.characters.prefix(40)) } ?? ""
            out += "  正文  \(opening)\(a.paragraphs.first.map { $0.count > 40 ? "…" : "" } ?? "")（\(a.paragraphs.count)段）\n"
        }
        if !warnings.isEmpty {
            out += "\n\(warnings.count) 条提示：\n"
            for warning in warnings { out += "  第\(warning.line)行：\(warning.message)\n" }
        }
        return out
    }
}
