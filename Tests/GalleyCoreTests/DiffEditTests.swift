import Foundation
import GalleyCore
import Testing

/// G2, G3, G6: marks as small as the edits, one place per edit, layout never marked, rewrites readable.
@Suite struct DiffEditTests {
    /// Eight in-place copy edits on the sample page (names, a number, a word, a deletion, insertions
    /// across a hard wrap, punctuation), with their true size (indel distance).
    static let edits: [(String, String, Int)] = [
        ("记者陈立峰", "记者陈立锋", 2),
        ("新增312万平方米", "新增321万平方米", 6),
        ("偏低1.5℃", "偏低1.8℃", 2),
        ("补偿器等部件", "补偿器部件", 1),
        ("实地查看机组运行", "实地察看机组运行", 2),
        ("各供热企业要严格", "各供热企业要进一步严格", 3),
        ("问题做到“接诉即办”，", "问题做到“接诉即办”：", 2),
        ("可拨打12345政务", "可拨打12345政务服务", 2),
    ]
    static let trueSize = edits.reduce(0) { $0 + $1.2 }

    static func edited(_ page: String) -> String {
        edits.reduce(page) { editInPlace($0, $1.0, $1.1) }
    }

    @Test func inPlaceEditsAreMarkedOnceEachAndNoLayout() {
        let old = DiffSample.page()
        let diff = TextDiffer.diff(old, Self.edited(old))
        let figures = DiffFigures(diff.piecesOnNewLayout)
        #expect(figures.hunks == Self.edits.count, "\(figures)")
        #expect(figures.whiteMarked == 0)
        #expect(Double(figures.marked) <= 1.3 * Double(Self.trueSize), "\(figures) vs T=\(Self.trueSize)")
        #expect(diff.statistics.changes == Self.edits.count)
    }

    @Test func editsWithTheirParagraphsReflowedGiveTheSameMarks() {
        let old = DiffSample.page(width: 14)
        let new = DiffSample.page(DiffSample.paragraphs.map { Self.edits.reduce($0) { p, e in p.replacingOccurrences(of: e.0, with: e.1) } }, width: 17)
        let reflowed = TextDiffer.diff(old, new)
        let inPlace = TextDiffer.diff(old, Self.edited(old))
        #expect(reflowed.pieces == inPlace.pieces)
        let figures = DiffFigures(reflowed.piecesOnNewLayout)
        #expect(figures.hunks == Self.edits.count && figures.whiteMarked == 0, "\(figures)")
    }

    @Test func numbersAndLatinWordsStayWhole() {
        #expect(TextDiffer.diff("上级资金966万元", "上级资金996万元").pieces.marked == "上级资金[-966-]{+996+}万元")
        #expect(TextDiffer.diff("发布iPhone新品", "发布iPad新品").pieces.marked == "发布[-iPhone-]{+iPad+}新品")
        #expect(TextDiffer.diff("补贴4070.65万元", "补贴4070.56万元").pieces.marked == "补贴[-4070.65-]{+4070.56+}万元")
        let plain = TextDiffer.diff("上级资金966万元", "上级资金996万元", options: DiffOptions(atoms: false))
        #expect(plain.pieces.marked == "上级资金9[-6-]{+9+}6万元")
    }

    @Test func withoutAtomsMarksAreMinimal() {
        let old = DiffSample.page()
        let diff = TextDiffer.diff(old, Self.edited(old), options: DiffOptions(atoms: false))
        #expect(DiffFigures(diff.piecesOnNewLayout).marked <= Self.trueSize + 2)
    }

    @Test func editsSlideToChinesePunctuation() {
        // The deleted clause takes its own 、, not the one before it.
        #expect(TextDiffer.diff("知责、尽责、履责，扎实工作、守好底线。", "知责、尽责、履责，守好底线。").pieces.marked
            == "知责、尽责、履责，[-扎实工作、-]守好底线。")
        // A repeated character is removed at a sentence boundary when there is one.
        #expect(TextDiffer.diff("会议结束。会议要求", "会议要求").pieces.marked == "[-会议结束。-]会议要求")
    }

    /// G6: a rewritten sentence reads as an editor's marks, without a lone character left between two edits.
    @Test func rewritesHaveNoChaff() {
        let old = "国际疫情一天不结束，国内就要面临疫情输入的风险。通过实地考察、座谈交流，学习借鉴了兄弟城市的好经验。"
        let new = "只要国际疫情尚未结束，国内就始终面临疫情输入风险。此次实地考察和座谈交流，让考察团学到了兄弟城市的好经验。"
        let pieces = TextDiffer.diff(old, new).pieces
        #expect(pieces.text(old: true) == old && pieces.text(old: false) == new)
        for (k, p) in pieces.enumerated() where p.op == .equal && k > 0 && k + 1 < pieces.count {
            let lone = p.text.unicodeScalars.count == 1 && p.text.unicodeScalars.allSatisfy { CJK.isHan($0) }
            #expect(!lone, "a lone character between two edits: \(pieces.marked)")
        }
        #expect(pieces.marked.contains("[-学习借鉴-]{+让考察团学到+}了"), "\(pieces.marked)")
        #expect(DiffFigures(pieces).hunks <= 8, "\(pieces.marked)")
    }

    @Test func wordsKeptByTheEditorStayUnchanged() {
        let marked = TextDiffer.diff("热情迎接，激动不已。", "两人激动不已，热情相迎。").pieces.marked
        #expect(marked.contains("激动不已") && !marked.contains("[-热情迎接，激动不已"), "\(marked)")
    }
}

extension DiffEditTests {
    /// A run of letters far longer than a word (a code, filler) is compared character by character.
    @Test func overlongRunsAreNotAtoms() {
        let run = String(repeating: "a", count: 100)
        let marked = TextDiffer.diff("编号" + run + "结束", "编号" + run.dropLast() + "b结束").pieces.marked
        #expect(marked == "编号" + run.dropLast() + "[-a-]{+b+}结束")
    }
}

extension DiffEditTests {
    /// G4: the changed-lines output of edits whose paragraphs were re-flowed is as small as for the same
    /// edits made in place (a line diff would print every re-flowed line).
    @Test func reflowedEditsPrintAsLittleAsInPlaceEdits() {
        let old = DiffSample.page(width: 14)
        let reflowed = DiffSample.page(DiffSample.paragraphs.map { Self.edits.reduce($0) { p, e in p.replacingOccurrences(of: e.0, with: e.1) } }, width: 17)
        func size(_ new: String) -> Int {
            DiffFormat.terminal.render(ArticleDiffer.diff(old: old, new: new, oldLabel: "a", newLabel: "b"), context: 0).utf8.count
        }
        let inPlace = size(Self.edited(old)), afterReflow = size(reflowed)
        #expect(Double(afterReflow) <= 1.2 * Double(inPlace), "\(afterReflow) bytes against \(inPlace)")
        #expect(inPlace < old.utf8.count / 2)
    }
}
