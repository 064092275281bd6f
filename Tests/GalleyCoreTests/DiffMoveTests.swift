import Foundation
import GalleyCore
import Testing

/// G5: moved paragraphs and sentences are reported as moves, not as deleted and inserted text.
@Suite struct DiffMoveTests {
    static func moved(_ paragraphs: [String], from: Int, to: Int) -> [String] {
        var p = paragraphs
        p.insert(p.remove(at: from), at: to)
        return p
    }

    @Test func movedParagraphWithLinesIntact() {
        let diff = TextDiffer.diff(DiffSample.page(), DiffSample.page(Self.moved(DiffSample.paragraphs, from: 3, to: 1)))
        let figures = DiffFigures(diff.piecesOnNewLayout)
        #expect(diff.moves.count == 1)
        #expect(figures.marked == 0 && figures.whiteMarked == 0, "\(figures)")
        let moved = DiffSample.paragraphs[3].unicodeScalars.filter { !$0.properties.isWhitespace }.count
        #expect(figures.moved == moved && diff.moves[0].characters == moved && diff.moves[0].similarity == 1)
        #expect(diff.statistics.moves == 1 && diff.statistics.changes == 1)
        #expect(diff.movedText(diff.moves[0]) == DiffSample.paragraphs[3])
        #expect(diff.moveParagraphs[0] == (from: 4, to: 2))
    }

    @Test func movedParagraphReflowed() {
        var paragraphs = Self.moved(DiffSample.paragraphs, from: 3, to: 1)
        paragraphs[1] = DiffSample.wrap(paragraphs[1], 16)
        let new = paragraphs.enumerated().map { $0 == 1 ? $1 : DiffSample.wrap($1, 14) }.joined(separator: "\n\n") + "\n"
        let diff = TextDiffer.diff(DiffSample.page(), new)
        let figures = DiffFigures(diff.piecesOnNewLayout)
        #expect(diff.moves.count == 1 && figures.marked == 0, "\(figures)")
    }

    /// The longer paragraph stays; the shorter one is the move.
    @Test func swapMovesTheShorterParagraph() {
        let diff = TextDiffer.diff(DiffSample.page(), DiffSample.page(Self.moved(DiffSample.paragraphs, from: 3, to: 4)))
        #expect(diff.moves.count == 1)
        #expect(diff.movedText(diff.moves[0]) == DiffSample.paragraphs[3])
    }

    @Test func movedAndEditedParagraphIsAMoveWithItsEdits() {
        var paragraphs = Self.moved(DiffSample.paragraphs, from: 3, to: 1)
        paragraphs[1] = paragraphs[1].replacingFirst("严格落实", with: "切实落实")
        let diff = TextDiffer.diff(DiffSample.page(), DiffSample.page(paragraphs))
        #expect(diff.moves.count == 1)
        let move = diff.moves[0]
        #expect(move.similarity < 1 && move.similarity >= 0.8)
        #expect(diff.innerPieces(of: move).marked.contains("[-严格-]{+切实+}落实"))
        #expect(DiffFigures(diff.piecesOnNewLayout).marked == 0)
    }

    @Test func movedSentenceWithinAParagraph() {
        let first = "市住建局会同市城管局等单位，自9月起对全市供热管网开展全面“体检”。"
        let rest = "共排查隐患点467处。更换老化阀门等部件2300余个，江北区主干管网改造工程已于10月中旬完工。"
        let diff = TextDiffer.diff(first + rest, rest + first)
        #expect(diff.moves.count == 1)
        #expect(DiffFigures(diff.pieces).marked == 0)
    }

    @Test func shortRunsAreNotMoves() {
        let diff = TextDiffer.diff("会议指出。要压实责任。会议要求。", "要压实责任。会议指出。会议要求。")
        #expect(diff.moves.isEmpty)
    }

    @Test func movesCanBeTurnedOff() {
        let new = DiffSample.page(Self.moved(DiffSample.paragraphs, from: 3, to: 1))
        let diff = TextDiffer.diff(DiffSample.page(), new, options: DiffOptions(moves: false))
        #expect(diff.moves.isEmpty && DiffFigures(diff.piecesOnNewLayout).marked > 100)
    }

    @Test func manyMovedParagraphsAreEachFound() {
        let many = (0..<30).map { i in "第\(i)段：" + DiffSample.paragraphs[i % 5] }
        let shuffled = many.enumerated().sorted { ($0.offset * 7) % 30 < ($1.offset * 7) % 30 }.map(\.element)
        let diff = TextDiffer.diff(many.joined(separator: "\n\n"), shuffled.joined(separator: "\n\n"))
        let figures = DiffFigures(diff.pieces)
        #expect(diff.moves.count >= 20, "\(figures)")
        #expect(figures.marked == 0, "\(figures)")
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = range(of: target) else { return self }
        return replacingCharacters(in: r, with: replacement)
    }
}
