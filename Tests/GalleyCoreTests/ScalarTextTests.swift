import GalleyCore
import Testing

/// The scalar view's decoding, checkpoints and non-Han set at block edges.
@Suite struct ScalarTextTests {
    static let pieces = ["a", "滨", "😀", "é", "〇", "，", "\n", "1", "𠀀", "ㄅ"]

    @Test(arguments: [0, 1, 31, 32, 33, 63, 64, 65, 127, 128, 129, 300])
    func matchesTheStringsOwnView(length: Int) {
        let text = (0..<length).map { Self.pieces[($0 * 7 + $0 / 3) % Self.pieces.count] }.joined()
        let view = ScalarText(text[...])
        #expect(view.scalars == Array(text.unicodeScalars))
        #expect(view.indices.elementsEqual(Array(text.unicodeScalars.indices) + [text.endIndex]))
        #expect(Array(view.nonHan) == view.scalars.indices.filter { !CJK.isHan(view.scalars[$0]) })
        for lower in stride(from: 0, to: view.count, by: 5) {
            let upper = min(view.count, lower + lower % 40)
            #expect(view.string(lower, upper) == String(text[view.range(lower, upper)]))
        }
    }
}
