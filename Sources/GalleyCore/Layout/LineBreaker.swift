/// Units `start..<end` of a block chosen for one line, and how they got there.
struct LineSpan: Equatable {
    var start: Int
    var end: Int
    /// Units were carried to the next line to keep a prohibited mark off a line edge (推出).
    var pushedOut = false
    /// The line holds more than the measure and must be squeezed to fit (挤进).
    var squeezed = false
    /// No break within the measure obeys the rules, or one unit is wider than the measure.
    var overfull = false
}

/// Greedy line breaking on the grid: fill to the measure, then settle a prohibited break by squeezing
/// (option) or pushing out. Every line takes at least one unit, so it always ends.
struct LineBreaker {
    let block: BlockUnits
    let resolution: ProhibitionResolution
    /// Units a squeeze may pull back: CLREQ pulls back the one offending mark; three covers `。”）`.
    static let squeezeReach = 3
    private let epsilon = 1e-9

    func lines(firstMeasure: Double, measure: Double) -> [LineSpan] {
        var spans: [LineSpan] = []
        var start = 0
        while start < block.count {
            let span = line(from: start, measure: spans.isEmpty ? firstMeasure : measure)
            spans.append(span)
            start = span.end
        }
        return spans
    }

    private func line(from start: Int, measure: Double) -> LineSpan {
        let n = block.count
        var end = start
        while end < n, block.width(start, end + 1) <= measure + epsilon { end += 1 }
        if end == n { return LineSpan(start: start, end: n) }
        if end == start {
            // One unit wider than the line: it goes alone, with whatever may not leave it.
            return LineSpan(start: start, end: nextBreak(after: start), overfull: true)
        }
        if block.canBreak(before: end) { return LineSpan(start: start, end: end) }
        if resolution == .squeeze, let pulled = squeezedEnd(start, end, measure) {
            return LineSpan(start: start, end: pulled, squeezed: true)
        }
        var back = end - 1
        while back > start, !block.canBreak(before: back) { back -= 1 }
        if back > start { return LineSpan(start: start, end: back, pushedOut: true) }
        // A chain of marks longer than the line (possible at a measure of 1 or 2): keep the rules, overrun.
        return LineSpan(start: start, end: nextBreak(after: end - 1), overfull: true)
    }

    /// The first legal break after unit `index`.
    private func nextBreak(after index: Int) -> Int {
        var end = index + 1
        while end < block.count, !block.canBreak(before: end) { end += 1 }
        return end
    }

    /// The first legal break a few units past `end` whose line fits the measure once squeezed.
    private func squeezedEnd(_ start: Int, _ end: Int, _ measure: Double) -> Int? {
        var candidate = end + 1
        while candidate <= min(block.count, end + Self.squeezeReach) {
            if block.canBreak(before: candidate) {
                let width = block.width(start, candidate)
                return width - block.squeezable(start, candidate) <= measure + epsilon ? candidate : nil
            }
            candidate += 1
        }
        return nil
    }
}
