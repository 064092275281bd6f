/// One changed run of an edit script, in token indices: `a` of the old text replaced by `b` of the new.
/// Either side may be empty. A side that belongs to a move carries the move's index.
struct Change: Equatable {
    var a: Range<Int>
    var b: Range<Int>
    var aMove: Int32 = -1
    var bMove: Int32 = -1

    init(a: Range<Int>, b: Range<Int>) {
        self.a = a
        self.b = b
    }
}

/// Turns per-token marks (deleted in the old text, inserted in the new) into the list of changed runs.
enum EditScript {
    static func changes(deleted: [Bool], inserted: [Bool]) -> [Change] {
        var out: [Change] = []
        let n = deleted.count, m = inserted.count
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, !deleted[i], !inserted[j] {
                i += 1
                j += 1
                continue
            }
            let si = i, sj = j
            while (i < n && deleted[i]) || (j < m && inserted[j]) {
                while i < n, deleted[i] { i += 1 }
                while j < m, inserted[j] { j += 1 }
            }
            // Unmatched leftovers at the end (cannot happen for a consistent alignment) count as changed.
            if i == n, j < m, !inserted[j] { j = m }
            if j == m, i < n, !deleted[i] { i = n }
            out.append(Change(a: si..<i, b: sj..<j))
        }
        return out
    }
}
