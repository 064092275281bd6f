import Foundation
import GalleyCore
import GalleyTestSupport
import Testing

/// 字数 on a real page of a local daily, read from ../shared/samples (never copied into the project).
@Suite struct RealPageCountTests {
    static let samplePath = projectRoot() + "/../shared/samples/000_582f17a897ff82ac.txt"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: samplePath), "../shared/samples is absent: real-page count not checked"))
    func countLiesBetweenHanCharactersAndNonSpaceCharacters() throws {
        let data = try #require(FileManager.default.contents(atPath: Self.samplePath))
        let text = try SourceText.decode(Array(data), path: "sample").text
        let han = text.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) }.count
        let fullWidthMarks = text.unicodeScalars.filter { "，。、；：？！“”‘’（）《》—…".unicodeScalars.contains($0) }.count
        let nonSpace = text.filter { !$0.isWhitespace }.count
        let count = ChineseCount.characters(in: text)
        #expect(han > 5000, "the sample is a full page")
        // Every Han character and full-width mark counts one; digit and Latin runs count less than their length.
        #expect(count >= han + fullWidthMarks)
        #expect(count < nonSpace)
        // Justification spaces (`区 属 国 有 企 业`) must not change the count.
        let unspaced = text.filter { $0 != " " }
        #expect(ChineseCount.characters(in: unspaced) <= count)
    }
}
