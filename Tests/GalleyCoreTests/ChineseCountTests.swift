import GalleyCore
import Testing

@Suite struct ChineseCountTests {
    @Test(arguments: [
        ("本报讯（记者郭树勋）", 10),
        ("12月25日上午，", 7),
        ("实现营收4070.65万元", 7),
        ("iPhone 15 Pro 发布", 5),
        ("增长12.5%", 4),
        ("  \u{3000}两个 空格  ", 4),
        ("第十五个五年规划", 8),
        ("9:30开幕", 5),
        ("A-B", 1),
        ("结尾.", 3),
        ("", 0),
    ])
    func counts(_ text: String, _ expected: Int) {
        #expect(ChineseCount.characters(in: text) == expected, "\(text)")
    }

    @Test func paragraphsAreSeparatedByBlankLines() throws {
        let text = ArticleFixture.text(id: "a", body: "第一段。\n接着写。\n\n　\n第二段。\n\n\n第三段。\n")
        let article = try ArticleParser.parse(text, path: "a.md")
        #expect(article.paragraphs.map(String.init) == ["第一段。\n接着写。", "第二段。", "第三段。"])
        #expect(article.characterCount == 16)
    }
}

import GalleyTestSupport
