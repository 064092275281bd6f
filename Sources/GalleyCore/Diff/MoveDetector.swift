/// Finds moved paragraphs and sentences in an edit script: a deleted run and an inserted run elsewhere
/// (not the two sides of one change, which is a rewrite) with at least 20 Han characters, kana, letters
/// or digits, and at least 80 % alike (2·LCS / total length, over tokens). Paragraph breaks at either
/// end are ignored when comparing, so a moved paragraph matches whichever break went with it.
/// An exact match is preferred; otherwise the most alike, longest runs first.
struct MoveDetector {
    let a: Tokens
    let b: Tokens
    let aScalars: [UInt32]
    let bScalars: [UInt32]
    let options: DiffOptions

    static let minimumSignificant = 20
    static let minimumSimilarity = 0.8
    /// Candidates compared at most, per side (the longest ones).
    static let maximumCandidates = 400
    /// Token comparisons the similarity checks may spend in all.
    static let budget = 40_000_000

    struct Candidate {
        let change: Int
        /// The side without paragraph breaks at its ends.
        let core: Range<Int>
        let significant: Int
        let hash: UInt64
    }

    mutating func run(_ changes: inout [Change]) -> [TextDiff.Move] {
        var deletions: [Candidate] = []
        var insertions: [Candidate] = []
        for (k, c) in changes.enumerated() {
            if let d = candidate(k, c.a, a, aScalars) { deletions.append(d) }
            if let i = candidate(k, c.b, b, bScalars) { insertions.append(i) }
        }
        guard !deletions.isEmpty, !insertions.isEmpty else { return [] }
        deletions.sort { $0.significant > $1.significant }
        insertions.sort { $0.significant > $1.significant }
        if deletions.count > Self.maximumCandidates { deletions.removeLast(deletions.count - Self.maximumCandidates) }
        if insertions.count > Self.maximumCandidates { insertions.removeLast(insertions.count - Self.maximumCandidates) }

        var used = [Bool](repeating: false, count: insertions.count)
        var spent = 0
        var found: [(deletion: Candidate, insertion: Candidate, similarity: Double)] = []
        for d in deletions {
            var best: (index: Int, similarity: Double)?
            for (k, i) in insertions.enumerated() where !used[k] && i.change != d.change {
                let n = d.core.count, m = i.core.count
                guard Double(min(n, m)) >= Self.minimumSimilarity * Double(max(n, m)) else { continue }
                if d.hash == i.hash, a.ids[d.core] == b.ids[i.core] {
                    best = (k, 1)
                    break
                }
                let limit = Int(Double(n + m) * (1 - Self.minimumSimilarity))
                guard spent + (n + m) * (limit + 1) <= Self.budget else { continue }
                spent += (n + m) * (limit + 1)
                let distance = a.ids.withUnsafeBufferPointer { ap in
                    b.ids.withUnsafeBufferPointer { bp in
                        Myers.editDistance(UnsafeBufferPointer(rebasing: ap[d.core]), UnsafeBufferPointer(rebasing: bp[i.core]), limit: limit)
                    }
                }
                guard let distance else { continue }
                let similarity = 1 - Double(distance) / Double(n + m)
                if similarity >= Self.minimumSimilarity, similarity > best?.similarity ?? 0 { best = (k, similarity) }
            }
            if let best {
                used[best.index] = true
                found.append((d, insertions[best.index], best.similarity))
            }
        }
        // Number the moves in the order of the new text.
        found.sort { changes[$0.insertion.change].b.lowerBound < changes[$1.insertion.change].b.lowerBound }
        var moves: [TextDiff.Move] = []
        for (number, pair) in found.enumerated() {
            changes[pair.deletion.change].aMove = Int32(number)
            changes[pair.insertion.change].bMove = Int32(number)
            let from = changes[pair.deletion.change].a, to = changes[pair.insertion.change].b
            moves.append(TextDiff.Move(number: number + 1, a: from, b: to, similarity: pair.similarity,
                                       inner: pair.similarity < 1 ? innerChanges(pair.deletion.core, pair.insertion.core) : [],
                                       characters: nonWhite(a.starts, from, aScalars)))
        }
        return moves
    }

    private func candidate(_ k: Int, _ range: Range<Int>, _ tokens: Tokens, _ scalars: [UInt32]) -> Candidate? {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, tokens.isParagraph(lo) { lo += 1 }
        while hi > lo, tokens.isParagraph(hi - 1) { hi -= 1 }
        guard hi - lo >= 1 else { return nil }
        var significant = 0
        for s in Int(tokens.starts[lo])..<Int(tokens.starts[hi]) where DiffCharacters.isSignificant(scalars[s]) { significant += 1 }
        guard significant >= Self.minimumSignificant else { return nil }
        let hash = tokens.ids.withUnsafeBufferPointer { SliceInterner.hash(UnsafeBufferPointer(rebasing: $0[lo..<hi])) }
        return Candidate(change: k, core: lo..<hi, significant: significant, hash: hash)
    }

    /// The edits inside a moved and edited run, cleaned up like the main script (and kept inside the run).
    private func innerChanges(_ from: Range<Int>, _ to: Range<Int>) -> [Change] {
        let subA = a.slice(from), subB = b.slice(to)
        var deleted = [Bool](repeating: false, count: subA.count)
        var inserted = [Bool](repeating: false, count: subB.count)
        subA.ids.withUnsafeBufferPointer { ap in
            subB.ids.withUnsafeBufferPointer { bp in
                deleted.withUnsafeMutableBufferPointer { d in
                    inserted.withUnsafeMutableBufferPointer { i in
                        Myers.mark(ap, 0..<ap.count, bp, 0..<bp.count, deleted: d, inserted: i)
                    }
                }
            }
        }
        var changes = EditScript.changes(deleted: deleted, inserted: inserted)
        if options.cleanup { changes = SemanticCleanup(a: subA, b: subB).run(changes) }
        return changes.map {
            Change(a: ($0.a.lowerBound + from.lowerBound)..<($0.a.upperBound + from.lowerBound),
                   b: ($0.b.lowerBound + to.lowerBound)..<($0.b.upperBound + to.lowerBound))
        }
    }
}

/// Non-white-space scalars in tokens `range`.
func nonWhite(_ starts: [Int32], _ range: Range<Int>, _ scalars: [UInt32]) -> Int {
    guard !range.isEmpty else { return 0 }
    var n = 0
    for s in Int(starts[range.lowerBound])..<Int(starts[range.upperBound]) where !DiffCharacters.isWhite(scalars[s]) { n += 1 }
    return n
}
