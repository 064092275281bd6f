import Foundation
import GalleyCore
import GalleyTestSupport
import Testing
@testable import LayoutExport

@Suite struct TextAndMarkupExportTests {
    static let tricky: [StoryText.Block] = [
        StoryText.Block(role: .headline, text: "R&D投入<超>预期"),
        StoryText.Block(role: .body, text: "新华社北京11月26日电（记者李明）研发投入&产出比<1.5>，“A&B”合作。"),
        StoryText.Block(role: .body, text: "第二段。"),
    ]

    @Test func textGalleyJoinsBackToEachBlock() throws {
        let job = try ExportFixtures.articleJob()
        let text = String(decoding: try ExportFixtures.export(TextGalleyExporter.self, job), as: UTF8.self)
        let paragraphs = text.components(separatedBy: "\n\n")
        #expect(paragraphs.count == job.text.blocks.count)
        for (paragraph, block) in zip(paragraphs, job.text.blocks) {
            #expect(paragraph.split(separator: "\n").joined() == block.text)
        }
        #expect(text.split(separator: "\n").count == job.story.lines.count)
    }

    @Test func datelineSpans() {
        #expect(DatelineSpan.length(in: "本报讯（记者郭树勋）12月25日上午，", dateline: nil) == 10)
        #expect(DatelineSpan.length(in: "本报讯（记者王海滔、周雅琴）11月26日", dateline: "本报讯") == 14)
        #expect(DatelineSpan.length(in: "新华社北京11月26日电（记者李明）研发", dateline: nil) == 18)
        #expect(DatelineSpan.length(in: "据通讯员报道，今天", dateline: nil) == 0)
        #expect(DatelineSpan.length(in: "市领导罗振华出席。", dateline: nil) == 0)
        #expect(DatelineSpan.length(in: "本报讯（记者李明，实习生王芳）今天", dateline: nil) == 3)
    }

    @Test(.enabled(if: Tools.has("xmllint"), "xmllint is not installed (apt-get install libxml2-utils)"))
    func icmlIsWellFormedWithStylesAndText() throws {
        let dir = TemporaryDirectory("icml")
        let job = try ExportFixtures.articleJob()
        let icml = String(decoding: try ExportFixtures.export(ICMLExporter.self, job), as: UTF8.self)
        dir.write("a.icml", icml)
        let lint = try Tools.run("xmllint", ["--noout", "a.icml"], in: dir.path)
        #expect(lint.status == 0, "\(lint.stderr)")
        for style in ["引题", "主题", "正文", "署名", "副题"] { #expect(icml.contains("Name=\"\(style)\"")) }
        #expect(icml.contains("<CharacterStyleRange AppliedCharacterStyle=\"CharacterStyle/电头\">\n        <Content>本报讯（记者王海滔、周雅琴）</Content>"))
        let contents = icml.components(separatedBy: "<Content>").dropFirst().map { $0.components(separatedBy: "</Content>")[0] }
        #expect(contents.joined() == job.text.blocks.map(\.text).joined())
        #expect(icml.components(separatedBy: "<Br/>").count - 1 == job.text.blocks.count - 1)
        #expect(!icml.contains("KinsokuSet"))
    }

    @Test(.enabled(if: Tools.has("xmllint"), "xmllint is not installed (apt-get install libxml2-utils)"))
    func icmlEscapesAndWritesCJKAttributesOnlyOnRequest() throws {
        let dir = TemporaryDirectory("icml")
        let icml = String(decoding: try ExportFixtures.export(ICMLExporter.self, ExportFixtures.job(Self.tricky, options: ["cjk-attributes": "true"])), as: UTF8.self)
        dir.write("t.icml", icml)
        let lint = try Tools.run("xmllint", ["--noout", "t.icml"], in: dir.path)
        #expect(lint.status == 0, "\(lint.stderr)")
        #expect(icml.contains("<Content>R&amp;D投入&lt;超&gt;预期</Content>"))
        #expect(icml.contains("StoryTitle=\"\""))
        #expect(icml.contains("<Content>新华社北京11月26日电（记者李明）</Content>"))
        #expect(icml.contains("<KinsokuSet type=\"enumeration\">SimplifiedChineseKinsoku</KinsokuSet>"))
        #expect(MarkupText.escape("甲\n乙\u{1}", lineBreak: "&#x2028;") == "甲&#x2028;乙")
    }

    @Test func htmlPreviewEscapesAndCarriesTheRules() throws {
        let html = String(decoding: try ExportFixtures.export(HTMLExporter.self, ExportFixtures.job(Self.tricky)), as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(html.contains("line-break: strict") && html.contains("text-indent: 2em") && html.contains("text-align: justify"))
        #expect(html.contains("<p class=\"headline\"><span class=\"latin\">R</span>&amp;<span class=\"latin\">D</span>投入&lt;超&gt;预期</p>"))
        #expect(html.contains("<span class=\"dateline\">新华社北京<span class=\"latin\">11</span>月<span class=\"latin\">26</span>日电（记者李明）</span>"))
        #expect(!html.contains("<超>") && !html.contains("R&D"))
        #expect(html.components(separatedBy: "<p class=\"body\">").count - 1 == 2)
    }

    @Test(.enabled(if: Tools.has("xmllint"), "xmllint is not installed (apt-get install libxml2-utils)"))
    func htmlIsWellFormed() throws {
        let dir = TemporaryDirectory("html")
        dir.write("a.html", bytes: try ExportFixtures.export(HTMLExporter.self, ExportFixtures.articleJob(options: ["grid": "true"])))
        // As XML: stricter than the HTML parser, which would also accept unclosed tags.
        let lint = try Tools.run("xmllint", ["--noout", "a.html"], in: dir.path)
        #expect(lint.status == 0, "\(lint.stderr)")
        #expect(dir.read("a.html")?.contains("column-count: 3") == true)
    }
}
