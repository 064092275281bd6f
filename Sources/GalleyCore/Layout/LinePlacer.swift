/// Places a line's units: squeezes a 挤进 line to the measure, spreads a short line evenly (均排), and
/// leaves a block's last line as set.
struct LinePlacer {
    let block: BlockUnits
    let characters: [Character]
    /// Gaps wider than this make a line loose (docs/layout.md §5.3).
    static let looseGap = 0.25
    private let epsilon = 1e-9

    /// - Parameters:
    ///   - indent: cells before the first unit (the first line of a body paragraph).
    ///   - measure: the line's length in its own em, indent included; non-final lines are justified to it.
    func place(_ span: LineSpan, indent: Double, measure: Double, isLast: Bool) -> (units: [PlacedUnit], natural: Double, set: Double, flags: Set<LineFlag>) {
        var flags: Set<LineFlag> = []
        if span.pushedOut { flags.insert(.pushedOut) }
        let solidEnd = (block.lastSolid(span.start, span.end) ?? span.start - 1) + 1
        var widths: [Double] = []
        var leftTrims: [Double] = []
        widths.reserveCapacity(span.end - span.start)
        leftTrims.reserveCapacity(span.end - span.start)
        for i in span.start..<span.end {
            let u = block.units[i]
            if i >= solidEnd {
                widths.append(0)  // a word space hanging at the line end
                leftTrims.append(0)
                continue
            }
            let right = i < solidEnd - 1 ? u.trimRight : 0
            let left = i > span.start ? u.trimLeft : 0
            widths.append(u.width - right - left)
            leftTrims.append(left)
        }
        let natural = indent + widths.reduce(0, +)
        var content = natural
        let room = measure
        if span.squeezed, natural > room + epsilon {
            Squeeze.apply(natural - room, block: block, span: span, solidEnd: solidEnd, widths: &widths, leftTrims: &leftTrims)
            content = indent + widths.reduce(0, +)
            flags.insert(.squeezed)
        }
        var gap = 0.0
        let gaps = solidEnd - span.start - 1
        if span.overfull || content > room + epsilon { flags.insert(.overfull) }
        if !isLast, !flags.contains(.overfull), content < room - epsilon {
            if gaps > 0 { gap = (room - content) / Double(gaps) }
            if gaps == 0 || gap > Self.looseGap + epsilon { flags.insert(.loose) }
        }
        var placed: [PlacedUnit] = []
        placed.reserveCapacity(widths.count)
        var x = indent
        for (k, i) in (span.start..<span.end).enumerated() {
            let u = block.units[i]
            let text = u.end - u.start == 1 ? String(characters[u.start]) : String(characters[u.start..<u.end])
            placed.append(PlacedUnit(text: text, x: x, width: widths[k], isLatin: u.isLatin, trimmedLeft: leftTrims[k]))
            x += widths[k]
            if i < solidEnd - 1 { x += gap }
        }
        let set: Double
        if flags.contains(.squeezed) {
            set = room
        } else if flags.contains(.overfull) || isLast {
            set = content
        } else {
            set = room  // justified; a lone unit stays at the start of its line (flagged loose)
        }
        return (placed, natural, set, flags)
    }
}
