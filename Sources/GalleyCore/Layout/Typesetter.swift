/// Breaks a story into grid lines: units (LayoutUnit), greedy breaking under the CLREQ prohibitions
/// (LineBreaker), then placement with squeezing or even spacing (LinePlacer).
public enum Typesetter {
    public static func typeset(_ text: StoryText, settings: LayoutSettings) -> TypesetStory {
        var lines: [TypesetLine] = []
        for (index, block) in text.blocks.enumerated() {
            typeset(block, index: index, settings: settings, into: &lines)
        }
        return TypesetStory(settings: settings, lines: lines)
    }

    /// The measure of a line of `role` in its own em: headline roles are larger, so fewer of their cells fit.
    /// The headline block spans all the story's columns and the one-cell gutters between them.
    public static func lineMeasure(_ role: BlockRole, settings: LayoutSettings) -> Int {
        let measure = max(1, settings.measure)
        guard let style = settings.headlineStyles[role], style.scale > 0, style.scale.isFinite else { return measure }
        let span = role.isHeadlineBlock ? measure * max(1, settings.columns) + max(0, settings.columns - 1) : measure
        return max(1, Int((Double(span) / style.scale + 1e-9).rounded(.down)))
    }

    /// Cells the first line of a block of `role` is indented: body paragraphs only, and only when a cell is left.
    public static func firstLineIndent(_ role: BlockRole, settings: LayoutSettings) -> Int {
        guard role == .body, settings.indent > 0, settings.indent < lineMeasure(role, settings: settings) else { return 0 }
        return settings.indent
    }

    private static func typeset(_ block: StoryText.Block, index: Int, settings: LayoutSettings, into lines: inout [TypesetLine]) {
        let characters = Array(block.text)
        guard !characters.isEmpty else { return }
        let units = BlockUnits(UnitScanner.units(characters, level: settings.prohibition,
                                                 compressAdjacent: settings.compressesAdjacentMarks))
        let measure = Double(lineMeasure(block.role, settings: settings))
        let indent = Double(firstLineIndent(block.role, settings: settings))
        let spans = LineBreaker(block: units, resolution: settings.resolution)
            .lines(firstMeasure: measure - indent, measure: measure)
        let placer = LinePlacer(block: units, characters: characters)
        for (n, span) in spans.enumerated() {
            let isLast = n == spans.count - 1
            let placed = placer.place(span, indent: n == 0 ? indent : 0, measure: measure, isLast: isLast)
            let first = units.units[span.start].start, end = units.units[span.end - 1].end
            lines.append(TypesetLine(role: block.role, block: index, text: String(characters[first..<end]),
                                     units: placed.units, naturalWidth: placed.natural, setWidth: placed.set,
                                     isBlockEnd: isLast, flags: placed.flags))
        }
    }
}
