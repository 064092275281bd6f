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
        #expect(Set(totals.keys) == ["errors", "warnings", "info", "files", "revisions", "cache", "problems"])
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
