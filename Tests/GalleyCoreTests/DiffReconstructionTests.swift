import GalleyCore
import GalleyTestSupport
import Testing

/// The bench's contract: the pieces give back both texts.
@Suite struct DiffReconstructionTests {
    /// Pseudo-random edits (deterministic), re-wraps, moves, atoms, emoji and CJK extension B.
    static func variants() -> [(String, String)] {
        var generator = SeededRandom(seed: 7)
        let page = DiffSample.page()
        var out: [(String, String)] = [
            (page, DiffSample.page(width: 19)),
            (page, DiffEditTests.edited(page)),
            ("", page),
            (page, ""),
            ("𠀀𠀁😀 ok，iPhone 15 发布。\n\n第二段", "𠀀😀😀 OK，iPhone 16 发布。第二段\n\n新增"),
            ("  \n\n  ", "\u{3000}"),
        ]
        for _ in 0..<40 {
            var chars = Array(page)
            for _ in 0..<generator.next(8) {
                let at = generator.next(chars.count)
                switch generator.next(4) {
                case 0: chars.remove(at: at)
                case 1: chars.insert(["新", "，", "\n", " ", "7", "a", "\n\n"].randomElement(using: &generator)!.first!, at: at)
                case 2: chars[at] = "改"
                default: chars.insert(contentsOf: "移动的一句话。", at: at)
                }
            }
            out.append((page, String(chars)))
        }
        return out
    }

    @Test func piecesGiveBackBothTexts() {
        for (old, new) in Self.variants() {
            for options in [DiffOptions(), DiffOptions(atoms: false, moves: false, cleanup: false)] {
                let diff = TextDiffer.diff(old, new, options: options)
                let normalised = diff.pieces
                #expect(normalised.text(old: true) == NormalizedText(old).text)
                #expect(normalised.text(old: false) == NormalizedText(new).text)
                let laidOut = diff.piecesOnNewLayout
                #expect(laidOut.text(old: false) == new, "new layout must give the new text exactly")
                #expect(NormalizedText(laidOut.text(old: true)).text == NormalizedText(old).text)
                #expect(!laidOut.contains { $0.text.isEmpty })
            }
        }
    }
}
