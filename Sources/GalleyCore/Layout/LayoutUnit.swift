/// An unbreakable piece of a block before line breaking: one cell, a 2-em dash or ellipsis, a number or
/// Latin word with its signs, or a word space.
struct LayoutUnit: Sendable {
    /// Characters `start..<end` of the block.
    var start: Int
    var end: Int
    /// Nominal width in em (full-width punctuation, half-width ASCII).
    var width: Double
    var mark: MarkClass
    /// Digits, Latin letters and ASCII signs: drawn half width, not centred in a cell.
    var isLatin: Bool
    var notAtStart: Bool
    var notAtEnd: Bool
    /// Half-em trims from the neighbouring mark (`。”` → `。` loses its right half); zero unless
    /// adjacent punctuation is compressed. Only one side of a pair is trimmed.
    var trimRight: Double = 0
    var trimLeft: Double = 0

    var isSpace: Bool { mark == .space }
    /// Width when both neighbours are on the same line.
    var innerWidth: Double { width - trimRight - trimLeft }
}

/// Cuts a block's characters into layout units (the rules are in docs/layout.md §1.2 and §1.5).
enum UnitScanner {
    static func units(_ characters: [Character], level: ProhibitionLevel, compressAdjacent: Bool) -> [LayoutUnit] {
        var units: [LayoutUnit] = []
        units.reserveCapacity(characters.count)
        var i = 0
        while i < characters.count {
            let unit: LayoutUnit
            if let run = LatinRun.scan(characters, from: i) {
                unit = LayoutUnit(start: i, end: run.end, width: run.width, mark: .plain, isLatin: true,
                                  notAtStart: false, notAtEnd: false)
            } else if let end = pairedMarkEnd(characters, i) {
                unit = LayoutUnit(start: i, end: end, width: 2, mark: .dashOrEllipsis, isLatin: false,
                                  notAtStart: MarkClass.dashOrEllipsis.notAtLineStart(level), notAtEnd: false)
            } else {
                unit = single(characters[i], at: i, level: level)
            }
            units.append(unit)
            i = unit.end
        }
        if compressAdjacent { trimAdjacentMarks(&units) }
        return units
    }

    private static func single(_ character: Character, at index: Int, level: ProhibitionLevel) -> LayoutUnit {
        let scalars = character.unicodeScalars
        // A cluster with combining marks is a plain cell whatever its base is.
        let mark = scalars.count == 1 ? MarkClass.of(scalars.first!) : .plain
        let ascii = character.isASCII
        return LayoutUnit(start: index, end: index + 1, width: ascii ? 0.5 : cellWidth(scalars.first!), mark: mark,
                          isLatin: ascii, notAtStart: mark.notAtLineStart(level), notAtEnd: mark.notAtLineEnd(level))
    }

    /// Cells a non-ASCII character takes: 1, except the 2- and 3-em dashes.
    private static func cellWidth(_ first: Unicode.Scalar) -> Double {
        switch first.value {
        case 0x2E3A: return 2
        case 0x2E3B: return 3
        case 0x00A0: return 0.5
        default: return 1
        }
    }

    /// `——`, `……` and `⋯⋯` are one 2-em unit.
    private static func pairedMarkEnd(_ characters: [Character], _ i: Int) -> Int? {
        guard i + 1 < characters.count, characters[i] == characters[i + 1],
              characters[i] == "\u{2014}" || characters[i] == "\u{2026}" || characters[i] == "\u{22EF}" else { return nil }
        return i + 2
    }

    /// Two adjacent marks of 2 em become 1.5: the first loses its right half if it has one (`。”`, `，“`,
    /// `）（`), else the second its left half (`（“`), so brackets stay by the text they enclose.
    private static func trimAdjacentMarks(_ units: inout [LayoutUnit]) {
        guard units.count > 1 else { return }
        for i in 1..<units.count {
            let a = units[i - 1].mark, b = units[i].mark
            guard a.isCompressibleMark, b.isCompressibleMark, a != .interpunct, b != .interpunct else { continue }
            if a.rightBlank > 0, units[i - 1].trimRight == 0 {
                units[i - 1].trimRight = a.rightBlank
            } else if b.leftBlank > 0 {
                units[i].trimLeft = b.leftBlank
            }
        }
    }
}
