/// Aligns two sequences of unit ids (paragraphs or sentences): which units of the old text stay, matched
/// with which units of the new one.
///
/// Patience-style: units that occur exactly once on each side are candidate anchors, and the anchors
/// kept are the heaviest chain that is in order on both sides (weighted by length, so when a paragraph
/// moves past a longer one the longer one stays and the shorter one is the move). Between anchors it
/// repeats; where nothing is unique it falls back to Myers on the units.
struct UnitAligner {
    let a: [Int32]
    let b: [Int32]
    /// Weight of each unit of `a` (its length).
    let weightA: [Int32]
    /// Matched pairs, in increasing order on both sides.
    private(set) var pairs: [(Int32, Int32)] = []
    /// Position of each id in the current range of `a` (−1 unseen, −2 seen twice); reset after each use.
    private var positionA: [Int32]
    private var positionB: [Int32]

    static let maximumDepth = 48

    init(a: [Int32], b: [Int32], weightA: [Int32], idCount: Int) {
        self.a = a
        self.b = b
        self.weightA = weightA
        positionA = [Int32](repeating: -1, count: idCount)
        positionB = [Int32](repeating: -1, count: idCount)
    }

    /// The matched pairs of `a[aRange]` and `b[bRange]`.
    mutating func takePairs(_ aRange: Range<Int>, _ bRange: Range<Int>) -> [(Int32, Int32)] {
        pairs.removeAll(keepingCapacity: true)
        align(aRange, bRange)
        return pairs
    }

    /// Aligns `a[aRange]` with `b[bRange]`, appending to `pairs`.
    private mutating func align(_ aRange: Range<Int>, _ bRange: Range<Int>, depth: Int = 0) {
        var aLo = aRange.lowerBound, aHi = aRange.upperBound
        var bLo = bRange.lowerBound, bHi = bRange.upperBound
        while aLo < aHi, bLo < bHi, a[aLo] == b[bLo] {
            pairs.append((Int32(aLo), Int32(bLo)))
            aLo += 1
            bLo += 1
        }
        var suffix = 0
        while aLo < aHi, bLo < bHi, a[aHi - 1] == b[bHi - 1] {
            aHi -= 1
            bHi -= 1
            suffix += 1
        }
        if aLo < aHi, bLo < bHi {
            let anchors = depth < Self.maximumDepth ? uniqueAnchors(aLo..<aHi, bLo..<bHi) : []
            if anchors.isEmpty {
                alignByMyers(aLo..<aHi, bLo..<bHi)
            } else {
                var pa = aLo, pb = bLo
                for (i, j) in anchors {
                    align(pa..<i, pb..<j, depth: depth + 1)
                    pairs.append((Int32(i), Int32(j)))
                    pa = i + 1
                    pb = j + 1
                }
                align(pa..<aHi, pb..<bHi, depth: depth + 1)
            }
        }
        for k in 0..<suffix { pairs.append((Int32(aHi + k), Int32(bHi + k))) }
    }

    /// Units unique on both sides, reduced to the heaviest chain increasing on both sides.
    private mutating func uniqueAnchors(_ ar: Range<Int>, _ br: Range<Int>) -> [(Int, Int)] {
        for i in ar {
            let id = Int(a[i])
            positionA[id] = positionA[id] == -1 ? Int32(i) : -2
        }
        var candidates: [(i: Int, j: Int)] = []
        for j in br {
            let id = Int(b[j])
            guard positionA[id] >= 0 else { continue }
            positionB[id] = positionB[id] == -1 ? Int32(j) : -2
        }
        for j in br {
            let id = Int(b[j])
            if positionA[id] >= 0, positionB[id] == Int32(j) { candidates.append((Int(positionA[id]), j)) }
        }
        for i in ar { positionA[Int(a[i])] = -1 }
        for j in br { positionB[Int(b[j])] = -1 }
        guard !candidates.isEmpty else { return [] }
        candidates.sort { $0.i < $1.i }
        return heaviestIncreasing(candidates, bBase: br.lowerBound, bCount: br.count)
    }

    /// The chain of candidates, increasing in `j`, with the greatest total weight (a Fenwick tree of prefix maxima).
    private func heaviestIncreasing(_ c: [(i: Int, j: Int)], bBase: Int, bCount: Int) -> [(Int, Int)] {
        var tree = [(Int, Int32)](repeating: (0, -1), count: bCount + 1)
        var previous = [Int32](repeating: -1, count: c.count)
        var total = [Int](repeating: 0, count: c.count)
        var best = (0, Int32(-1))
        for (k, candidate) in c.enumerated() {
            let slot = candidate.j - bBase + 1
            var q = slot - 1
            var before: (Int, Int32) = (0, -1)
            while q > 0 {
                if tree[q].0 > before.0 { before = tree[q] }
                q -= q & -q
            }
            let value = before.0 + Int(weightA[candidate.i]) + 1
            total[k] = value
            previous[k] = before.1
            var p = slot
            while p <= bCount {
                if tree[p].0 < value { tree[p] = (value, Int32(k)) }
                p += p & -p
            }
            if value > best.0 { best = (value, Int32(k)) }
        }
        var chain: [(Int, Int)] = []
        var k = best.1
        while k >= 0 {
            chain.append((c[Int(k)].i, c[Int(k)].j))
            k = previous[Int(k)]
        }
        return chain.reversed()
    }

    private mutating func alignByMyers(_ ar: Range<Int>, _ br: Range<Int>) {
        var deleted = [Bool](repeating: false, count: ar.count)
        var inserted = [Bool](repeating: false, count: br.count)
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                deleted.withUnsafeMutableBufferPointer { d in
                    inserted.withUnsafeMutableBufferPointer { ins in
                        Myers.mark(UnsafeBufferPointer(rebasing: ap[ar]), 0..<ar.count, UnsafeBufferPointer(rebasing: bp[br]), 0..<br.count,
                                   deleted: d, inserted: ins)
                    }
                }
            }
        }
        var j = 0
        for i in 0..<ar.count where !deleted[i] {
            while inserted[j] { j += 1 }
            pairs.append((Int32(ar.lowerBound + i), Int32(br.lowerBound + j)))
            j += 1
        }
    }
}
