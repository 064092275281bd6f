/// The 差错率 report for people (a table per issue, the counted errors, the largest contributors) and for
/// machines (`{"articles":[…],"issue":{…},"issues":[…]}`).
extension ErrorRate {
    /// Text for people, in Chinese or English; safe for a terminal.
    public static func text(_ issues: [IssueRate], language: Language = .zh) -> String {
        let zh = language == .zh
        var out = ""
        func line(_ s: String = "") { out += TerminalSafe.sanitize(s) + "\n" }
        func rate(_ v: Double) -> String { decimal(v) + "/10000" }
        func verdict(_ pass: Bool) -> String { zh ? (pass ? "合格" : "不合格") : (pass ? "pass" : "FAIL") }
        for (n, issue) in issues.enumerated() {
            if n > 0 { line() }
            let title = issue.issue.isEmpty ? (zh ? "（无出版日期的文件）" : "(files without an issue date)") : issue.issue
            line(zh ? "差错率报告：\(title) 期，\(issue.articles.count) 篇，标准 ≤ \(decimal(issue.threshold))/10000"
                    : "Error rate: issue \(title), \(counted(issue.articles.count, "article")), pass at ≤ \(decimal(issue.threshold))/10000")
            let header = zh ? ["稿件", "字数", "计错", "差错率", "结论"] : ["article", "chars", "errors", "rate", "result"]
            var rows: [[String]] = issue.articles.map { a in
                [name(a.path), count(a.characters), decimal(a.weighted), rate(a.rate), verdict(a.pass)]
            }
            rows.append([zh ? "全期" : "issue", count(issue.characters), decimal(issue.weighted), rate(issue.rate), verdict(issue.pass)])
            let table = [header] + rows
            let widths = (0..<header.count).map { c in table.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
            for (i, row) in table.enumerated() {
                if i == table.count - 1 { line(String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))) }
                line(row.enumerated().map { c, cell in
                    c == 0 || c == row.count - 1 ? pad(cell, widths[c], right: false) : pad(cell, widths[c], right: true)
                }.joined(separator: "  ").trimmingTrailingSpaces())
            }
            let items = issue.articles.flatMap(\.items)
            let counted = items.filter { $0.weight > 0 || ($0.base > 0 && $0.note != nil) }
            if !counted.isEmpty {
                line()
                line(zh ? "计错明细" : "Errors counted")
                let rows: [[String]] = counted.map { item in
                    let f = item.finding
                    let flagged = f.text.replacingNewlines()
                    let change = f.replacement.map { "“\(flagged)”→“\($0)”" } ?? "“\(flagged)”"
                    var weight = decimal(item.base)
                    if item.inHeadline { weight += zh ? "×2（标题）" : " ×2 (headline)" }
                    if item.inHeadline || item.note != nil { weight += " = " + decimal(item.weight) }
                    let note = item.note.map { zh ? "（\($0.zh)）" : " (\($0.en))" } ?? ""
                    return ["\(name(f.path)):\(f.line):\(f.column)", f.rule, weight, change + note]
                }
                let widths = (0..<3).map { c in rows.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
                for row in rows {
                    line("  " + (0..<3).map { pad(row[$0], widths[$0], right: false) }.joined(separator: "  ") + "  " + row[3])
                }
            }
            let uncounted = items.filter { $0.base == 0 }.count
            if uncounted > 0 {
                line(zh ? "  另有 \(uncounted) 处发现不计入差错率（排版、格式与提示类规则，见 galley check）"
                        : "  \(uncounted) more findings do not count (layout, format and advice rules; see galley check)")
            }
            if !issue.contributors.isEmpty {
                line()
                line(zh ? "主要来源" : "Largest contributors")
                let top = issue.contributors.prefix(5)
                let w = top.map { DisplayWidth.of($0.rule) }.max() ?? 0
                for c in top {
                    line("  " + pad(c.rule, w, right: false) + "  " + (zh ? "\(c.count) 处  计 \(decimal(c.weight))" : "\(c.count) × = \(decimal(c.weight))"))
                }
            }
        }
        return out
    }

    /// `{"articles":[…],"issue":{…},"issues":[…]}`: `issue` is the first (usually the only) issue.
    public static func json(_ issues: [IssueRate], language: Language = .zh) -> String {
        func articleJSON(_ a: ArticleRate, _ issue: String) -> String {
            let items = a.items.map { i in
                "{" + [
                    "\"rule\":" + JSONText.quote(i.finding.rule), "\"line\":\(i.finding.line)", "\"column\":\(i.finding.column)",
                    "\"text\":" + JSONText.quote(i.finding.text),
                    "\"replacement\":" + (i.finding.replacement.map(JSONText.quote) ?? "null"),
                    "\"base\":" + decimal(i.base, places: 4), "\"headline\":\(i.inHeadline)", "\"weight\":" + decimal(i.weight, places: 4),
                    "\"note\":" + (i.note.map { JSONText.quote($0.text(language)) } ?? "null"),
                ].joined(separator: ",") + "}"
            }
            return "{" + [
                "\"path\":" + JSONText.quote(a.path), "\"issue\":" + JSONText.quote(issue),
                "\"headline\":" + (a.headline.map(JSONText.quote) ?? "null"), "\"characters\":\(a.characters)",
                "\"weighted_errors\":" + decimal(a.weighted, places: 4), "\"rate\":" + decimal(a.rate, places: 4), "\"pass\":\(a.pass)",
                "\"findings\":[" + items.joined(separator: ",") + "]",
            ].joined(separator: ",") + "}"
        }
        func issueJSON(_ i: IssueRate) -> String {
            let contributors = i.contributors.map {
                "{\"rule\":" + JSONText.quote($0.rule) + ",\"count\":\($0.count),\"weight\":" + decimal($0.weight, places: 4) + "}"
            }
            return "{" + [
                "\"date\":" + (i.issue.isEmpty ? "null" : JSONText.quote(i.issue)), "\"articles\":\(i.articles.count)",
                "\"characters\":\(i.characters)", "\"weighted_errors\":" + decimal(i.weighted, places: 4),
                "\"rate\":" + decimal(i.rate, places: 4), "\"threshold\":" + decimal(i.threshold, places: 4), "\"pass\":\(i.pass)",
                "\"contributors\":[" + contributors.joined(separator: ",") + "]",
            ].joined(separator: ",") + "}"
        }
        let articles = issues.flatMap { i in i.articles.map { "    " + articleJSON($0, i.issue) } }
        return "{\n  \"articles\": [\n" + articles.joined(separator: ",\n") + "\n  ],\n"
            + "  \"issue\": " + (issues.first.map(issueJSON) ?? "null") + ",\n"
            + "  \"issues\": [" + issues.map(issueJSON).joined(separator: ",") + "]\n}\n"
    }

    static func name(_ path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }

    static func count(_ n: Int) -> String {
        var digits = String(n)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return groups.joined(separator: ",")
    }

    static func pad(_ s: String, _ width: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - DisplayWidth.of(s)))
        return right ? fill + s : s + fill
    }
}

extension String {
    fileprivate func replacingNewlines() -> String { String(map { $0 == "\n" ? "⏎" : $0 }) }

    fileprivate func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
