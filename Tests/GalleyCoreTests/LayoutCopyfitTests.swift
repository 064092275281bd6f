import Foundation
import GalleyCore
import Testing

/// Copyfit figures on stories worked out by hand (10-cell measure, 2-cell indent).
@Suite struct LayoutCopyfitTests {
    /// 31 Han characters: 8 + 10 + 10 + 3 cells.
    static let long = String(repeating: "一二三四五六七八九十", count: 3) + "甲"
    /// 9 Han characters and a full stop: 8 on the first line, `壬。` on the second (孤字).
    static let short = "甲乙丙丁戊己庚辛壬。"

    static func fit(_ blocks: [StoryText.Block], measure: Int = 10, lines: Int, columns: Int) -> Copyfit {
        let settings = LayoutSettings(measure: measure, linesPerColumn: lines, columns: columns)
        return Copyfit(Typesetter.typeset(StoryText(blocks: blocks), settings: settings))
    }

    static let copy: [StoryText.Block] = [.init(role: .body, text: long), .init(role: .body, text: short)]

    @Test func fullSlotWithOrphansAndCuts() {
        let fit = Self.fit(Self.copy, lines: 3, columns: 2)
        #expect(fit.lines == 6 && fit.capacity == 6 && fit.remaining == 0 && fit.overset == 0)
        #expect(fit.characters == 41 && fit.paragraphCount == 2)
        #expect(fit.columns == [.init(lines: 3, capacity: 3), .init(lines: 3, capacity: 3)])
        #expect(fit.paragraphs.map(\.lines) == [4, 2])
        #expect(fit.paragraphs.map(\.cutToSaveLine) == [3, 2])
        #expect(fit.paragraphs.map(\.addable) == [7, 8])
        #expect(fit.addable == 15)
        #expect(fit.cutOrder == [1, 0])
        // The long paragraph's 4th line opens column 2 (孤行); the short one ends in `壬。` (孤字).
        #expect(fit.paragraphs.map(\.lastLineStartsColumn) == [true, false])
        #expect(fit.paragraphs.map(\.orphanCharacter) == [false, true])
    }

    @Test func oversetAndRemaining() {
        let over = Self.fit(Self.copy, lines: 5, columns: 1)
        #expect(over.overset == 1 && over.remaining == 0 && over.oversetCharacters == 10)
        #expect(over.columns == [.init(lines: 5, capacity: 5)])
        #expect(over.paragraphs.map(\.lastLineStartsColumn) == [false, false])
        let under = Self.fit(Self.copy, lines: 4, columns: 2)
        #expect(under.remaining == 2 && under.overset == 0 && under.remainingCharacters == 20)
        #expect(under.columns.map(\.lines) == [4, 2])
        // Column 2 starts with the short paragraph's first line, not its last: no 孤行.
        #expect(under.paragraphs.map(\.lastLineStartsColumn) == [false, false])
    }

    @Test func headlineLinesCountAsTheBodyLinesTheyOccupy() {
        // At 13 cells: kicker 1.3× → 10 cells, 1 line × 2; headline 2.2× → 5 cells, 12 characters in
        // 3 lines × 3; the long paragraph 11 + 13 + 7 cells in 3 lines.
        let blocks: [StoryText.Block] = [
            .init(role: .kicker, text: "总投资一百亿元"), .init(role: .headline, text: "高新区集成电路产业园开工"),
            .init(role: .body, text: Self.long),
        ]
        let fit = Self.fit(blocks, measure: 13, lines: 7, columns: 1)
        #expect(fit.paragraphs.map(\.lines) == [1, 3, 3])
        #expect(fit.paragraphs.map(\.bodyLines) == [2, 9, 3])
        #expect(fit.lines == 14 && fit.headlineLines == 11 && fit.overset == 7)
        #expect(fit.characters == 31 && fit.paragraphCount == 1)
        #expect(fit.paragraphs.map(\.number) == [nil, nil, 1])
        var settings = LayoutSettings(measure: 13, linesPerColumn: 7, columns: 1)
        settings.headlineStyles[.headline] = HeadlineStyle(scale: 1, bodyLines: 4)
        let custom = Copyfit(Typesetter.typeset(StoryText(blocks: blocks), settings: settings))
        #expect(custom.paragraphs[1].lines == 1 && custom.lines == 2 + 4 + 3)
    }

    @Test func aHeadlineBlockSpansTheColumns() {
        // Two columns of 13 cells and a one-cell gutter: 27 cells. Kicker 1.3× → 20 cells, 1 line × 2;
        // headline 2.2× → 12 cells, its 12 characters in 1 line × 3. Five lines at the top of both
        // columns leave 2 each for the copy's 3 lines: 7 + 6 of 14, 1 remaining.
        let blocks: [StoryText.Block] = [
            .init(role: .kicker, text: "总投资一百亿元"), .init(role: .headline, text: "高新区集成电路产业园开工"),
            .init(role: .body, text: Self.long),
        ]
        let fit = Self.fit(blocks, measure: 13, lines: 7, columns: 2)
        #expect(fit.paragraphs.map(\.lines) == [1, 1, 3])
        #expect(fit.headlineLines == 5 && fit.lines == 13 && fit.remaining == 1 && fit.overset == 0)
        #expect(fit.columns.map(\.lines) == [7, 6])
        // A 4-line headline style leaves one copy line per column: 3 lines of copy overset by 1.
        var settings = LayoutSettings(measure: 13, linesPerColumn: 7, columns: 2)
        settings.headlineStyles[.headline] = HeadlineStyle(scale: 1, bodyLines: 4)
        let custom = Copyfit(Typesetter.typeset(StoryText(blocks: blocks), settings: settings))
        #expect(custom.headlineLines == 6 && custom.lines == 15 && custom.overset == 1)
        #expect(custom.columns.map(\.lines) == [7, 7])
    }

    @Test func textAndJSONCarryTheFigures() throws {
        let fit = Self.fit(Self.copy, lines: 5, columns: 1)
        let text = fit.text(title: "稿.txt")
        #expect(text.contains("超版 1 行（约 10 字）"), "\(text)")
        #expect(text.contains("分栏 c1 5/5"))
        #expect(text.contains("孤字"))
        #expect(text.contains("删字省行（删几字省一行，由少到多）：段2 2，段1 3"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(fit.json().utf8)) as? [String: Any])
        #expect(object["lines"] as? Int == 6 && object["overset"] as? Int == 1 && object["remaining"] as? Int == 0)
        let columns = try #require(object["columns"] as? [[String: Any]])
        #expect(columns.count == 1 && columns[0]["lines"] as? Int == 5)
        let paragraphs = try #require(object["paragraphs"] as? [[String: Any]])
        #expect(paragraphs.map { $0["cut_to_save_line"] as? Int } == [3, 2])
        #expect(paragraphs.map { $0["orphan_character"] as? Bool } == [false, true])
        #expect(object["cut_order"] as? [Int] == [2, 1])
    }
}
