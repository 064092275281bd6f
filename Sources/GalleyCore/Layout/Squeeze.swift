/// Takes `excess` em off a line by compressing punctuation blanks in CLREQ 3.6.3 order: the line-end
/// mark, word spaces (to ¼ em), interpuncts, brackets, `，、；：`, then `。？！`. Every instance of a class
/// gives the same amount, as far as its blank allows.
enum Squeeze {
    static func apply(_ excess: Double, block: BlockUnits, span: LineSpan, solidEnd: Int,
                      widths: inout [Double], leftTrims: inout [Double])
    {
        let count = solidEnd - span.start
        guard count > 0 else { return }
        var right = [Double](repeating: 0, count: count)
        var left = [Double](repeating: 0, count: count)
        var marks = [MarkClass](repeating: .plain, count: count)
        for k in 0..<count {
            let i = span.start + k
            let u = block.units[i]
            marks[k] = u.mark
            if u.isSpace {
                right[k] = 0.25
            } else {
                right[k] = u.mark.rightBlank - (i < solidEnd - 1 ? u.trimRight : 0)
                left[k] = u.mark.leftBlank - (k > 0 ? u.trimLeft : 0)
            }
        }
        let last = count - 1
        let classes: [(Int) -> Bool] = [
            { $0 == last },
            { marks[$0] == .space },
            { marks[$0] == .interpunct },
            { marks[$0] == .opening || marks[$0] == .closing },
            { marks[$0] == .pause },
            { marks[$0] == .stop },
        ]
        var need = excess
        for isMember in classes where need > 1e-12 {
            let members = (0..<count).filter { isMember($0) && right[$0] + left[$0] > 0 }
            let amounts = waterFill(need, members.map { right[$0] + left[$0] })
            for (m, k) in members.enumerated() {
                let amount = amounts[m]
                guard amount > 0 else { continue }
                // Interpuncts give from both sides alike; the others from the side their blank is on.
                let share = marks[k] == .interpunct ? amount / 2 : amount
                let fromRight = min(right[k], marks[k] == .interpunct ? share : amount)
                let fromLeft = amount - fromRight
                right[k] -= fromRight
                left[k] -= fromLeft
                widths[k] -= amount
                leftTrims[k] += fromLeft
                need -= amount
            }
        }
    }

    /// Amounts taken from each of `available` so they sum to `need` (or everything), equal where possible.
    static func waterFill(_ need: Double, _ available: [Double]) -> [Double] {
        let total = available.reduce(0, +)
        if total <= need { return available }
        let order = available.indices.sorted { available[$0] < available[$1] }
        var amounts = [Double](repeating: 0, count: available.count)
        var rest = need
        for (n, index) in order.enumerated() {
            let level = rest / Double(order.count - n)
            let take = min(available[index], level)
            amounts[index] = take
            rest -= take
        }
        return amounts
    }
}
