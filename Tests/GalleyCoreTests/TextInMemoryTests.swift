import GalleyCore
import GalleyTestSupport
import Testing

/// The scalar view rules scan, and checking text held in memory.
@Suite struct TextInMemoryTests {
    /// 1- to 4-byte scalars, well past several checkpoints, in a slice that does not start at the string's start.
    static let mixed = "前言。\n\n" + String(repeating: "a滨😀é江 1，", count: 40)

    @Test func scalarPositionsMatchTheStringsOwn() {
        let body = Self.mixed[Self.mixed.index(Self.mixed.startIndex, offsetBy: 3)...]
        let view = ScalarText(body)
        let expected = Array(body.unicodeScalars.indices) + [body.endIndex]
        #expect(view.count == body.unicodeScalars.count)
        #expect(view.scalars == Array(body.unicodeScalars))
        #expect(view.indices.count == expected.count)
        #expect(view.indices.elementsEqual(expected))
        #expect(String(body[view.range(5, 9)]) == String(String.UnicodeScalarView(body.unicodeScalars.dropFirst(5).prefix(4))))
        #expect(ScalarText(""[...]).indices.elementsEqual(["".startIndex]))
    }

    @Test func findingsInMemoryArePlacedLikeFileFindings() throws {
        let text = ArticleFixture.text(id: "a1", body: Self.mixed + "\n\n没有其它问题。\n")
        let findings = try Checker(newsroom: nil, families: [testFamily()]).check(text: text, path: "a1.md")
        let f = try #require(findings.first)
        #expect(findings.count == 1)
        let body = text[text.range(of: "前言")!.lowerBound...]
        let at = text.range(of: "其它")!.lowerBound
        #expect(f.offset == body.unicodeScalars.distance(from: body.startIndex, to: at))
        #expect(f.byteOffset == body.utf8.distance(from: body.startIndex, to: at))
        #expect(f.column == 3 && f.text == "其它" && f.fixable)
    }

    @Test func fixInMemoryAppliesCertainEdits() throws {
        let checker = Checker(newsroom: nil, families: [testFamily()])
        let fixed = try checker.fix(text: "没有其它问题。\n\n其它事项照旧。\n", path: "a.txt")
        #expect(fixed.text == "没有其他问题。\n\n其他事项照旧。\n" && fixed.applied == 2)
        #expect(try checker.fix(text: "没有问题。\n", path: "a.txt") == ("没有问题。\n", 0))
    }
}
