import GalleyCore
import Testing
@testable import LayoutExport

@Suite struct GalleyLayoutTests {
    static let settings = LayoutSettings(measure: 10, linesPerColumn: 6, columns: 2)

    func line(_ role: BlockRole, _ block: Int, width: Double = 10) -> TypesetLine {
        TypesetLine(role: role, block: block, text: "字", units: [PlacedUnit(text: "字", x: 0, width: width, isLatin: false)],
                    naturalWidth: width, setWidth: width, isBlockEnd: true)
    }

    @Test func headlineSpansTheTopAndBodyFillsColumnsThenPages() {
        let lines = [line(.headline, 0, width: 5)] + (1...12).map { line(.body, $0) }
        let layout = GalleyLayout(TypesetStory(settings: Self.settings, lines: lines))
        // Slot: 2 × 10 cells + a 1-cell gutter at 9 pt.
        #expect(layout.width == 21 * 9 && layout.height == 6 * 12.6)
        let head = layout.placements[0]
        #expect(head.size == 9 * 2.2 && abs(head.x - (21 * 9 - 5 * 9 * 2.2) / 2) < 1e-9)
        // The headline takes 3 body lines: 3 body lines left in each column of page 1, then 6 per column.
        let body = layout.placements.dropFirst()
        #expect(body.filter { $0.page == 0 }.count == 6)
        #expect(body.filter { $0.page == 1 }.count == 6)
        #expect(layout.pages == 2)
        let first = body.first!
        #expect(abs(first.baseline - (3 * 12.6 + (12.6 - 9) / 2 + 0.88 * 9)) < 1e-9)
        #expect(body.dropFirst(3).first!.x == 11 * 9, "the fourth body line opens column 2")
        #expect(layout.columnBoxes.filter { $0.page == 0 }.map(\.rows) == [3, 3])
    }
}

@Suite struct HeadlineSolidTests {
    @Test func headlineLinesLoseTheirEvenSpacingBodyLinesKeepIt() {
        let spread = [PlacedUnit(text: "及", x: 0, width: 1, isLatin: false), PlacedUnit(text: "芯", x: 1.2, width: 1, isLatin: false),
                      PlacedUnit(text: "12", x: 2.4, width: 1, isLatin: true)]
        let lines = [BlockRole.kicker, .body].map {
            TypesetLine(role: $0, block: 0, text: "及芯12", units: spread, naturalWidth: 3, setWidth: 3.4, isBlockEnd: false)
        }
        let solid = TypesetStory(settings: LayoutSettings(), lines: lines).headlinesSetSolid()
        #expect(solid.lines[0].units.map(\.x) == [0, 1, 2] && solid.lines[0].setWidth == 3)
        #expect(solid.lines[1] == lines[1])
    }
}
