@testable import GalleyCore
import Testing

@Suite struct SourceTextTests {
    @Test func bomAndCRLFAreNormalisedAndReported() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("第一行\r\n第二行\r\n".utf8)
        let decoded = try SourceText.decode(bytes, path: "a.md")
        #expect(decoded.text == "第一行\n第二行\n")
        #expect(decoded.normalizations == ["removed UTF-8 BOM", "converted CRLF line endings to LF"])
    }

    @Test func plainUTF8NeedsNoNormalisation() throws {
        let decoded = try SourceText.decode(Array("滨江\n".utf8), path: "a.md")
        #expect(decoded.text == "滨江\n")
        #expect(decoded.normalizations.isEmpty)
    }

    @Test func nulByteIsBinary() {
        #expect(throws: GalleyError.binary(path: "a.md", offset: 3)) {
            try SourceText.decode([0x61, 0x62, 0x63, 0x00, 0x64], path: "a.md")
        }
    }

    @Test func invalidUTF8ReportsLineAndColumn() {
        // Line 2, after two Han characters, a lone continuation byte.
        let bytes = Array("第一行\n滨江".utf8) + [0x80] + Array("市\n".utf8)
        #expect(throws: GalleyError.invalidUTF8(path: "a.md", line: 2, column: 3, looksLikeGB18030: false)) {
            try SourceText.decode(bytes, path: "a.md")
        }
    }

    /// "中文报纸" in GB18030 (GBK range).
    static let gbBytes: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4, 0xB1, 0xA8, 0xD6, 0xBD, 0x0A]

    @Test func gb18030IsRecognisedAndConverted() throws {
        #expect(throws: GalleyError.invalidUTF8(path: "a.md", line: 1, column: 1, looksLikeGB18030: true)) {
            try SourceText.decode(Self.gbBytes, path: "a.md")
        }
        let decoded = try SourceText.decode(Self.gbBytes, path: "a.md", encoding: .gb18030)
        #expect(decoded.text == "中文报纸\n")
        #expect(decoded.normalizations == ["converted from GB18030 to UTF-8"])
    }

    @Test func oversizedInputIsRefused() {
        let big = [UInt8](repeating: 0x61, count: SourceText.maximumBytes + 1)
        #expect(throws: GalleyError.tooLarge(path: "a.md", bytes: big.count, limit: SourceText.maximumBytes)) {
            try SourceText.decode(big, path: "a.md")
        }
    }

    @Test func displayWidthCountsCJKAsTwo() {
        #expect(DisplayWidth.of("滨江ab，") == 8)
    }

    /// Curly quotes, the dash and the ellipsis are East Asian Ambiguous: one column, as wcwidth and
    /// terminals' defaults give them; two when asked for.
    @Test func ambiguousMarksAreOneColumnUnlessAskedForTwo() {
        let marks: [Unicode.Scalar] = ["“", "”", "‘", "’", "—", "…"]
        #expect(marks.map { DisplayWidth.of($0, ambiguous: 1) } == [1, 1, 1, 1, 1, 1])
        #expect(marks.map { DisplayWidth.of($0, ambiguous: 2) } == [2, 2, 2, 2, 2, 2])
        #expect(DisplayWidth.of("他说：“好。”") == 2 + 2 + 2 + 1 + 2 + 2 + 1)
        #expect(DisplayWidth.of("《》、。") == 8)
        // The rest of the ambiguous marks Chinese copy uses follow the same setting.
        let more: [Unicode.Scalar] = ["·", "×", "―", "①", "※", "℃", "№", "Ⅲ", "→"]
        #expect(more.map { DisplayWidth.of($0, ambiguous: 2) } == Array(repeating: 2, count: more.count))
        #expect(more.map { DisplayWidth.of($0, ambiguous: 1) } == Array(repeating: 1, count: more.count))
        #expect(DisplayWidth.of("a", ambiguous: 2) == 1 && DisplayWidth.of("滨", ambiguous: 2) == 2)
    }
}
