import GalleyCore
import Testing

/// Flags the same word through valid and broken ranges: inside a scalar, past the end (another
/// string's index), inside an emoji's UTF-16 pair.
struct BrokenRangesRule: ArticleRule {
    static let description = RuleDescription(
        id: "test.broken-ranges", summary: Message("测试", en: "test"), severity: .warning,
        triggering: [Example("⟪滨江⟫😀。")], nonTriggering: [Example("没有。")])
    init(options: RuleOptions) {}
    func check(_ article: ArticleContext) -> [Diagnosis] {
        let s = article.source
        guard let word = s.range(of: "滨江"), let emoji = s.range(of: "😀") else { return [] }
        let message = Message("测试", en: "test")
        let insideScalar = s.utf8.index(word.lowerBound, offsetBy: 1)
        let longer = s + String(repeating: "长", count: 10)
        let pastEnd = longer.utf8.index(longer.utf8.endIndex, offsetBy: -3)
        let insidePair = s.utf16.index(after: emoji.lowerBound)
        return [Diagnosis(word, message), Diagnosis(insideScalar..<word.upperBound, message),
                Diagnosis(word.lowerBound..<pastEnd, message), Diagnosis(emoji.lowerBound..<insidePair, message),
                Diagnosis(insidePair..<emoji.upperBound, message)]
    }
}

@Suite struct FindingPlacementTests {
    @Test func rangesOffScalarBoundariesOrOutsideTheTextAreDropped() throws {
        let family = PluginFamily(id: "test", version: "1", summary: Message("测试", en: "test"), rules: [BrokenRangesRule.self])
        let findings = try Checker(newsroom: nil, families: [family]).check(text: "前言。\n滨江😀。\n", path: "a.txt")
        #expect(findings.map(\.text) == ["滨江"])
        let f = try #require(findings.first)
        #expect(f.line == 2 && f.column == 1 && f.offset == 4 && f.byteOffset == 10)
    }
}
