/// Makes an exact edit script read like an editor's marks (after diff-match-patch's semantic cleanup,
/// rewritten for Chinese):
///
/// 1. Chaff: an unchanged run no longer than the edits on both sides of it joins them, so
///    `学[-习借鉴-]{+到+}了` is not read as three edits. Never across a paragraph break.
/// 2. What both sides of a change start or end with goes back to the unchanged text.
/// 3. An insertion or deletion that can slide (`的的` → `的`) slides to the best boundary: paragraph,
///    then 。！？ sentence end, then ，、：clause, then bracket or quote, then space or script change.
///    A line break never counts: layout was normalised away before.
struct SemanticCleanup {
    let a: Tokens
    let b: Tokens

    /// The longest unchanged run (in characters) that can be chaff. A Chinese character is a morpheme:
    /// one or two left between edits are usually a coincidence (学[-习借鉴-]{+到+}), while three or
    /// more are usually a word the editor kept (激动不已), worth showing as unchanged.
    static let maximumChaff = 2

    func run(_ changes: [Change]) -> [Change] {
        mergeTouching(shiftToBoundaries(factorAffixes(eliminateChaff(changes))))
    }

    /// Step 1. A stack, so a merge is checked again against the change before it (it has grown).
    func eliminateChaff(_ changes: [Change]) -> [Change] {
        var out: [Change] = []
        out.reserveCapacity(changes.count)
        for change in changes {
            out.append(change)
            while out.count >= 2 {
                let left = out[out.count - 2], right = out[out.count - 1]
                let equality = left.a.upperBound..<right.a.lowerBound
                let length = a.length(equality)
                let leftEdit = max(a.length(left.a), b.length(left.b))
                let rightEdit = max(a.length(right.a), b.length(right.b))
                guard length <= leftEdit, length <= rightEdit, length <= Self.maximumChaff,
                      !equality.contains(where: a.isParagraph) else { break }
                out.removeLast(2)
                out.append(Change(a: left.a.lowerBound..<right.a.upperBound, b: left.b.lowerBound..<right.b.upperBound))
            }
        }
        return out
    }

    /// Step 2.
    func factorAffixes(_ changes: [Change]) -> [Change] {
        var out: [Change] = []
        out.reserveCapacity(changes.count)
        for var c in changes {
            while !c.a.isEmpty, !c.b.isEmpty, a.ids[c.a.lowerBound] == b.ids[c.b.lowerBound] {
                c.a = (c.a.lowerBound + 1)..<c.a.upperBound
                c.b = (c.b.lowerBound + 1)..<c.b.upperBound
            }
            while !c.a.isEmpty, !c.b.isEmpty, a.ids[c.a.upperBound - 1] == b.ids[c.b.upperBound - 1] {
                c.a = c.a.lowerBound..<(c.a.upperBound - 1)
                c.b = c.b.lowerBound..<(c.b.upperBound - 1)
            }
            if !c.a.isEmpty || !c.b.isEmpty { out.append(c) }
        }
        return out
    }

    /// Step 3, for changes with one side empty.
    func shiftToBoundaries(_ changes: [Change]) -> [Change] {
        var out = changes
        for k in out.indices {
            let c = out[k]
            guard c.a.isEmpty != c.b.isEmpty else { continue }
            let isDeletion = c.b.isEmpty
            let side = isDeletion ? a : b
            var s = isDeletion ? c.a.lowerBound : c.b.lowerBound
            var e = isDeletion ? c.a.upperBound : c.b.upperBound
            // How far the unchanged text on each side reaches, on the edit's side.
            let floor = k == 0 ? 0 : (isDeletion ? out[k - 1].a.upperBound : out[k - 1].b.upperBound)
            let ceiling = k + 1 == out.count ? side.count : (isDeletion ? out[k + 1].a.lowerBound : out[k + 1].b.lowerBound)
            let ids = side.ids
            let original = s
            while s > floor, ids[s - 1] == ids[e - 1] {
                s -= 1
                e -= 1
            }
            var bestStart = s
            var bestScore = score(ids, s) + score(ids, e)
            while e < ceiling, ids[s] == ids[e] {
                s += 1
                e += 1
                let value = score(ids, s) + score(ids, e)
                if value >= bestScore {
                    bestScore = value
                    bestStart = s
                }
            }
            let delta = bestStart - original
            guard delta != 0 else { continue }
            // The unchanged text before grows or shrinks by the same amount on both sides.
            out[k].a = (c.a.lowerBound + delta)..<(c.a.upperBound + delta)
            out[k].b = (c.b.lowerBound + delta)..<(c.b.upperBound + delta)
        }
        return out
    }

    /// Changes with no unchanged text between them (after sliding) become one.
    func mergeTouching(_ changes: [Change]) -> [Change] {
        var out: [Change] = []
        out.reserveCapacity(changes.count)
        for c in changes {
            if let last = out.last, last.a.upperBound == c.a.lowerBound, last.b.upperBound == c.b.lowerBound {
                out[out.count - 1] = Change(a: last.a.lowerBound..<c.a.upperBound, b: last.b.lowerBound..<c.b.upperBound)
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// How good a place the boundary before token `t` is for an edit to start or end.
    func score(_ ids: [Int32], _ t: Int) -> Int {
        guard t > 0, t < ids.count else { return 6 }
        return Self.boundaryScore(ids[t - 1], ids[t])
    }

    static func boundaryScore(_ x: Int32, _ y: Int32) -> Int {
        let paragraph = Int32(DiffCharacters.paragraph)
        if x == paragraph || y == paragraph { return 6 }
        let xAtom = x >= Tokens.firstAtomID, yAtom = y >= Tokens.firstAtomID
        let xv = UInt32(bitPattern: x), yv = UInt32(bitPattern: y)
        if !xAtom {
            if DiffCharacters.isSentenceEnd(xv) { return 5 }
            if DiffCharacters.isClauseEnd(xv) { return 4 }
            if DiffCharacters.isClosing(xv) { return 3 }
        }
        if !yAtom, DiffCharacters.isOpening(yv) { return 3 }
        let space = Int32(DiffCharacters.space)
        if x == space || y == space { return 2 }
        if scriptClass(x) != scriptClass(y) { return 1 }
        return 0
    }

    /// 0 Han and kana, 1 letters and digits, 2 anything else.
    static func scriptClass(_ id: Int32) -> Int {
        if id >= Tokens.firstAtomID { return 1 }
        let v = UInt32(bitPattern: id)
        if DiffCharacters.isAtomCharacter(v) { return 1 }
        return DiffCharacters.isSignificant(v) ? 0 : 2
    }
}
