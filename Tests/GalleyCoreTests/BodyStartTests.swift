import GalleyCore
import GalleyTestSupport
import Testing

/// `bodyStartScalars` finds the start of the body in UTF-8 bytes; it must take exactly what the
/// definition says, counted in scalars: leading white space, the first line, then `beyond` scalars.
@Suite struct BodyStartTests {
    /// The definition, stepping through scalars.
    static func expected(_ body: Substring, beyond: Int) -> String {
        let scalars = body.unicodeScalars
        var end = scalars.startIndex
        while end < scalars.endIndex, [" ", "\u{3000}", "\t", "\n"].contains(scalars[end]) { end = scalars.index(after: end) }
        while end < scalars.endIndex, scalars[end] != "\n" { end = scalars.index(after: end) }
        end = scalars.index(end, offsetBy: beyond, limitedBy: scalars.endIndex) ?? scalars.endIndex
        return String(body[..<end])
    }

    static let bodies = [
        "", "\n\n", "　　本报讯（记者陈立峰）调度会召开。\n\n第二段说明情况。",
        " \t\n　本报北京11月26日电\n（记者赵明远）推介会举行。", "没有换行的一段正文，长于八十二个字之外的部分也要算进来。",
        "𠀋𠀌 扩展区汉字在首行\n🙂表情符号和「引号」之后还有正文。", "\u{3000}", "　\u{3000}x", "甲\n",
        "\u{3001}开头：首字节同为 0xE3 而不是全角空格", "\u{3100}\n", "　\u{3000}\u{3080}"
    ]

    @Test(arguments: [0, 1, 5, 82, 500])
    func takesWhatTheScalarDefinitionTakes(beyond: Int) throws {
        for body in Self.bodies {
            let article = try ArticleParser.parse(body, path: "a.txt", requireFrontMatter: false)
            let context = ArticleContext(path: "a.txt", article: article)
            let got = context.bodyStartScalars(beyondFirstLine: beyond)
            let want = Self.expected(context.body, beyond: beyond)
            #expect(String(String.UnicodeScalarView(got.scalars)) == want, "body \(body.debugDescription), beyond \(beyond)")
            #expect(got.count == want.unicodeScalars.count)
        }
    }

    /// In an article file the body is a slice that starts after the front matter.
    @Test func takesTheStartOfABodyAfterFrontMatter() throws {
        let article = try ArticleParser.parse(ArticleFixture.text(id: "a1"), path: ArticleFixture.path("a1"))
        let context = ArticleContext(path: ArticleFixture.path("a1"), article: article)
        #expect(context.body.startIndex > context.source.startIndex)
        for beyond in [0, 3, 82] {
            let got = context.bodyStartScalars(beyondFirstLine: beyond)
            let want = Self.expected(context.body, beyond: beyond)
            #expect(String(String.UnicodeScalarView(got.scalars)) == want)
            #expect(!want.isEmpty)
        }
    }
}
