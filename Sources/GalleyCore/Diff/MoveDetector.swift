/// Finds moved paragraphs and sentences in an edit script.
///
/// Candidates are the deleted and the inserted sides of the changes, cut after each paragraph break
/// (so each moved paragraph of a longer deleted run is found on its own), with at least 20 Han
/// characters, kana, letters or digits. A deleted candidate pairs with an inserted one of another change
/// (the two sides of one change are a rewrite, not a move): first exact matches, through a hash table,
/// then the most alike at 80 % or more (2·LCS / total length, over tokens), longest first, within a
/// budget and the time limit. Paragraph breaks at either end are ignored when comparing, so a moved paragraph matches
/// whichever break went with it.
struct MoveDetector {
    let a: Tokens
    let b: Tokens
    let aScalars: [UInt32]
    let bScalars: [UInt32]
    let options: DiffOptions
    /// Past this time (`DiffClock`) only exact moves are looked for.
    let deadline: UInt64

    static let minimumSignificant = 20
    static let minimumSimilarity = 0.8
    /// Candidates compared for similarity, per side (the longest ones); exact matches have no limit.
    static let maximumCandidates = 400
    /// Token comparisons the similarity checks may spend in all.
    static let budget = 40_000_000

    struct Candidate {
        let change: Int
        /// The piece of the change's side.
        let piece: Range<Int>
        /// The piece without paragraph breaks at its ends.
        let core: Range<Int>
        let significant: Int
        let hash: UInt64
    }

    struct Found {
        let deletion: Candidate
        let insertion: Candidate
        let similarity: Double
    }

    mutating func run(_ changes: inout [Change]) -> [TextDiff.Move] {
        var deletions: [Candidate] = []
        var insertions: [Candidate] = []
        for (k, c) in changes.enumerated() {
            deletions += candidates(k, c.a, a, aScalars)
            insertions += candidates(k, c.b, b, bScalars)
        }
        guard !deletions.isEmpty, !insertions.isEmpty else { return [] }
        deletions.sort { $0.significant > $1.significant }
        var found = exactMatches(deletions, insertions)
        found += similarMatches(deletions, insertions, taken: found)
        guard !found.isEmpty else { return [] }
        // Number the moves in the order of the new text.
        found.sort { $0.insertion.piece.lowerBound < $1.insertion.piece.lowerBound }
        let moves = found.enumerated().map { number, pair in
            TextDiff.Move(number: number + 1, a: pair.deletion.piece, b: pair.insertion.piece, similarity: pair.similarity,
                          inner: pair.similarity < 1 ? innerChanges(pair.deletion.core, pair.insertion.core) : [],
                          characters: nonWhite(a.starts, pair.deletion.piece, aScalars))
        }
        changes = Self.split(changes, moves)
        return moves
    }

    private func exactMatches(_ deletions: [Candidate], _ insertions: [Candidate]) -> [Found] {
        var byHash: [UInt64: [Int]] = [:]
        for (k, i) in insertions.enumerated() { byHash[i.hash, default: []].append(k) }
        var used = Set<Int>()
        var out: [Found] = []
        for d in deletions {
            guard let same = byHash[d.hash] else { continue }
            for k in same where !used.contains(k) {
                let i = insertions[k]
                if i.change != d.change, a.ids[d.core] == b.ids[i.core] {
                    used.insert(k)
                    out.append(Found(deletion: d, insertion: i, similarity: 1))
                    break
                }
            }
        }
        return out
    }

    private func similarMatches(_ allDeletions: [Candidate], _ allInsertions: [Candidate], taken: [Found]) -> [Found] {
        let takenD = Set(taken.map(\.deletion.piece.lowerBound)), takenI = Set(taken.map(\.insertion.piece.lowerBound))
        let deletions = allDeletions.filter { !takenD.contains($0.piece.lowerBound) }.prefix(Self.maximumCandidates)
        let insertions = Array(allInsertions.filter { !takenI.contains($0.piece.lowerBound) }
            .sorted { $0.significant > $1.significant }.prefix(Self.maximumCandidates))
        var used = [Bool](repeating: false, count: insertions.count)
        var spent = 0
        var out: [Found] = []
        for d in deletions {
            if DiffClock.nanoseconds() > deadline { break }
            var best: (index: Int, similarity: Double)?
            for (k, i) in insertions.enumerated() where !used[k] && i.change != d.change {
                let n = d.core.count, m = i.core.count
                guard Double(min(n, m)) >= Self.minimumSimilarity * Double(max(n, m)) else { continue }
                let limit = Int(Double(n + m) * (1 - Self.minimumSimilarity))
                let cost = (n + m) * (limit + 1)
                guard spent + cost <= Self.budget else { continue }
                spent += cost
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
                out.append(Found(deletion: d, insertion: insertions[best.index], similarity: best.similarity))
            }
        }
        return out
    }

    /// The pieces of one side of change `k`: cut after each paragraph break.
    private func candidates(_ k: Int, _ range: Range<Int>, _ tokens: Tokens, _ scalars: [UInt32]) -> [Candidate] {
        var out: [Candidate] = []
        var start = range.lowerBound
        for t in range where tokens.isParagraph(t) || t + 1 == range.upperBound {
            // A leading break stays with the first piece.
            if tokens.isParagraph(t), (start..<t).allSatisfy(tokens.isParagraph), t + 1 < range.upperBound { continue }
            if let c = candidate(k, start..<(t + 1), tokens, scalars) { out.append(c) }
            start = t + 1
        }
        return out
    }

    private func candidate(_ k: Int, _ piece: Range<Int>, _ tokens: Tokens, _ scalars: [UInt32]) -> Candidate? {
        var lo = piece.lowerBound, hi = piece.upperBound
        while lo < hi, tokens.isParagraph(lo) { lo += 1 }
        while hi > lo, tokens.isParagraph(hi - 1) { hi -= 1 }
        guard hi > lo else { return nil }
        var significant = 0
        for s in Int(tokens.starts[lo])..<Int(tokens.starts[hi]) where DiffCharacters.isSignificant(scalars[s]) { significant += 1 }
        guard significant >= Self.minimumSignificant else { return nil }
        let hash = tokens.ids.withUnsafeBufferPointer { SliceInterner.hash(UnsafeBufferPointer(rebasing: $0[lo..<hi])) }
        return Candidate(change: k, piece: piece, core: lo..<hi, significant: significant, hash: hash)
    }

    /// The script with each change cut around its moved pieces: the old side's parts (deleted or moved
    /// from) first, then the new side's (inserted or moved to), as touching changes.
    static func split(_ changes: [Change], _ moves: [TextDiff.Move]) -> [Change] {
        var fromA: [Int: (Range<Int>, Int32)] = [:], toB: [Int: (Range<Int>, Int32)] = [:]
        for (n, m) in moves.enumerated() {
            fromA[m.a.lowerBound] = (m.a, Int32(n))
            toB[m.b.lowerBound] = (m.b, Int32(n))
        }
        /// The parts of `range`: plain runs and moved pieces, in order.
        func parts(_ range: Range<Int>, _ moved: [Int: (Range<Int>, Int32)]) -> [(Range<Int>, Int32)] {
            var out: [(Range<Int>, Int32)] = []
            var t = range.lowerBound, plain = t
            while t < range.upperBound {
                if let (piece, n) = moved[t] {
                    if plain < t { out.append((plain..<t, -1)) }
                    out.append((piece, n))
                    t = piece.upperBound
                    plain = t
                } else {
                    t += 1
                }
            }
            if plain < range.upperBound { out.append((plain..<range.upperBound, -1)) }
            return out
        }
        var out: [Change] = []
        out.reserveCapacity(changes.count + 2 * moves.count)
        for c in changes {
            let oldParts = parts(c.a, fromA), newParts = parts(c.b, toB)
            if oldParts.allSatisfy({ $0.1 < 0 }), newParts.allSatisfy({ $0.1 < 0 }) {
                out.append(c)
                continue
            }
            for (range, n) in oldParts {
                var part = Change(a: range, b: c.b.lowerBound..<c.b.lowerBound)
                part.aMove = n
                out.append(part)
            }
            for (range, n) in newParts {
                var part = Change(a: c.a.upperBound..<c.a.upperBound, b: range)
                part.bMove = n
                out.append(part)
            }
        }
        return out
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
