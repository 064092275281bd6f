import GalleyCore
import Testing
@testable import PeopleRules

/// Names are found across the spaces and wrapped lines a PDF column leaves; text with none of those
/// (the usual typed article) is used as it is, and both map back to the same source positions.
@Suite struct CompactTextTests {
    @Test func textWithNothingToLeaveOutIsItsOwnCompactForm() {
        let text = "市长罗振华出席。\n\n副市长韦俊杰讲话。"
        let source = ScalarText(text[...])
        let compact = CompactText(source)
        #expect(compact.positions == nil)
        #expect(compact.scalars == source.scalars)
        #expect(String(text[compact.range(2, 5)]) == "罗振华")
    }

    @Test func spacesAndWrappedLinesAreLeftOutAndMappedBack() {
        let text = "市长罗　振\n华出席。 \n\n副市长"
        let source = ScalarText(text[...])
        let compact = CompactText(source)
        #expect(compact.text(0, compact.count) == "市长罗振华出席。\n\n副市长")
        #expect(compact.positions != nil)
        // 罗振华 spans the full-width space and the line break in the source.
        #expect(String(text[compact.range(2, 5)]) == "罗　振\n华")
        #expect(compact.position(compact.count - 1) == source.scalars.count - 1)
    }
}
