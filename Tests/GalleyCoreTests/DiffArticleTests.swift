import Foundation
import GalleyCore
import GalleyTestSupport
import Testing

/// Field-by-field comparison of articles, and every output format.
@Suite struct DiffArticleTests {
    static let old = ArticleFixture.text(id: "a1", headline: "滨江今冬供暖比往年提前三天启动", status: "submitted",
                                         body: DiffSample.page(), extra: "kicker: 民生关注\n")
    static let new = ArticleFixture.text(id: "a1", headline: "滨江今冬供暖比往年提前3天启动", status: "edited",
                                         body: DiffSample.page(DiffMoveTests.moved(DiffSample.paragraphs, from: 3, to: 1), width: 18)
                                             .replacingOccurrences(of: "实地查看", with: "实地察看"),
                                         extra: "subheadline: ——访市供热办主任\n")
        .replacingOccurrences(of: "  - {role: 记者, name: 陈立峰}", with: "  - {role: 记者, name: 陈立峰}\n  - {role: 通讯员, name: 梁志诚}")

    static func diff(_ a: String? = old, _ b: String? = new) -> ArticleDiff {
        ArticleDiffer.diff(old: a, new: b, oldLabel: "a1.md@1111111", newLabel: "a1.md (working tree)")
    }

    @Test func fieldsComeInEditorialOrderWithTheirOwnDiffs() throws {
        let d = Self.diff()
        #expect(d.fields.map(\.name) == ["kicker", "headline", "subheadline", "credits", "status"])
        let headline = try #require(d.fields.first { $0.name == "headline" }?.diff)
        #expect(headline.pieces.marked == "滨江今冬供暖比往年提前[-三-]{+3+}天启动")
        let kicker = d.fields[0]
        #expect(kicker.old == "民生关注" && kicker.new == nil)
        #expect(d.fields.first { $0.name == "credits" }?.new == "记者 陈立峰 / 通讯员 梁志诚")
        let status = try #require(d.fields.first { $0.name == "status" })
        #expect(status.diff == nil && status.old == "submitted" && status.new == "edited")
        #expect(d.body.moves.count == 1)
        #expect(d.body.statistics.changes == 2)
        #expect(d.newBodyLine == 15)
    }

    @Test func unreadableFrontMatterIsComparedAsText() {
        let broken = "---\nid: a1\nheadline: \"未闭合\n---\n正文。\n"
        let d = Self.diff(broken, Self.new)
        #expect(d.fields.contains { $0.name == "front matter" })
        #expect(d.body.hasChanges)
    }

    @Test func newAndDeletedFilesSayWhatTheyAre() {
        #expect(Self.diff(nil, Self.new).notes == ["new file: a1.md (working tree)"])
        #expect(Self.diff(Self.old, nil).notes.first?.hasPrefix("deleted:") == true)
    }

    @Test func terminalFormatMarksFieldsLinesMovesAndSummary() {
        let text = DiffFormat.terminal.render(Self.diff(), color: false, context: 0)
        #expect(text.hasPrefix("diff a1.md@1111111 → a1.md (working tree)\n"))
        #expect(text.contains("headline: 滨江今冬供暖比往年提前[-三-]{+3+}天启动\n"))
        #expect(text.contains("status: [-submitted-] → {+edited+}\n"))
        #expect(text.contains("[-查-]{+察+}"))
        #expect(text.contains("{>") && text.contains("[<") && text.contains("moved ⁽1⁾: "))
        #expect(text.hasSuffix("5 fields changed, 1 change in the body: +1 −1 characters, 1 move (87 characters)\n"))
        let colored = DiffFormat.terminal.render(Self.diff(), color: true)
        #expect(colored.contains("\u{1B}[31;9m三\u{1B}[0m") && colored.contains("\u{1B}[32;4m3\u{1B}[0m"))
    }

    @Test func layoutOnlyIsOneLine() {
        let a = ArticleFixture.text(id: "a1", body: DiffSample.page(width: 14))
        let b = ArticleFixture.text(id: "a1", body: DiffSample.page(width: 21))
        let d = Self.diff(a, b)
        #expect(d.isLayoutOnly && !d.hasTextChanges)
        let text = DiffFormat.terminal.render(d)
        #expect(text.split(separator: "\n").last!.hasPrefix("no textual change (layout only: line breaks "))
        #expect(DiffFormat.word.render(d).hasPrefix("no textual change (layout only"))
    }

    @Test func wordFormatIsTheWholeBodyWithGitMarkers() {
        let text = DiffFormat.word.render(Self.diff())
        #expect(text.contains("[-查-]{+察+}") && !text.contains("\u{1B}"))
        #expect(text.contains("headline: 滨江今冬供暖比往年提前[-三-]{+3+}天启动"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > NormalizedText(DiffSample.page()).text.count / 18)
    }

    @Test func jsonOpsReconstructBothTexts() throws {
        let d = Self.diff()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(DiffFormat.json.render(d).utf8)) as? [String: Any])
        let ops = try #require(json["ops"] as? [[Any]])
        let pairs = ops.map { ($0[0] as! Int, $0[1] as! String) }
        let newBody = pairs.filter { [0, 1, 3].contains($0.0) }.map(\.1).joined()
        let oldBody = pairs.filter { [0, -1, 2].contains($0.0) }.map(\.1).joined()
        let newSplit = ArticleDiffer.diff(old: "", new: Self.new, oldLabel: "", newLabel: "").body.new.text
        #expect(NormalizedText(newBody).text == newSplit)
        #expect(newBody == String(Self.new[Self.new.range(of: "---\n", options: .backwards)!.upperBound...]))
        #expect(NormalizedText(oldBody).text == NormalizedText(DiffSample.page()).text)
        let fields = try #require(json["fields"] as? [[String: Any]])
        #expect(fields.map { $0["field"] as! String } == ["kicker", "headline", "subheadline", "credits", "status"])
        let moves = try #require(json["moves"] as? [[String: Any]])
        #expect(moves.count == 1 && (moves[0]["to_ops"] as! [Int]).allSatisfy { pairs[$0].0 == 3 })
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["moves"] as? Int == 1 && summary["changed"] as? Bool == true)
    }

    @Test func htmlIsOneSelfContainedPage() {
        let html = DiffFormat.html.render(Self.diff())
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<del>查</del><ins>察</ins>"))
        #expect(html.contains("<ins class=\"moved\" data-move=\"1\">") && html.contains("<del class=\"moved\" data-move=\"1\">"))
        #expect(html.contains("<th>主题 headline</th>") && html.contains("<th>状态 status</th>"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href="))
        let hostile = Self.diff(Self.old, Self.new.replacingOccurrences(of: "实地察看", with: "<script>alert(1)</script>"))
        #expect(!DiffFormat.html.render(hostile).contains("<script>"))
    }

    @Test func unifiedDiffOfParagraphs() {
        let text = DiffFormat.unified.render(Self.diff(), context: 1)
        #expect(text.contains("field headline: 滨江今冬供暖比往年提前三天启动 → 滨江今冬供暖比往年提前3天启动\n"))
        #expect(text.contains("--- a/a1.md@1111111\n+++ b/a1.md_(working_tree)\n"))
        #expect(text.contains("\n-11月26日上午，市委副书记魏东升带队来到江北区第二热源厂和东湖区金桂苑小区，实地查看"))
        #expect(text.contains("\n+11月26日上午，市委副书记魏东升带队来到江北区第二热源厂和东湖区金桂苑小区，实地察看"))
        #expect(text.contains("@@ -"))
    }

    @Test func terminalOutputIsSafeFromEscapeSequences() {
        let hostile = Self.diff(Self.old, Self.new.replacingOccurrences(of: "实地察看", with: "实地\u{1B}]0;pwned\u{07}察看"))
        #expect(!DiffFormat.terminal.render(hostile).contains("\u{1B}]"))
    }
}
