import GalleyCore

/// The term lists compiled into one automaton: every wrong form of every entry is found in one pass,
/// then each candidate is checked against its entry's context.
public struct TermDictionary: Sendable {
    let entries: [TermEntry]
    /// Pattern i is wrong form `forms[i].form` of entry `forms[i].entry`.
    let forms: [(entry: Int, form: Int)]
    let automaton: AhoCorasick
    /// Per entry: its except words as scalars with the offsets of the wrong form inside them.
    let exceptions: [[(word: [Unicode.Scalar], offsets: [Int])]]

    init(_ entries: [TermEntry]) {
        self.entries = entries
        var forms: [(Int, Int)] = []
        var patterns: [[Unicode.Scalar]] = []
        var exceptions: [[([Unicode.Scalar], [Int])]] = []
        for (i, e) in entries.enumerated() {
            for (k, w) in e.wrong.enumerated() {
                forms.append((i, k))
                patterns.append(Array(w.unicodeScalars))
            }
            exceptions.append(e.except.map { word in
                let scalars = Array(word.unicodeScalars)
                var offsets: [Int] = []
                for w in e.wrong {
                    let ws = Array(w.unicodeScalars)
                    guard ws.count < scalars.count else { continue }
                    for o in 0...(scalars.count - ws.count) where Array(scalars[o..<(o + ws.count)]) == ws { offsets.append(o) }
                }
                return (scalars, offsets)
            })
        }
        self.forms = forms
        self.exceptions = exceptions
        automaton = AhoCorasick(patterns: patterns)
    }

    /// A public entry for the benchmark: a dictionary of `(wrong, right)` pairs with no context, built
    /// the way the rules build theirs.
    public init(pairs: [(wrong: String, right: String)]) {
        self.init(pairs.enumerated().map { i, p in
            TermEntry(wrong: [p.wrong], right: p.right, category: .typo, certain: true, note: nil, file: "bench", line: i + 1)
        })
    }

    public var entryCount: Int { entries.count }
    public var patternCount: Int { automaton.patternCount }
    public var stateCount: Int { automaton.stateCount }

    /// Raw automaton matches (no context, no line joining), for the benchmark's comparison with its peer.
    public func rawMatches(_ text: ScalarText, _ found: (AhoCorasick.Match) -> Void) {
        automaton.scan(text.scalars, joiningWrappedLines: false, found)
    }

    /// One accepted occurrence: entry, which wrong form, scalar range in the scanned text.
    struct Hit: Sendable {
        let pattern: Int
        let entry: Int
        let form: Int
        let start: Int
        let end: Int
    }

    /// The occurrences in `text` that pass their entries' context checks, longest first where two overlap.
    func hits(in text: ScalarText) -> [Hit] {
        var candidates: [Hit] = []
        let view = TextAround(text.scalars)
        automaton.scan(text.scalars, joiningWrappedLines: true) { m in
            let (entry, form) = forms[m.pattern]
            if accepts(entries[entry], entry: entry, start: m.start, end: m.end, in: view) {
                candidates.append(Hit(pattern: m.pattern, entry: entry, form: form, start: m.start, end: m.end))
            }
        }
        guard candidates.count > 1 else { return candidates }
        // Leftmost, then longest; drop the ones overlapping a kept match.
        candidates.sort { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        var kept: [Hit] = []
        var reach = -1
        for c in candidates where c.start >= reach {
            kept.append(c)
            reach = c.end
        }
        return kept
    }

    func accepts(_ e: TermEntry, entry: Int, start: Int, end: Int, in text: TextAround) -> Bool {
        if text.isInsideTitle(start) { return false }
        if !e.followedBy.isEmpty, !e.followedBy.contains(where: { text.continues(with: $0, at: end) }) { return false }
        if !e.precededBy.isEmpty, !e.precededBy.contains(where: { text.follows($0, before: start) }) { return false }
        if e.notFollowedBy.contains(where: { text.continues(with: $0, at: end) }) { return false }
        if e.notPrecededBy.contains(where: { text.follows($0, before: start) }) { return false }
        for (word, offsets) in exceptions[entry] {
            for o in offsets where text.holds(word, startingBefore: start, by: o) { return false }
        }
        if !e.notLaterInSentence.isEmpty, text.sentenceAfter(end).containsAny(e.notLaterInSentence) { return false }
        return true
    }
}

/// Looks around a match in a body whose wrapped lines (a single line break) read as one line.
struct TextAround {
    let scalars: [Unicode.Scalar]
    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// A line break with text on both sides: the paragraph goes on.
    func isWrap(_ i: Int) -> Bool {
        scalars[i] == "\n" && i > 0 && i + 1 < scalars.count && scalars[i - 1] != "\n" && scalars[i + 1] != "\n"
    }

    /// The index of the next scalar at or after `i`, stepping over a wrap; nil at the end.
    func forward(_ i: Int) -> Int? {
        var k = i
        while k < scalars.count, isWrap(k) { k += 1 }
        return k < scalars.count ? k : nil
    }

    /// The index of the scalar before `i`, stepping over a wrap; nil at the start.
    func backward(_ i: Int) -> Int? {
        var k = i - 1
        while k >= 0, isWrap(k) { k -= 1 }
        return k >= 0 ? k : nil
    }

    static let digitToken = "<数字>"
    static let numerals = Set("〇一二三四五六七八九十两".unicodeScalars)

    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(s) || ("０"..."９").contains(s) || numerals.contains(s)
    }

    /// Whether the text from `i` on reads `word`.
    func continues(with word: String, at i: Int) -> Bool {
        if word == Self.digitToken { return forward(i).map { Self.isDigit(scalars[$0]) } ?? false }
        var k = i
        for s in word.unicodeScalars {
            guard let at = forward(k), scalars[at] == s else { return false }
            k = at + 1
        }
        return true
    }

    /// Whether the text before `i` ends with `word`.
    func follows(_ word: String, before i: Int) -> Bool {
        if word == Self.digitToken { return backward(i).map { Self.isDigit(scalars[$0]) } ?? false }
        var k = i
        for s in word.unicodeScalars.reversed() {
            guard let at = backward(k), scalars[at] == s else { return false }
            k = at
        }
        return true
    }

    /// Whether `word` is written so that its scalar `offset` is the scalar at `start`.
    func holds(_ word: [Unicode.Scalar], startingBefore start: Int, by offset: Int) -> Bool {
        var k = start
        for j in stride(from: offset - 1, through: 0, by: -1) {
            guard let at = backward(k), scalars[at] == word[j] else { return false }
            k = at
        }
        k = start
        for j in offset..<word.count {
            guard let at = forward(k), scalars[at] == word[j] else { return false }
            k = at + 1
        }
        return true
    }

    static let sentenceEnds = Set("。！？；!?;".unicodeScalars)

    /// The rest of the sentence after `i` (to its end mark or the paragraph's end, at most 200 scalars).
    func sentenceAfter(_ i: Int) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var k = i
        while out.count < 200, let at = forward(k) {
            let s = scalars[at]
            if Self.sentenceEnds.contains(s) || s == "\n" { break }
            out.append(s)
            k = at + 1
        }
        return out
    }

    /// Inside 《…》 or 〈…〉 of the same paragraph: a title is quoted as published, never corrected.
    func isInsideTitle(_ i: Int) -> Bool {
        var k = i - 1
        var steps = 0
        while k >= 0, steps < 120 {
            let s = scalars[k]
            if s == "》" || s == "〉" { return false }
            if s == "《" || s == "〈" { return closes(after: i, s == "《" ? "》" : "〉") }
            if s == "\n", k > 0, scalars[k - 1] == "\n" { return false }
            k -= 1
            steps += 1
        }
        return false
    }

    private func closes(after i: Int, _ mark: Unicode.Scalar) -> Bool {
        var k = i
        var steps = 0
        while k < scalars.count, steps < 120 {
            let s = scalars[k]
            if s == mark { return true }
            if s == "《" || s == "〈" { return false }
            if s == "\n", k + 1 < scalars.count, scalars[k + 1] == "\n" { return false }
            k += 1
            steps += 1
        }
        return false
    }
}

extension Array where Element == Unicode.Scalar {
    func containsAny(_ words: [String]) -> Bool {
        words.contains { w in
            let ws = Array(w.unicodeScalars)
            guard !ws.isEmpty, ws.count <= count else { return false }
            return (0...(count - ws.count)).contains { o in self[o..<(o + ws.count)].elementsEqual(ws) }
        }
    }
}
