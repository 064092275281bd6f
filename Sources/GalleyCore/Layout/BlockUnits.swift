/// A block's units with what the line breaker asks of any stretch of them: its width on one line, how
/// much squeezing could take off, and whether a line may break before a unit.
struct BlockUnits {
    let units: [LayoutUnit]
    /// `prefix[i]` = sum of `innerWidth` of units before `i`.
    private let prefix: [Double]
    /// `lastSolid[e]` = index of the last non-space unit before `e`, or -1.
    private let lastSolid: [Int]

    init(_ units: [LayoutUnit]) {
        self.units = units
        var prefix = [0.0]
        var lastSolid = [-1]
        prefix.reserveCapacity(units.count + 1)
        lastSolid.reserveCapacity(units.count + 1)
        for (i, u) in units.enumerated() {
            prefix.append(prefix[i] + u.innerWidth)
            lastSolid.append(u.isSpace ? lastSolid[i] : i)
        }
        self.prefix = prefix
        self.lastSolid = lastSolid
    }

    var count: Int { units.count }

    /// Index of the last unit of `start..<end` that is not a hanging word space, or nil.
    func lastSolid(_ start: Int, _ end: Int) -> Int? {
        let i = lastSolid[end]
        return i >= start ? i : nil
    }

    /// Width of units `start..<end` set on one line: trailing word spaces hang (width 0), and a pair trim
    /// with a neighbour on another line is given back.
    func width(_ start: Int, _ end: Int) -> Double {
        guard let last = lastSolid(start, end) else { return 0 }
        return prefix[last + 1] - prefix[start] + units[start].trimLeft + units[last].trimRight
    }

    /// True when a line may end before unit `index` (CLREQ prohibitions at the chosen level).
    func canBreak(before index: Int) -> Bool {
        index <= 0 || index >= units.count || (!units[index].notAtStart && !units[index - 1].notAtEnd)
    }

    /// What squeezing can take off `start..<end` at most (CLREQ 3.6.3: blanks of marks, word spaces to ¼ em).
    func squeezable(_ start: Int, _ end: Int) -> Double {
        guard let last = lastSolid(start, end) else { return 0 }
        var total = 0.0
        for i in start...last {
            let u = units[i]
            if u.isSpace {
                total += 0.25
            } else {
                total += u.mark.rightBlank - (i < last ? u.trimRight : 0) + u.mark.leftBlank - (i > start ? u.trimLeft : 0)
            }
        }
        return total
    }
}
