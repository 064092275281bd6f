import GalleyCore
import Testing

/// The hand-written Aho–Corasick automaton against a naive search.
@Suite struct AhoCorasickTests {
    func naive(_ patterns: [[Unicode.Scalar]], _ text: [Unicode.Scalar]) -> [AhoCorasick.Match] {
        var out: [AhoCorasick.Match] = []
        for end in 1...max(1, text.count) where end <= text.count {
            for (i, p) in patterns.enumerated() where !p.isEmpty && p.count <= end && Array(text[(end - p.count)..<end]) == p {
                out.append(AhoCorasick.Match(pattern: i, start: end - p.count, end: end))
            }
        }
        return out
    }

    func sorted(_ m: [AhoCorasick.Match]) -> [AhoCorasick.Match] {
        m.sorted { ($0.end, $0.pattern) < ($1.end, $1.pattern) }
    }

    @Test func findsOverlappingAndNestedPatterns() {
        let patterns = ["其它", "它们", "尤其它", "其", "按装", "再接再励", "接再"].map { Array($0.unicodeScalars) }
        let text = Array("老人们尤其它们都说再接再励，按装电梯。".unicodeScalars)
        let found = AhoCorasick(patterns: patterns).matches(in: text)
        #expect(sorted(found) == sorted(naive(patterns, text)))
        #expect(found.contains(AhoCorasick.Match(pattern: 2, start: 3, end: 6)))
    }

    @Test func randomPatternsAgreeWithNaiveSearch() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            seed ^= seed << 13
            seed ^= seed >> 7
            seed ^= seed << 17
            return Int(seed % UInt64(n))
        }
        // A small alphabet (with a supplementary-plane scalar) makes many overlaps.
        let alphabet = Array("其它们按装电梯😀a".unicodeScalars)
        for _ in 0..<40 {
            let patterns = (0..<(1 + next(30))).map { _ in (0..<(1 + next(4))).map { _ in alphabet[next(alphabet.count)] } }
            let text = (0..<next(200)).map { _ in alphabet[next(alphabet.count)] }
            let automaton = AhoCorasick(patterns: patterns)
            #expect(sorted(automaton.matches(in: text)) == sorted(naive(patterns, text)))
        }
    }

    @Test func joinsWrappedLinesButNotParagraphs() {
        let automaton = AhoCorasick(patterns: [Array("名符其实".unicodeScalars)])
        let wrapped = Array("可谓名符\n其实的".unicodeScalars)
        #expect(automaton.matches(in: wrapped, joiningWrappedLines: true) == [AhoCorasick.Match(pattern: 0, start: 2, end: 7)])
        #expect(automaton.matches(in: wrapped).isEmpty)
        #expect(automaton.matches(in: Array("可谓名符\n\n其实的".unicodeScalars), joiningWrappedLines: true).isEmpty)
    }

    @Test func emptyAndOverlongPatternsNeverMatch() {
        let long = Array(String(repeating: "长", count: AhoCorasick.maximumLength + 1).unicodeScalars)
        let automaton = AhoCorasick(patterns: [[], long, Array("长".unicodeScalars)])
        #expect(automaton.lengths == [0, 0, 1])
        #expect(automaton.matches(in: long).count == long.count)
        #expect(automaton.matches(in: long).allSatisfy { $0.pattern == 2 })
    }
}
