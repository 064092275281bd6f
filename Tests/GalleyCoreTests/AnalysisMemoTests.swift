import GalleyCore
import Testing

@Suite struct AnalysisMemoTests {
    @Test func sharedAnalysesAreMadeOnceEvenWhenNil() throws {
        let article = try ArticleParser.parse("正文。\n", path: "a.txt", requireFrontMatter: false)
        let context = ArticleContext(path: "a.txt", article: article).withBodyScalars()
        var made = 0
        let first: Int? = context.shared("test.optional") { made += 1; return nil }
        let second: Int? = context.shared("test.optional") { made += 1; return 7 }
        #expect(first == nil && second == nil && made == 1)
        let count = context.shared("test.count") { context.bodyScalars.count }
        #expect(count == 4 && context.shared("test.count") { -1 } == 4)
    }
}
