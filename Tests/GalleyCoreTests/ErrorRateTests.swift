import Foundation
import GalleyCore
import Testing

/// The 差错率 of a small issue, worked out by hand.
@Suite struct ErrorRateTests {
    static func article(_ id: String, headline: String, bodyCharacters: Int) -> String {
        "---\nid: \(id)\nissue: 2026-11-27\npage: A1\nsection: 要闻\ngenre: news\nstatus: draft\nheadline: \(headline)\n---\n"
            + String(repeating: "供", count: bodyCharacters) + "\n"
    }

    /// A finding in the body at `column` of line 10, or on the headline line (8) when `headline`.
    static func finding(_ path: String, _ rule: String, _ text: String, _ replacement: String? = nil, column: Int,
                        headline: Bool = false, length: Int? = nil) -> Finding {
        let n = length ?? text.unicodeScalars.count
        return Finding(rule: rule, severity: .warning, path: path, line: headline ? 8 : 10, column: column,
                       offset: headline ? nil : column - 1, length: n, byteOffset: headline ? nil : column - 1, byteLength: n * 3,
                       text: text, message: Message("测试", en: "test"), replacement: replacement)
    }

    static let a = "articles/2026-11-27/a.md"
    static let b = "articles/2026-11-27/b.md"
    static let c = "articles/2026-11-27/c.md"

    static func outcome() -> CheckOutcome {
        var o = CheckOutcome()
        // 字数: A 5 (headline) + 995 = 1,000; B 2 + 1,998 = 2,000; C 2 + 6,998 = 7,000.
        o.sources[a + "\u{0}"] = article("a", headline: "产业圆开工", bodyCharacters: 995)
        o.sources[b + "\u{0}"] = article("b", headline: "标题", bodyCharacters: 1998)
        o.sources[c + "\u{0}"] = article("c", headline: "标题", bodyCharacters: 6998)
        o.findings = [
            finding(a, "terms.typo", "产业圆", "产业园", column: 11, headline: true),  // 1 character ×2 (headline) = 2
            finding(a, "terms.typo", "再接再励", "再接再厉", column: 1),                // 1
            finding(a, "typography.fullwidth-alphanumeric", "２０２６", "2026", column: 20),  // number form 0.1
            finding(a, "typography.han-digit-spacing", "11 月", "11月", column: 30),     // layout: 0
            finding(a, "people.title", "市委副书记", "副市长", column: 40),             // 2
        ]
        // B: 再接再励 three more times: the 2nd and 3rd of the issue count, the 4th does not.
        for k in 0..<3 { o.findings.append(finding(b, "terms.typo", "再接再励", "再接再厉", column: 1 + k * 10)) }
        // Ten different number-form errors: with A's 0.1, nine more reach the cap of 1 per issue.
        for k in 0..<10 {
            o.findings.append(finding(b, "typography.fullwidth-alphanumeric", String(repeating: "１", count: k + 1),
                                      String(repeating: "1", count: k + 1), column: 100 + 20 * k))
        }
        // Two rules on the same mark count once.
        o.findings.append(finding(b, "typography.halfwidth-punctuation", "(", "（", column: 200))
        o.findings.append(finding(b, "byline.format", "(", "（", column: 200))
        // Wrong characters: 3 → 2, 6 → 4 (the weight of house.* is set to char below).
        o.findings.append(finding(b, "house.x", "一二三", "四五六", column: 500))
        o.findings.append(finding(b, "house.y", "甲乙丙丁戊己", "子丑寅卯辰巳", column: 600))
        return o
    }

    @Test func aSmallIssueByHand() throws {
        let settings = ErrorRateSettings.parse("newsroom: 测试报\nreport:\n  threshold: 3\n  weights:\n    house: char\n")
        #expect(settings.warnings.isEmpty)
        let issues = ErrorRate.compute(Self.outcome(), settings: settings)
        let issue = try #require(issues.first)
        #expect(issues.count == 1 && issue.issue == "2026-11-27")
        #expect(issue.articles.map(\.characters) == [1000, 2000, 7000])
        // A: 2 + 1 + 0.1 + 0 + 2 = 5.1 → 51/10000.  B: 1 + 1 + 0 + 0.9 + 0.1 + 2 + 4 = 9 → 45/10000.  C: 0.
        #expect(issue.articles.map(\.weighted) == [5.1, 9, 0])
        #expect(issue.articles.map(\.rate) == [51, 45, 0])
        #expect(issue.articles.map(\.pass) == [false, false, true])
        // The issue: 14.1 errors in 10,000 characters.
        #expect(issue.characters == 10_000 && issue.weighted == 14.1 && issue.rate == 14.1 && !issue.pass)
        let typo = try #require(issue.contributors.first { $0.rule == "terms.typo" })
        #expect(typo.count == 4 && typo.weight == 5)
        #expect(issue.contributors.first?.rule == "terms.typo")
        let numbers = try #require(issue.contributors.first { $0.rule == "typography.fullwidth-alphanumeric" })
        #expect(numbers.count == 10 && numbers.weight == 1)
        let b = issue.articles[1].items
        #expect(b.filter { $0.finding.rule == "terms.typo" }.map(\.weight) == [1, 1, 0])
        #expect(b.last { $0.finding.rule == "terms.typo" }?.note?.zh == "同一差错本期已计3次")
        #expect(b.filter { $0.finding.text == "(" }.map(\.weight).sorted() == [0, 0.1])
        // The same number-form error repeated is one error repeated: at most 3 times, then the cap of 1.
        var again = Self.outcome()
        again.findings.removeAll { $0.path == Self.b && $0.rule == "typography.fullwidth-alphanumeric" }
        for k in 0..<5 { again.findings.append(Self.finding(Self.b, "typography.fullwidth-alphanumeric", "１", "1", column: 100 + k)) }
        #expect(ErrorRate.compute(again, settings: settings)[0].articles[1].items.filter { $0.finding.text == "１" }.map(\.weight) == [0.1, 0.1, 0.1, 0, 0])
        let headline = try #require(issue.articles[0].items.first)
        #expect(headline.inHeadline && headline.base == 1 && headline.weight == 2)
    }

    @Test func thePassMarkAndTheDefaults() {
        var settings = ErrorRateSettings()
        #expect(settings.threshold == 3)
        #expect(settings.weight(rule: "terms.careful", severity: .info) == .fixed(0))
        #expect(settings.weight(rule: "house-style.no-qita", severity: .warning) == .fixed(1))
        #expect(settings.weight(rule: "house-style.hint", severity: .info) == .fixed(0))
        settings.threshold = 20
        let issue = ErrorRate.compute(Self.outcome(), settings: settings)[0]
        // Without house: char, house.x and house.y weigh 1 each: B = 1 + 1 + 0.9 + 0.1 + 1 + 1 = 5.
        #expect(issue.articles[1].weighted == 5 && issue.pass && issue.rate == 10.1)
    }

    @Test func badReportSettingsWarnAndKeepTheDefaults() {
        let s = ErrorRateSettings.parse("report:\n  threshold: low\n  weights:\n    terms.typo: lots\n    terms.variant: 0.5\n  colour: red\n")
        #expect(s.threshold == 3 && s.weights == ["terms.variant": .fixed(0.5)])
        #expect(s.warnings == [
            "galley.yml: report.threshold must be a number of errors per 10,000 characters; using 3",
            "galley.yml: report.weights.terms.typo: expected a number, char or number-form; using the default",
            "galley.yml: unknown key 'report.colour' ignored",
        ])
    }

    @Test func jsonCarriesArticlesAndTheIssue() throws {
        let issues = ErrorRate.compute(Self.outcome(), settings: ErrorRateSettings())
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ErrorRate.json(issues).utf8)) as? [String: Any])
        let articles = try #require(json["articles"] as? [[String: Any]])
        #expect(articles.count == 3)
        for key in ["path", "characters", "weighted_errors", "rate", "pass"] { #expect(articles[0].keys.contains(key)) }
        #expect(articles[0]["weighted_errors"] as? Double == 5.1 && articles[0]["rate"] as? Double == 51)
        let issue = try #require(json["issue"] as? [String: Any])
        #expect(issue["date"] as? String == "2026-11-27" && issue["characters"] as? Int == 10_000 && issue["pass"] as? Bool == false)
        let text = ErrorRate.text(issues)
        #expect(text.contains("全期") && text.contains("不合格") && text.contains("×2（标题）"))
    }
}
