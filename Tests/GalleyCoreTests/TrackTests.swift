@testable import GalleyCore
import GalleyTestSupport
import Testing

/// How `check --each` follows a finding from one version of an article to the next.
@Suite struct TrackTests {
    /// The definition: whole scalars agreeing right before the separator plus right after it.
    static func referenceSimilarity(_ a: String, _ b: String) -> Int {
        let pa = a.split(separator: "\u{1}", maxSplits: 1, omittingEmptySubsequences: false)
        let pb = b.split(separator: "\u{1}", maxSplits: 1, omittingEmptySubsequences: false)
        guard pa.count == 2, pb.count == 2 else { return 0 }
        let before = zip(pa[0].unicodeScalars.reversed(), pb[0].unicodeScalars.reversed()).prefix { $0 == $1 }.count
        let after = zip(pa[1].unicodeScalars, pb[1].unicodeScalars).prefix { $0 == $1 }.count
        return before + after
    }

    @Test func similarityCountsWholeScalarsOnBothSides() {
        #expect(Track.similarity("增长\u{1}，全年", "同比增长\u{1}，全") == 4)
        // 中 (E4 B8 AD) and 丰 (E4 B8 B0) share two bytes but no scalar.
        #expect(Track.similarity("中\u{1}中", "丰\u{1}丰") == 0)
        #expect(Track.similarity("a\u{1}中国", "a\u{1}中") == 2)
        #expect(Track.similarity("no separator", "no separator") == 0)
        let pieces = ["中", "丰", "a", "é", "e\u{301}", "😀", "。", " ", ""]
        var random = SeededRandom(seed: 11)
        for _ in 0..<2_000 {
            func side() -> String { (0..<Int.random(in: 0..<5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() }
            let common = side()
            let a = side() + common + "\u{1}" + common + side()
            let b = side() + common + "\u{1}" + common + side()
            #expect(Track.similarity(a, b) == Self.referenceSimilarity(a, b), "\(a.debugDescription) \(b.debugDescription)")
        }
    }

    static func finding(_ text: String, anchor: String, offset: Int) -> Finding {
        var f = Finding(rule: "typography.dash-form", severity: .warning, path: "articles/2026-11-27/a.md", revision: nil,
                        line: 1, column: offset + 1, offset: offset, length: 1, byteOffset: offset * 3, byteLength: 3, text: text,
                        message: Message("破折号应写作“——”", en: "write the dash as “——”"), replacement: "——", fixable: true)
        f.anchor = anchor
        return f
    }

    /// The report of `--each` merges the fixed findings and the current ones, each in reading order.
    @Test func mergingTwoListsInReadingOrderIsSortingThemTogether() {
        var random = SeededRandom(seed: 5)
        for _ in 0..<50 {
            func list() -> [Finding] {
                Finding.sortedInReadingOrder((0..<Int.random(in: 0..<12, using: &random)).map { _ in
                    var f = Self.finding("—", anchor: "\u{1}", offset: Int.random(in: 0..<6, using: &random))
                    f.path = "articles/2026-11-27/a\(Int.random(in: 0..<3, using: &random)).md"
                    f.line = Int.random(in: 1...3, using: &random)
                    return f
                })
            }
            let (a, b) = (list(), list())
            let merged = Finding.merged(a, b)
            #expect(merged.count == a.count + b.count)
            #expect(zip(merged, merged.dropFirst()).allSatisfy { !Finding.inReadingOrder($1, $0) })
            #expect(Set(merged.map { "\($0.path) \($0.line) \($0.column)" }) == Set((a + b).map { "\($0.path) \($0.line) \($0.column)" }))
        }
    }

    /// The same mark twice; a sentence with a third put before them: the two old ones keep their
    /// revision (matched by what stands around them), the new one is introduced.
    @Test func repeatedFindingsAreFollowedByWhatSurroundsThem() {
        var track = Track()
        var gone: [Finding] = []
        let blob = ObjectID(hex: String(repeating: "ab", count: 20))!
        track.update([Self.finding("—", anchor: "市民\u{1}供暖", offset: 5), Self.finding("—", anchor: "公园\u{1}开放", offset: 20)],
                     blob: blob, revision: "r1", introducedHere: true, gone: &gone)
        track.update([Self.finding("—", anchor: "道路\u{1}改造", offset: 2), Self.finding("—", anchor: "市民\u{1}供暖", offset: 9),
                      Self.finding("—", anchor: "公园\u{1}开放", offset: 24)],
                     blob: blob, revision: "r2", introducedHere: true, gone: &gone)
        #expect(track.current.map(\.finding.introduced) == ["r2", "r1", "r1"])
        #expect(gone.isEmpty)
        // The middle one fixed: it is the one reported gone, fixed in r3.
        track.update([Self.finding("—", anchor: "道路\u{1}改造", offset: 2), Self.finding("—", anchor: "公园\u{1}开放", offset: 23)],
                     blob: blob, revision: "r3", introducedHere: true, gone: &gone)
        #expect(track.current.map(\.finding.introduced) == ["r2", "r1"])
        #expect(gone.map(\.anchor) == ["市民\u{1}供暖"] && gone.first?.fixed == "r3")
    }
}
