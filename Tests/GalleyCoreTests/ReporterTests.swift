import Foundation
import GalleyCore
import Testing

/// A finding whose lengths come from `text`.
private func finding(_ text: String, rule: String = "typography.fullwidth-digits", severity: Severity = .warning,
                     path: String = "news/a.md", line: Int = 3, column: Int = 19, offset: Int? = 40,
                     byteOffset: Int? = 120, message: Message = Message("数字应使用半角", en: "Use half-width digits"),
                     replacement: String? = nil, fixable: Bool = false) -> Finding
{
    Finding(rule: rule, severity: severity, path: path, line: line, column: column, offset: offset,
            length: text.unicodeScalars.count, byteOffset: byteOffset, byteLength: text.utf8.count, text: text,
            message: message, replacement: replacement, fixable: fixable)
}

/// A context whose files hold `lines` (1-based line 3 is `lines[2]`).
private func context(_ language: Language = .zh, color: Bool = false, lines: [String] = [],
                     rules: [RuleSummary] = []) -> ReportContext
{
    ReportContext(language: language, color: color, rules: rules, toolVersion: "0.1.0") { _, _, line in
        lines.indices.contains(line - 1) ? lines[line - 1] : nil
    }
}

private func textLines(_ findings: [Finding], _ context: ReportContext, summary: ReportSummary = .init(files: 1))
    -> [String]
{
    TextReporter().render(findings, summary: summary, context: context)
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

/// CJK (2 columns), Latin and a space (1), an emoji (2), full-width punctuation and digits (2).
private let mixedLine = "据报道，Apple 发布😀新品！价格５９９９元"

@Suite struct TextReporterTests {
    @Test func underlineIsPlacedByDisplayWidth() {
        let f = finding("５９９９", replacement: "5999", fixable: true)
        #expect(textLines([f], context(lines: ["", "", mixedLine])) == [
            "news/a.md:3:19: warning: 数字应使用半角 [typography.fullwidth-digits]",
            "据报道，Apple 发布😀新品！价格５９９９元",
            "                              ^~~~~~~~",
            "  建议：改为“5999”（--fix 可自动修正）",
            "共 0 个错误、1 个警告、0 条提示，涉及 1 个文件",
            "",
        ])
    }

    @Test func englishSuggestionWithoutFix() {
        let f = finding("５９９９", replacement: "5999")
        let lines = textLines([f], context(.en, lines: ["", "", mixedLine]))
        #expect(lines[0] == "news/a.md:3:19: warning: Use half-width digits [typography.fullwidth-digits]")
        #expect(lines[3] == "  suggestion: “5999”")
        #expect(lines[4] == "0 errors, 1 warning, 0 info in 1 file")
    }

    @Test func tabsAreExpandedSoTheUnderlineLinesUp() {
        let f = finding("错字", line: 1, column: 3)
        let lines = textLines([f], context(lines: ["a\t错字b\t！"]))
        #expect(lines[1] == "a   错字b   ！")
        #expect(lines[2] == "    ^~~~")
    }

    @Test func multiLineTextIsUnderlinedToTheEndOfItsFirstLine() {
        let f = finding("第一行\n第二行", line: 1, column: 3)
        let lines = textLines([f], context(lines: ["开头第一行"]))
        #expect(lines[1] == "开头第一行")
        #expect(lines[2] == "    ^~~~~~")
    }

    @Test func unknownLineShowsTheFlaggedText() {
        let f = finding("，，Ａ", line: 9, column: 5)
        let lines = textLines([f], context(lines: []))
        #expect(lines[1] == "，，Ａ")
        #expect(lines[2] == "^~~~~~")
    }

    @Test func changedLineFallsBackToTheFlaggedText() {
        let f = finding("错字", line: 1, column: 3)
        let lines = textLines([f], context(lines: ["后来改过的一行"]))
        #expect(lines[1] == "错字")
        #expect(lines[2] == "^~~~")
    }

    @Test func insertionPointGetsOneCaret() {
        let f = finding("", line: 1, column: 3)
        let lines = textLines([f], context(lines: ["今天天气"]))
        #expect(lines[1] == "今天天气")
        #expect(lines[2] == "    ^")
    }

    @Test func longLineIsCutAroundTheFlaggedText() {
        let line = String(repeating: "甲", count: 40) + "错" + String(repeating: "乙", count: 40)
        let f = finding("错", line: 1, column: 41)
        let lines = textLines([f], context(lines: [line]))
        #expect(lines[1] == "…" + String(repeating: "甲", count: 14) + "错" + String(repeating: "乙", count: 14) + "…")
        // The leading “…” is one column (East Asian Ambiguous), the 14 甲 two each.
        #expect(lines[2] == String(repeating: " ", count: 29) + "^~")
    }

    @Test func twoRulesOnTheSameTextPrintOnce() {
        let a = finding("(", rule: "byline.format", severity: .warning, replacement: "（", fixable: true)
        let b = finding("(", rule: "typography.halfwidth-punctuation", severity: .error,
                        message: Message("中文语句中应使用全角“（”", en: "x"), replacement: "（", fixable: true)
        let out = textLines([a, b, finding("(", rule: "other.rule", replacement: "〔")], context())
        #expect(out.filter { $0.contains("news/a.md:3:19:") }.count == 2)
        #expect(out.contains { $0.hasPrefix("news/a.md:3:19: error: ") && $0.hasSuffix("[byline.format, typography.halfwidth-punctuation]") })
        #expect(out.contains { $0.hasSuffix("[other.rule]") })
        // Counted as printed: two findings, not three.
        #expect(out.dropLast().last == "共 1 个错误、1 个警告、0 条提示，涉及 1 个文件")
    }

    /// Reading order breaks ties by rule, so twins with another rule's different suggestion between
    /// them are still found: a and c (“（”) merge, b (“〔”) stays apart, in the order they came.
    @Test func twinsAreMergedAcrossAnotherSuggestionAtTheSameSpot() {
        let a = finding("(", rule: "a.rule", replacement: "（")
        let b = finding("(", rule: "b.rule", severity: .error, replacement: "〔")
        let c = finding("(", rule: "c.rule", replacement: "（")
        let merged = Finding.mergedAtSameSpot([a, b, c])
        #expect(merged.map(\.rule) == ["a.rule, c.rule", "b.rule"])
        #expect(merged.map(\.severity) == [.warning, .error])
        #expect(Finding.mergedAtSameSpot([a, finding("(", rule: "d.rule", line: 4, replacement: "（")]).count == 2)
        var outcome = CheckOutcome()
        outcome.findings = [a, b, c]
        #expect(outcome.countsLine == "1 error, 1 warning, 0 info")
    }

    @Test func colourOnlyWhenAskedFor() {
        let f = finding("５９９９", severity: .error)
        let plain = TextReporter().render([f], summary: .init(files: 1), context: context(lines: ["", "", mixedLine]))
        #expect(!plain.contains("\u{1B}"))
        let coloured = TextReporter().render([f], summary: .init(files: 1),
                                             context: context(color: true, lines: ["", "", mixedLine]))
        #expect(coloured.hasPrefix("\u{1B}[1mnews/a.md:3:19:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m 数字应使用半角"))
        #expect(coloured.contains(String(repeating: " ", count: 30) + "\u{1B}[1;31m^~~~~~~~\u{1B}[0m\n"))
        let warning = TextReporter().render([finding("５", severity: .warning), finding("５", severity: .info, column: 30)],
                                            summary: .init(), context: context(color: true))
        #expect(warning.contains("\u{1B}[1;33mwarning:\u{1B}[0m"))
        #expect(warning.contains("\u{1B}[1;36minfo:\u{1B}[0m"))
    }

    @Test func pluginTextIsSanitized() {
        let evil = Message("\u{1B}[2J\u{1B}]0;pwned\u{07}清屏\u{1B}[31m了", en: "x")
        let f = finding("错\u{1B}[8m", rule: "evil.rule\u{1B}[0m", path: "a\nb.md", line: 1, column: 1, message: evil,
                        replacement: "对\u{9B}31m")
        let out = TextReporter().render([f], summary: .init(files: 1, problems: ["plugin \u{1B}[1mx\u{1B}[0m died"]),
                                        context: context(lines: ["错\u{1B}[8m字"]))
        #expect(!out.contains("\u{1B}"))
        #expect(!out.contains("\u{9B}"))
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "a\\u{a}b.md:1:1: warning: 清屏了 [evil.rule]")
        #expect(lines[1] == "错字")
        #expect(lines[2] == "^~")
        #expect(lines[3] == "  建议：改为“对”")
        #expect(lines[4] == "问题：plugin x died")
    }

    @Test func summaryLinesInBothLanguages() {
        let findings = [Severity.error, .error, .error, .warning, .warning, .info].enumerated().map {
            finding("５", severity: $0.element, path: $0.offset < 3 ? "a.md" : "b.md", column: 1 + $0.offset)
        }
        let summary = ReportSummary(files: 4)
        #expect(textLines(findings, context(.zh), summary: summary).dropLast().last
            == "共 3 个错误、2 个警告、1 条提示，涉及 2 个文件（已检查 4 个）")
        #expect(textLines(findings, context(.en), summary: summary).dropLast().last
            == "3 errors, 2 warnings, 1 info in 2 of 4 files")
        #expect(textLines(findings, context(.zh), summary: ReportSummary(files: 2)).dropLast().last
            == "共 3 个错误、2 个警告、1 条提示，涉及 2 个文件")
        #expect(textLines(findings, context(.en), summary: ReportSummary(files: 2)).dropLast().last
            == "3 errors, 2 warnings, 1 info in 2 files")
        let problems = ReportSummary(files: 1, problems: ["a.md: not UTF-8", "plugin x timed out"])
        #expect(textLines([], context(.en), summary: problems).suffix(4)
            == ["problem: a.md: not UTF-8", "problem: plugin x timed out",
                "0 errors, 0 warnings, 0 info in 1 file; 2 problems", ""])
        #expect(textLines([], context(.zh), summary: problems).dropLast().last
            == "共 0 个错误、0 个警告、0 条提示，检查了 1 个文件；另有 2 个问题")
    }

    @Test func historyUsesShortIDs() {
        var f = finding("５", line: 1, column: 1)
        f.introduced = "abc1234def5678abc1234def5678abc1234def56"
        f.fixed = "def5678abc1234def5678abc1234def5678abc12"
        #expect(textLines([f], context(.zh))[0].hasSuffix("[typography.fullwidth-digits]  (引入于 abc1234，修正于 def5678)"))
        #expect(textLines([f], context(.en))[0].hasSuffix("  (introduced in abc1234, fixed in def5678)"))
        f.fixed = nil
        #expect(textLines([f], context(.en))[0].hasSuffix("[typography.fullwidth-digits]  (introduced in abc1234)"))
    }
}

@Suite struct JSONReporterTests {
    static let findings: [Finding] = {
        var body = finding("滨江区，，", rule: "typography.repeated-punctuation", path: "稿件/滨江.md", line: 7, column: 4,
                           offset: 31, byteOffset: 93, message: Message("标点重复", en: "Repeated punctuation"),
                           replacement: "，", fixable: true)
        body.introduced = "abc1234def"
        var frontMatter = finding("Tab\there \u{1B}[1m", rule: "front-matter.headline", severity: .error,
                                  path: "稿件/滨江.md", line: 2, column: 11, offset: nil, byteOffset: nil,
                                  message: Message("标题含控制字符", en: "Headline has control characters"))
        frontMatter.revision = "0123456789abcdef0123456789abcdef01234567"
        return [body, frontMatter]
    }()

    static func parsed(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func fieldsAndValues() throws {
        let summary = ReportSummary(files: 4, revisions: 6, cacheHits: 10, cacheMisses: 2, problems: ["a.md: 无法解码"])
        let text = JSONReporter().render(Self.findings, summary: summary, context: context(.en))
        let root = try Self.parsed(text)
        #expect(Set(root.keys) == ["findings", "summary"])
        let findings = try #require(root["findings"] as? [[String: Any]])
        #expect(findings.count == 2)
        let common: Set = ["path", "revision", "line", "column", "offset", "length", "text", "rule", "severity", "message",
                           "replacement", "byte_offset", "byte_length", "fixable", "message_en", "message_zh"]
        #expect(Set(findings[0].keys) == common.union(["introduced"]))
        #expect(Set(findings[1].keys) == common)

        let body = findings[0]
        #expect(body["path"] as? String == "稿件/滨江.md")
        #expect(body["revision"] is NSNull)
        #expect(body["line"] as? Int == 7)
        #expect(body["column"] as? Int == 4)
        #expect(body["offset"] as? Int == 31)
        #expect(body["length"] as? Int == 5)
        #expect(body["text"] as? String == "滨江区，，")
        #expect(body["rule"] as? String == "typography.repeated-punctuation")
        #expect(body["severity"] as? String == "warning")
        #expect(body["message"] as? String == "Repeated punctuation")
        #expect(body["replacement"] as? String == "，")
        #expect(body["byte_offset"] as? Int == 93)
        #expect(body["byte_length"] as? Int == 15)
        #expect(body["fixable"] as? Bool == true)
        #expect(body["message_en"] as? String == "Repeated punctuation")
        #expect(body["message_zh"] as? String == "标点重复")
        #expect(body["introduced"] as? String == "abc1234def")

        let head = findings[1]
        #expect(head["offset"] is NSNull)
        #expect(head["byte_offset"] is NSNull)
        #expect(head["replacement"] is NSNull)
        #expect(head["revision"] as? String == "0123456789abcdef0123456789abcdef01234567")
        #expect(head["text"] as? String == "Tab\there \u{1B}[1m")
        #expect(head["severity"] as? String == "error")
        #expect(head["fixable"] as? Bool == false)

        let totals = try #require(root["summary"] as? [String: Any])
        #expect(Set(totals.keys) == ["errors", "warnings", "info", "fixed", "files", "revisions", "cache", "problems"])
        #expect(totals["errors"] as? Int == 1)
        #expect(totals["warnings"] as? Int == 1)
        #expect(totals["info"] as? Int == 0)
        #expect(totals["files"] as? Int == 4)
        #expect(totals["revisions"] as? Int == 6)
        let cache = try #require(totals["cache"] as? [String: Any])
        #expect(cache["hits"] as? Int == 10)
        #expect(cache["misses"] as? Int == 2)
        #expect(totals["problems"] as? [String] == ["a.md: 无法解码"])
    }

    @Test func cjkIsKeptAndControlsAreEscaped() throws {
        let text = JSONReporter().render(Self.findings, summary: .init(), context: context(.zh))
        #expect(text.contains(#""message":"标点重复""#))
        #expect(text.contains(#""path":"稿件/滨江.md""#))
        #expect(text.contains(#""text":"Tab\there \u001b[1m""#))
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\\u6"))
        let findings = try #require(try Self.parsed(text)["findings"] as? [[String: Any]])
        #expect(findings[0]["message"] as? String == "标点重复")
    }

    @Test func keysComeInTheDocumentedOrder() {
        let text = JSONReporter().render([Self.findings[0]], summary: .init(), context: context())
        let keys = ["path", "revision", "line", "column", "offset", "length", "text", "rule", "severity", "message",
                    "replacement", "byte_offset", "byte_length", "fixable", "message_en", "message_zh", "introduced"]
        let positions = keys.map { text.range(of: "\"\($0)\":")?.lowerBound }
        #expect(!positions.contains(nil))
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func manyFindingsStayValid() throws {
        let findings = (0..<5000).map { finding("第\($0)处\u{0}\"\\", line: $0 + 1) }
        let text = JSONReporter().render(findings, summary: .init(files: 1), context: context())
        let parsed = try #require(try Self.parsed(text)["findings"] as? [[String: Any]])
        #expect(parsed.count == 5000)
        #expect(parsed[4999]["text"] as? String == "第4999处\u{0}\"\\")
        #expect(parsed[4999]["line"] as? Int == 5000)
    }
}

@Suite struct SARIFReporterTests {
    static let rules = [
        RuleSummary(id: "typography.repeated-punctuation", summary: Message("标点重复", en: "Repeated punctuation"),
                    severity: .warning),
        RuleSummary(id: "front-matter.headline", summary: Message("标题", en: "Headline"), severity: .error),
    ]

    static func run(_ findings: [Finding], problems: [String] = [], language: Language = .zh) throws -> [String: Any] {
        let text = SARIFReporter().render(findings, summary: .init(files: 1, problems: problems),
                                          context: context(language, rules: rules))
        let root = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["version"] as? String == "2.1.0")
        #expect(root["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let runs = try #require(root["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return runs[0]
    }

    @Test func driverListsEveryRuleAndResultsPointAtThem() throws {
        let unlisted = finding("，", rule: "plugin.unlisted", severity: .info, line: 1, column: 1)
        let run = try Self.run(JSONReporterTests.findings + [unlisted])
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        #expect(run["language"] as? String == "zh-CN")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "galley")
        #expect(driver["version"] as? String == "0.1.0")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["typography.repeated-punctuation", "front-matter.headline",
                                                      "plugin.unlisted"])
        #expect((rules[0]["shortDescription"] as? [String: Any])?["text"] as? String == "标点重复")
        #expect((rules[0]["fullDescription"] as? [String: Any])?["text"] as? String == "Repeated punctuation")
        #expect((rules[1]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        #expect(Set(rules[2].keys) == ["id"])

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 3)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        #expect(results.map { $0["level"] as? String } == ["warning", "error", "note"])
        #expect((results[0]["message"] as? [String: Any])?["text"] as? String == "标点重复")
    }

    @Test func locationRegionAndFix() throws {
        let results = try #require(try Self.run(JSONReporterTests.findings)["results"] as? [[String: Any]])
        let result = results[0]
        let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]
            as? [String: Any])
        let artifact = try #require(location["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "%E7%A8%BF%E4%BB%B6/%E6%BB%A8%E6%B1%9F.md")
        #expect(artifact["uriBaseId"] as? String == "SRCROOT")
        let region = try #require(location["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 7)
        #expect(region["startColumn"] as? Int == 4)
        #expect(region["endLine"] as? Int == 7)
        #expect(region["endColumn"] as? Int == 9)
        #expect(region["charLength"] as? Int == 5)
        #expect((region["snippet"] as? [String: Any])?["text"] as? String == "滨江区，，")

        let fix = try #require((result["fixes"] as? [[String: Any]])?.first)
        let change = try #require((fix["artifactChanges"] as? [[String: Any]])?.first)
        #expect((change["artifactLocation"] as? [String: Any])?["uri"] as? String == artifact["uri"] as? String)
        let replacement = try #require((change["replacements"] as? [[String: Any]])?.first)
        let deleted = try #require(replacement["deletedRegion"] as? [String: Any])
        #expect(deleted["startLine"] as? Int == 7)
        #expect(deleted["startColumn"] as? Int == 4)
        #expect(deleted["charLength"] as? Int == 5)
        #expect((replacement["insertedContent"] as? [String: Any])?["text"] as? String == "，")
        #expect(results[1]["fixes"] == nil)
        #expect((results[0]["properties"] as? [String: Any])?["introduced"] as? String == "abc1234def")
        #expect((results[1]["properties"] as? [String: Any])?["revision"] as? String
            == "0123456789abcdef0123456789abcdef01234567")
    }

    @Test func multiLineRegionAndAbsolutePath() throws {
        let f = finding("甲乙\n丙 丁", path: "/srv/新闻 稿.md", line: 2, column: 5)
        let results = try #require(try Self.run([f])["results"] as? [[String: Any]])
        let location = try #require((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"]
            as? [String: Any])
        let artifact = try #require(location["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "file:///srv/%E6%96%B0%E9%97%BB%20%E7%A8%BF.md")
        #expect(artifact["uriBaseId"] == nil)
        let region = try #require(location["region"] as? [String: Any])
        #expect(region["endLine"] as? Int == 3)
        #expect(region["endColumn"] as? Int == 4)
        #expect(region["charLength"] as? Int == 6)
    }

    @Test func problemsBecomeNotifications() throws {
        let failed = try Self.run([], problems: ["plugin x timed out", "b.md: 不是 UTF-8"])
        let invocation = try #require((failed["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notes = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notes.map { ($0["message"] as? [String: Any])?["text"] as? String }
            == ["plugin x timed out", "b.md: 不是 UTF-8"])
        #expect(notes.allSatisfy { $0["level"] as? String == "error" })

        let clean = try #require((try Self.run([])["invocations"] as? [[String: Any]])?.first)
        #expect(clean["executionSuccessful"] as? Bool == true)
        #expect(clean["toolExecutionNotifications"] == nil)
    }

    @Test func fingerprintsAreStableAcrossLanguagesAndLines() throws {
        func print(_ f: Finding, _ language: Language) throws -> String? {
            let result = try #require((try Self.run([f], language: language)["results"] as? [[String: Any]])?.first)
            return (result["partialFingerprints"] as? [String: Any])?["galley/v1"] as? String
        }
        let a = try print(finding("，，"), .zh)
        #expect(a?.count == 16)
        #expect(try print(finding("，，"), .en) == a)
        #expect(try print(finding("，，", line: 30, column: 2), .zh) == a)
        #expect(try print(finding("。。"), .zh) != a)
        #expect(try print(finding("，，", path: "news/b.md"), .zh) != a)
    }
}

@Suite struct ReportersTests {
    @Test func lookUpByID() {
        #expect(Reporters.all.map { $0.id } == ["text", "json", "sarif"])
        #expect(Reporters.named("json") is JSONReporter)
        #expect(Reporters.named("sarif") is SARIFReporter)
        #expect(Reporters.named("text") is TextReporter)
        #expect(Reporters.named("xml") == nil)
        #expect(Reporters.all.allSatisfy { !$0.summary.isEmpty })
    }

    @Test func everyReporterEndsWithOneNewline() {
        for reporter in Reporters.all {
            let out = reporter.init().render(JSONReporterTests.findings, summary: .init(files: 1), context: context())
            #expect(out.hasSuffix("\n") && !out.hasSuffix("\n\n"), "\(reporter.id)")
        }
    }
}
