import GalleyCore

/// Where each typeset line goes on the pages, in points from the top-left of the slot (before any
/// reduction): the headline block across the top of the first page, each of its lines taking its 占行 in
/// body lines; then byline and body lines down column 1, column 2, …; lines past C × L go on more pages.
struct GalleyLayout {
    struct Placement: Equatable {
        let line: Int
        let page: Int
        /// Left end of the line (its em 0) and its baseline.
        let x: Double
        let baseline: Double
        /// Point size the line is drawn at.
        let size: Double
    }

    /// The rows of one column on one page that body lines may take: for the proof grid.
    struct ColumnBox: Equatable {
        let page: Int
        let x: Double
        let firstRow: Int
        let rows: Int
    }

    let width: Double
    let height: Double
    let pages: Int
    let placements: [Placement]
    let columnBoxes: [ColumnBox]

    /// Above the baseline in a CJK font's ideographic em box (Noto CJK: 880 of 1000 units).
    static let emAscent = 0.88

    init(_ story: TypesetStory) {
        let s = story.settings
        let columns = max(1, s.columns), rows = max(1, s.linesPerColumn)
        let columnWidth = Double(s.measure) * s.bodySize
        let gutter = s.bodySize
        width = Double(columns) * columnWidth + Double(columns - 1) * gutter
        height = Double(rows) * s.leading

        var placements: [Placement] = []
        var headerRows = 0
        for (index, line) in story.lines.enumerated() where line.role.isHeadlineBlock {
            let size = s.bodySize * s.scale(of: line.role)
            let slots = s.bodyLines(of: line.role)
            let extent = (line.units.map { $0.x + $0.width }.max() ?? line.setWidth) * size
            let emTop = Double(headerRows) * s.leading + (Double(slots) * s.leading - size) / 2
            placements.append(Placement(line: index, page: 0, x: max(0, (width - extent) / 2),
                                        baseline: emTop + Self.emAscent * size, size: size))
            headerRows += slots
        }
        let firstRow = min(headerRows, rows)

        var page = 0, column = 0, row = firstRow
        func advanceColumn() {
            column += 1
            if column == columns { column = 0; page += 1 }
            row = page == 0 ? firstRow : 0
        }
        while row >= rows { advanceColumn() }  // a headline block taller than the column
        for (index, line) in story.lines.enumerated() where !line.role.isHeadlineBlock {
            if row >= rows { advanceColumn() }
            let size = s.bodySize * s.scale(of: line.role)
            let emTop = Double(row) * s.leading + (s.leading - size) / 2
            placements.append(Placement(line: index, page: page, x: Double(column) * (columnWidth + gutter),
                                        baseline: emTop + Self.emAscent * size, size: size))
            row += 1
        }
        self.placements = placements
        pages = (placements.map(\.page).max() ?? 0) + 1
        columnBoxes = (0..<pages).flatMap { p in
            (0..<columns).map { c in
                ColumnBox(page: p, x: Double(c) * (columnWidth + gutter), firstRow: p == 0 ? firstRow : 0,
                          rows: rows - (p == 0 ? firstRow : 0))
            }
        }
    }
}
