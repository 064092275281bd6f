import Foundation
import GalleyCore
import GalleyTestSupport
import Testing

/// The diff on a real page of a local daily (a PDF column extract), read from ../shared/samples and never
/// copied into the project: a re-wrap is layout only, and edits made here are each found once.
@Suite struct DiffRealPageTests {
    static let samplePath = projectRoot() + "/../shared/samples/000_582f17a897ff82ac.txt"

    static func page() throws -> String {
        let data = try #require(FileManager.default.contents(atPath: samplePath))
        return try SourceText.decode(Array(data), path: "sample").text
    }

    /// Every paragraph of `text` hard-wrapped at `width`.
    static func rewrapped(_ text: String, _ width: Int) -> String {
        text.components(separatedBy: "\n\n").map { DiffSample.wrap($0.replacingOccurrences(of: "\n", with: ""), width) }
            .joined(separator: "\n\n")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: samplePath), "../shared/samples is absent: the real-page diff is not checked"))
    func rewrapOfTheRealPageIsLayoutOnly() throws {
        let page = try Self.page()
        let diff = TextDiffer.diff(page, Self.rewrapped(page, 21))
        #expect(diff.isLayoutOnly, "\(DiffFigures(diff.piecesOnNewLayout))")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: samplePath), "../shared/samples is absent: the real-page diff is not checked"))
    func editsOnTheRealPageAreFoundOnceEach() throws {
        let page = try Self.page()
        // Replace every 499th Han character by 改 (none next to another edit).
        var chars = Array(page)
        var edits = 0
        var seen = 0
        for i in chars.indices where chars[i].unicodeScalars.first.map(CJK.isHan) == true && chars[i] != "改" {
            seen += 1
            if seen % 499 == 0 {
                chars[i] = "改"
                edits += 1
            }
        }
        let diff = TextDiffer.diff(page, String(chars))
        let figures = DiffFigures(diff.piecesOnNewLayout)
        #expect(edits > 5)
        #expect(figures.hunks == edits && figures.marked == 2 * edits && figures.whiteMarked == 0, "\(figures), \(edits) edits")
    }
}
