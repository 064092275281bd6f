/// The units one level of the diff aligns: paragraphs or sentences, each a run of tokens with an id
/// that is equal for equal runs in both texts. A paragraph separator is a unit of its own at both levels,
/// so every paragraph boundary is also a sentence boundary and a region of whole paragraphs is a region
/// of whole sentences.
struct Units {
    /// Token index where each unit ends (exclusive). Units cover the tokens in order.
    let ends: [Int32]
    let ids: [Int32]

    var count: Int { ends.count }

    @inline(__always) func start(_ u: Int) -> Int { u == 0 ? 0 : Int(ends[u - 1]) }
    @inline(__always) func end(_ u: Int) -> Int { Int(ends[u]) }

    /// The units that exactly cover tokens `range` (whose ends must be unit boundaries).
    func covering(_ range: Range<Int>) -> Range<Int> {
        firstUnit(endingAfter: range.lowerBound)..<firstUnit(endingAfter: range.upperBound)
    }

    /// Index of the first unit whose end is greater than `token`.
    private func firstUnit(endingAfter token: Int) -> Int {
        var lo = 0
        var hi = ends.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(ends[mid]) <= token { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    init(ends: [Int32], tokens: Tokens, interner: inout SliceInterner) {
        self.ends = ends
        var ids: [Int32] = []
        ids.reserveCapacity(ends.count)
        tokens.ids.withUnsafeBufferPointer { all in
            var start = 0
            for end in ends {
                ids.append(interner.id(of: UnsafeBufferPointer(rebasing: all[start..<Int(end)])))
                start = Int(end)
            }
        }
        self.ids = ids
    }
}

/// Where paragraphs and sentences end.
enum Segmenter {
    /// A sentence longer than this many tokens is cut at its clause marks, then by content.
    static let longUnit = 256

    /// Paragraph units: each paragraph, and each separator on its own.
    static func paragraphEnds(_ tokens: Tokens) -> [Int32] {
        var ends: [Int32] = []
        var start = 0
        for t in 0..<tokens.count where tokens.isParagraph(t) {
            if start < t { ends.append(Int32(t)) }
            ends.append(Int32(t + 1))
            start = t + 1
        }
        if start < tokens.count { ends.append(Int32(tokens.count)) }
        return ends
    }

    /// Sentence units: a sentence runs to 。！？；… (with the closing quotes and brackets after them), a
    /// paragraph's end, or an English period before a space. Long ones are cut further (see `longUnit`).
    static func sentenceEnds(_ tokens: Tokens) -> [Int32] {
        var ends: [Int32] = []
        let ids = tokens.ids
        let n = ids.count
        var start = 0
        var t = 0
        func close(_ end: Int) {
            if end - start > longUnit { cutLong(ids, start, end, into: &ends) } else { ends.append(Int32(end)) }
            start = end
        }
        while t < n {
            let id = ids[t]
            if id == Int32(DiffCharacters.paragraph) {
                if start < t { close(t) }
                ends.append(Int32(t + 1))
                start = t + 1
                t += 1
                continue
            }
            let v = UInt32(bitPattern: id)
            let period = v == 0x2E && (t + 1 == n || ids[t + 1] == Int32(DiffCharacters.space) || ids[t + 1] == Int32(DiffCharacters.paragraph))
            if id < Tokens.firstAtomID, DiffCharacters.isSentenceEnd(v) || period {
                var u = t + 1
                while u < n, ids[u] < Tokens.firstAtomID, ids[u] != Int32(DiffCharacters.paragraph),
                      DiffCharacters.isSentenceEnd(UInt32(ids[u])) || DiffCharacters.isClosing(UInt32(ids[u])) {
                    u += 1
                }
                close(u)
                t = u
                continue
            }
            t += 1
        }
        if start < n { close(n) }
        return ends
    }

    /// Cuts tokens `start..<end` after clause marks (pieces of at least 8 tokens), and pieces still too
    /// long where a token's hash says so (content-defined, so an insertion moves only the cut next to it).
    static func cutLong(_ ids: [Int32], _ start: Int, _ end: Int, into ends: inout [Int32]) {
        var pieceStart = start
        var t = start
        while t < end {
            let id = ids[t]
            let clause = id < Tokens.firstAtomID && DiffCharacters.isClauseEnd(UInt32(id)) && t + 1 - pieceStart >= 8
            let length = t + 1 - pieceStart
            var contentCut = false
            if length > longUnit {
                let h = (UInt32(bitPattern: id) &* 0x9E37_79B9) >> 27
                contentCut = (h == 0 && length >= longUnit + 16) || length >= 2 * longUnit
            }
            if clause || contentCut, t + 1 < end {
                ends.append(Int32(t + 1))
                pieceStart = t + 1
            }
            t += 1
        }
        ends.append(Int32(end))
    }
}
