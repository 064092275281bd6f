@testable import GalleyCore
import GalleyTestSupport
import Testing

/// `FixRun` checks only the stretches an earlier pass touched; what an edit reveals in a stretch it did not
/// touch (through a tally or a whole-article rule) must still be fixed, in the pass whole passes fix it.
@Suite struct FixRunTests {
    static func fixes(_ scalar: Character, to replacement: String, in a: ArticleContext) -> [Diagnosis] {
        a.body.indices.filter { a.body[$0] == scalar }.map { .fix($0..<a.body.index(after: $0), Message("改", en: "fix"), with: replacement) }
    }

    /// `W` → `X`, looking at nothing else.
    struct WToX: CorrectableRule {
        static let description = RuleDescription(id: "test.w-to-x", summary: Message("W", en: "W"), severity: .warning, scope: .paragraph,
                                                 triggering: [], nonTriggering: [])
        init(options: RuleOptions) {}
        func check(_ a: ArticleContext) -> [Diagnosis] { FixRunTests.fixes("W", to: "X", in: a) }
    }

    /// `Y` → `Z` once the body holds an `X`: its tally counts them.
    struct YToZOnceX: TallyingRule {
        static let description = RuleDescription(id: "test.y-to-z", summary: Message("Y", en: "Y"), severity: .warning, triggering: [], nonTriggering: [])
        init(options: RuleOptions) {}
        func check(_ a: ArticleContext) -> [Diagnosis] { check(a, tally: tally(a, in: nil)) }
        func check(_ a: ArticleContext, tally: [Int]) -> [Diagnosis] { tally[0] > 0 ? FixRunTests.fixes("Y", to: "Z", in: a) : [] }
        func tally(_ a: ArticleContext, in ranges: [Range<Int>]?) -> [Int] {
            let u = a.body.utf8
            return [a.body.indices.filter { i in a.body[i] == "X" && ranges.map { $0.contains { $0.contains(u.distance(from: u.startIndex, to: i)) } } ?? true }.count]
        }
    }

    /// `V` → `U` once the body holds a `Z`, with no tally: it sees the whole body every pass.
    struct VToUOnceZ: CorrectableRule {
        static let description = RuleDescription(id: "test.v-to-u", summary: Message("V", en: "V"), severity: .warning, triggering: [], nonTriggering: [])
        init(options: RuleOptions) {}
        func check(_ a: ArticleContext) -> [Diagnosis] { a.body.contains("Z") ? FixRunTests.fixes("V", to: "U", in: a) : [] }
    }

    static let frontMatter = "---\nid: x\nissue: 2026-11-27\npage: A1\nsection: 要闻\ngenre: news\nstatus: draft\nheadline: 标题\n---\n"

    static let rules: [any CorrectableRule] = [WToX(options: RuleOptions()), YToZOnceX(options: RuleOptions()), VToUOnceZ(options: RuleOptions())]

    static func whole(_ text: String) -> (text: String, applied: Int) {
        Fixer.fix(text) { text in
            guard let article = try? ArticleParser.parse(text, path: "a.md", requireFrontMatter: false) else { return [] }
            return rules.flatMap { $0.check(ArticleContext(path: "a.md", article: article)) }
        }
    }

    @Test(arguments: ["W\n\nY", "Y\n\n甲\n\nW\n\nV", "V\n\nY\n\nW", "WY\n\nV", "Y V\n\n\nW\n \nY", "Y", Self.frontMatter + "V\n\nW\n\nY\n"])
    func revealedFixesInUntouchedStretchesAreMade(_ text: String) throws {
        let context = ArticleContext(path: "a.md", article: try ArticleParser.parse(text, path: "a.md", requireFrontMatter: false))
        #expect(text.hasPrefix("---") == (context.frontMatter != nil))
        let run = FixRun(path: "a.md", resources: nil, rules: Self.rules).run(context.source)
        let expected = Self.whole(context.source)
        #expect(run.text == expected.text)
        #expect(run.applied == expected.applied)
    }

    @Test func theCascadeTakesAPassPerStep() {
        // W → X reveals Y → Z in the other stretch, which reveals V → U: three passes, three edits.
        let run = FixRun(path: "a.md", resources: nil, rules: Self.rules).run("V\n\nY\n\nW")
        #expect(run.text == "U\n\nZ\n\nX")
        #expect(run.applied == 3)
    }

    @Test func stretchesReachToTheEmptyLinesAroundAnEdit() {
        let body = "甲\n\n乙\n丙\n\n\n丁"[...]
        let edit = body.utf8.count - 4  // 丁 (3 bytes) and the line feed before it
        // An edit of 乙 touches its stretch only; one ending at an empty line touches the stretch after it too.
        #expect(TouchedStretches.regions(body, edits: [5..<6]) == [4..<13])
        #expect(TouchedStretches.regions(body, edits: [4..<4]) == [0..<13])
        let touched = TouchedStretches(body: body, regions: [4..<13, edit..<body.utf8.count])
        #expect(touched.text == "\n\n乙\n丙\n\n丁")
        #expect(touched.bodyRange(2..<5) == 5..<8)
        #expect(touched.bodyRange(0..<1) == nil)
    }

    @Test func stretchesAreFoundAsByAScanOfEveryByte() {
        var random = SeededRandom(seed: 7)
        func next(_ n: Int) -> Int { random.next(n) }
        for _ in 0..<300 {
            let body = String((0..<next(90)).map { _ in ["a", "\n", "\n", "甲", " "][next(5)] }.joined())[...]
            let bytes = Array(body.utf8)
            let n = bytes.count
            var edits: [Range<Int>] = []
            var at = 0
            while at < n, next(3) > 0 {
                let start = at + next(n - at + 1)
                let end = min(n, start + next(4))
                edits.append(start..<end)
                at = end + 1
            }
            func isCut(_ c: Int) -> Bool { c > 0 && c < n && bytes[c - 1] == 0x0A && bytes[c] == 0x0A }
            var expected: [Range<Int>] = []
            for e in edits {
                let a = (0..<e.lowerBound).last(where: isCut) ?? 0
                let z = ((e.upperBound + 1)..<max(n, e.upperBound + 1)).first(where: isCut) ?? n
                if let last = expected.last, a <= last.upperBound {
                    expected[expected.count - 1] = last.lowerBound..<max(last.upperBound, z)
                } else {
                    expected.append(a..<z)
                }
            }
            #expect(TouchedStretches.regions(body, edits: edits) == expected, "\(bytes) \(edits)")
        }
    }
}
