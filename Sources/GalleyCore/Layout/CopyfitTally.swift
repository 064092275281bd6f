/// Walks a story's lines once, in slot order, to build the copyfit's per-paragraph figures.
struct CopyfitTally {
    let settings: LayoutSettings
    private(set) var paragraphs: [Copyfit.Paragraph] = []
    private(set) var flags: [LineFlag: Int] = [:]
    /// Body lines of the copy so far: the next copy line's first slot below the headline block.
    private(set) var slots = 0
    /// Body lines the headline block takes at the top of every column (it spans them all).
    private(set) var headlineSlots = 0
    private var copyParagraphs = 0

    init(settings: LayoutSettings) {
        self.settings = settings
    }

    mutating func add(_ line: TypesetLine) {
        for flag in line.flags { flags[flag, default: 0] += 1 }
        let occupies = settings.headlineStyles[line.role].map { max(1, $0.bodyLines) } ?? 1
        if paragraphs.last?.block != line.block {
            if line.role.isCopy { copyParagraphs += 1 }
            paragraphs.append(Copyfit.Paragraph(block: line.block, role: line.role,
                                                number: line.role.isCopy ? copyParagraphs : nil, characters: 0, lines: 0, bodyLines: 0,
                                                cutToSaveLine: 0, addable: 0, orphanCharacter: false,
                                                lastLineStartsColumn: false))
        }
        let startSlot = slots
        if line.role.isHeadlineBlock { headlineSlots += occupies } else { slots += occupies }
        var p = paragraphs[paragraphs.count - 1]
        p.lines += 1
        p.bodyLines += occupies
        p.characters += ChineseCount.characters(in: line.text)
        guard line.isBlockEnd else {
            paragraphs[paragraphs.count - 1] = p
            return
        }
        let solid = line.units.filter { !$0.text.allSatisfy(\.isWhitespace) }
        p.cutToSaveLine = solid.count
        let measure = Double(Typesetter.lineMeasure(line.role, settings: settings))
        p.addable = max(0, Int((measure - line.naturalWidth + 1e-9).rounded(.down)))
        p.orphanCharacter = p.lines > 1 && Self.isOneCharacter(solid)
        let perColumn = settings.linesPerColumn - headlineSlots
        if line.role.isCopy, p.lines > 1, perColumn > 0, startSlot > 0, startSlot % perColumn == 0, startSlot / perColumn < settings.columns {
            p.lastLineStartsColumn = true
        }
        paragraphs[paragraphs.count - 1] = p
    }

    /// One character, or one character and one mark: `明。`, `众”`.
    static func isOneCharacter(_ units: [PlacedUnit]) -> Bool {
        guard let first = units.first, !isMark(first) else { return false }
        return units.count == 1 || (units.count == 2 && isMark(units[1]))
    }

    static func isMark(_ unit: PlacedUnit) -> Bool {
        guard !unit.isLatin || unit.text.count == 1, let scalar = unit.text.unicodeScalars.first else { return false }
        return MarkClass.of(scalar) != .plain
    }
}
