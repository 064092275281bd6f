import Foundation
import GalleyCore
import GalleyTestSupport
import Testing
@testable import LayoutExport

@Suite(.enabled(if: Tools.has("pdffonts", "pdftotext", "pdftoppm", "pdfinfo"), "poppler-utils is not installed (apt-get install poppler-utils)"))
struct PDFExportTests {
    let dir = TemporaryDirectory("pdf")

    func write(_ job: ExportJob, _ name: String = "a.pdf") throws -> String {
        dir.write(name, bytes: try ExportFixtures.export(PDFExporter.self, job))
        return name
    }

    @Test func fontsAreEmbeddedCJKSubsets() throws {
        let pdf = try write(try ExportFixtures.articleJob())
        let fonts = try Tools.run("pdffonts", [pdf], in: dir.path)
        #expect(fonts.status == 0, "\(fonts.stderr)")
        let rows = fonts.stdout.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").map(String.init) }
        #expect(rows.count == 3, "body serif, heading sans, bold headline: \(fonts.stdout)")
        for row in rows {
            // name+subset tag, type…, then emb sub uni as yes/no.
            #expect(row[0].contains("+") && row[0].contains("CJK"), "\(row)")
            #expect(row.suffix(5).prefix(3) == ["yes", "yes", "yes"], "emb sub uni: \(row)")
        }
        #expect(fonts.stdout.contains("NotoSerifCJKsc-Regular"), "the SC face of the collection (index 2): \(fonts.stdout)")
    }

    @Test func textComesBackWithoutKangxiRadicals() throws {
        let job = try ExportFixtures.articleJob()
        let pdf = try write(job)
        let text = try Tools.run("pdftotext", [pdf, "-"], in: dir.path)
        #expect(text.status == 0)
        #expect(!text.stdout.unicodeScalars.contains { (0x2E80...0x2FDF).contains($0.value) }, "Kangxi or radical code points")
        // One column per block run: the reading order is the page's, so compare as multisets and in column order.
        let original = ExportFixtures.ink(job.text.blocks.map(\.text).joined())
        let extracted = ExportFixtures.ink(text.stdout)
        #expect(extracted.count == original.count)
        #expect(extracted.sorted() == original.sorted())
    }

    @Test func oneColumnReadsBackInOrder() throws {
        let job = try ExportFixtures.articleJob(LayoutSettings(measure: 15, linesPerColumn: 80, columns: 1))
        let pdf = try write(job)
        let text = try Tools.run("pdftotext", [pdf, "-"], in: dir.path)
        #expect(ExportFixtures.ink(text.stdout) == ExportFixtures.ink(job.text.blocks.map(\.text).joined()))
    }

    @Test func rendersInkAndTheGridAddsSome() throws {
        let job = try ExportFixtures.articleJob()
        let plain = try write(job, "plain.pdf")
        let grid = try write(ExportFixtures.articleJob(options: ["grid": "true"]), "grid.pdf")
        let png = try Tools.run("pdftoppm", ["-r", "100", "-png", "-singlefile", plain, "plain"], in: dir.path)
        #expect(png.status == 0, "\(png.stderr)")
        let pngBytes = try #require(FileManager.default.contents(atPath: dir.path + "/plain.png"))
        #expect(Array(pngBytes.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        let dark = try darkPixels(plain)
        #expect(dark > 5_000, "a page of text at 100 dpi has thousands of dark pixels, got \(dark)")
        #expect(try markedPixels(grid) > markedPixels(plain) + 10_000, "the cell grid draws lines")
    }

    @Test func oversetLinesGoOnMorePages() throws {
        let pdf = try write(try ExportFixtures.articleJob(LayoutSettings(measure: 13, linesPerColumn: 10, columns: 2)))
        let info = try Tools.run("pdfinfo", [pdf], in: dir.path)
        let pages = info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last!) }
        #expect((pages ?? 0) > 2, "\(info.stdout)")
    }

    @Test func fitPageIsTheSlotPlusMargins() throws {
        let settings = LayoutSettings(measure: 14, linesPerColumn: 70, columns: 8)
        let pdf = try write(try ExportFixtures.articleJob(settings, options: ["page": "fit"]))
        let info = try Tools.run("pdfinfo", [pdf], in: dir.path)
        let width = Double(8 * 14 + 7) * 9 + 2 * PageSize.margin, height = 70 * 12.6 + 2 * PageSize.margin
        let sizeLine = try #require(info.stdout.split(separator: "\n").first { $0.hasPrefix("Page size:") })
        let numbers = sizeLine.split(separator: " ").compactMap { Double($0) }
        #expect(numbers.count == 2 && abs(numbers[0] - width) < 0.01 && abs(numbers[1] - height) < 0.01, "\(sizeLine)")
    }

    @Test func badPageOptionIsRefused() throws {
        #expect(throws: GalleyError.self) { try ExportFixtures.export(PDFExporter.self, ExportFixtures.articleJob(options: ["page": "letter"])) }
    }

    /// Pixels darker than mid-grey in a 100-dpi grey rendering (PGM, parsed here).
    func darkPixels(_ pdf: String) throws -> Int { try grey(pdf).filter { $0 < 128 }.count }
    /// Pixels that are not white: text and the light grid lines.
    func markedPixels(_ pdf: String) throws -> Int { try grey(pdf).filter { $0 < 250 }.count }

    func grey(_ pdf: String) throws -> [UInt8] {
        let base = pdf + "-grey"
        let r = try Tools.run("pdftoppm", ["-r", "100", "-gray", "-singlefile", "-f", "1", "-l", "1", pdf, base], in: dir.path)
        #expect(r.status == 0, "\(r.stderr)")
        return try PGM.pixels(Array(#require(FileManager.default.contents(atPath: dir.path + "/" + base + ".pgm"))))
    }
}

/// Binary PGM (P5, 8-bit): header `P5 width height maxval` then the pixels.
enum PGM {
    static func pixels(_ bytes: [UInt8]) throws -> [UInt8] {
        var fields: [Int] = []
        var i = 2
        guard bytes.starts(with: Array("P5".utf8)) else { throw PGMError() }
        while fields.count < 3, i < bytes.count {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
            var n = 0
            while i < bytes.count, (0x30...0x39).contains(bytes[i]) { n = n * 10 + Int(bytes[i] - 0x30); i += 1 }
            fields.append(n)
        }
        i += 1  // the single white space after maxval
        guard fields.count == 3, fields[2] < 256, bytes.count - i == fields[0] * fields[1] else { throw PGMError() }
        return Array(bytes[i...])
    }

    struct PGMError: Error {}
}
