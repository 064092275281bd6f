import GalleyCore
import Testing

/// G1: a revision that only re-wraps or re-spaces is no textual change.
@Suite struct DiffLayoutTests {
    @Test func rewrapIsLayoutOnly() {
        let old = DiffSample.page(width: 14), new = DiffSample.page(width: 20)
        let diff = TextDiffer.diff(old, new)
        #expect(!diff.hasChanges)
        #expect(diff.isLayoutOnly)
        #expect(DiffFigures(diff.piecesOnNewLayout) == DiffFigures([]))
        #expect(diff.old.joinedLineBreaks > diff.new.joinedLineBreaks)
        #expect(diff.layoutSummary.hasPrefix("line breaks \(diff.old.joinedLineBreaks) → \(diff.new.joinedLineBreaks)"))
    }

    @Test func justificationAndPanguSpacesAreLayout() {
        let old = "全市 12 月 25 日起，区 属 国 有 企 业\n全面实行 iPhone 预约。\n"
        let new = "全市12月25日起，区属国有企业全面实行iPhone预约。\n"
        let diff = TextDiffer.diff(old, new)
        #expect(diff.isLayoutOnly)
        #expect(diff.old.text == "全市12月25日起，区属国有企业全面实行iPhone预约。")
        #expect(diff.old.droppedSpaces == 11)
    }

    @Test func spacesBetweenLatinWordsAndNumbersAreText() {
        #expect(NormalizedText("Galley 0.1 版  发布").text == "Galley 0.1版发布")
        #expect(TextDiffer.diff("New York 的天气", "NewYork 的天气").hasChanges)
        // A space beside a line break between two words is one space.
        #expect(NormalizedText("Swift \n6.3 编译").text == "Swift 6.3编译")
        // A bare hard wrap joins with nothing, also inside a Latin word cut by the column.
        #expect(NormalizedText("inter\nnational").text == "international")
    }

    @Test func blankLinesWithSpacesSeparateParagraphsAndIndentsAreLayout() {
        let text = "\u{3000}\u{3000}第一段\n第一段续。\n \t\n\u{3000}\u{3000}第二段。\n\n\n"
        let n = NormalizedText(text)
        #expect(n.text == "第一段第一段续。\n第二段。")
        #expect(n.paragraphCount == 2)
        #expect(TextDiffer.diff(text, "第一段第一段续。\n\n第二段。").isLayoutOnly)
    }

    @Test func paragraphBreakChangeIsNotLayout() {
        let diff = TextDiffer.diff("第一段。\n\n第二段。", "第一段。第二段。")
        #expect(diff.hasChanges)
        let figures = DiffFigures(diff.piecesOnNewLayout)
        #expect(figures.marked == 0 && figures.hunks == 1)
        #expect(diff.pieces.marked == "第一段。[-\n-]第二段。")
    }

    /// A paragraph split in one place and joined in another: two paragraph breaks, no character.
    @Test func movedParagraphBreakIsTwoBreaksAndNoText() {
        let diff = TextDiffer.diff("第一段第一句。第一段第二句。\n\n第二段。\n", "第一段第一句。\n\n第一段第二句。第二段。\n")
        #expect(diff.pieces.marked == "第一段第一句。{+\n+}第一段第二句。[-\n-]第二段。")
        let text = DiffFormat.terminal.render(ArticleDiffer.diff(old: "a。b。\n\nc。", new: "a。\n\nb。c。", oldLabel: "a", newLabel: "b"))
        #expect(text.contains("a。{+¶+}\n") && text.contains("b。[-¶-]c。") && text.hasSuffix("2 changes in the body: paragraph breaks only\n"), "\(text)")
    }

    @Test func identicalTextsAreNeitherChangedNorLayoutOnly() {
        let diff = TextDiffer.diff(DiffSample.page(), DiffSample.page())
        #expect(diff.isIdentical && !diff.isLayoutOnly && !diff.hasChanges)
        #expect(TextDiffer.diff("", "").isIdentical)
    }
}
