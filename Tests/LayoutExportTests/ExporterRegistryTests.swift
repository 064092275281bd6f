import Foundation
import GalleyCore
import GalleyTestSupport
import Testing
@testable import LayoutExport

@Suite struct ExporterRegistryTests {
    @Test func everyExporterFileIsListed() throws {
        let dir = projectRoot() + "/Plugins/LayoutExport"
        let files = try FileManager.default.contentsOfDirectory(atPath: dir)
            .filter { $0.hasSuffix("Exporter.swift") }.map { String($0.dropLast(".swift".count)) }.sorted()
        let listed = layoutExporters.map { String(describing: $0) }.sorted()
        #expect(files.count == 4)
        #expect(files == listed, "every *Exporter.swift in Plugins/LayoutExport must be in layoutExporters")
    }

    @Test func formatsAndIdsAreUnique() {
        let formats = layoutExporters.map { $0.format }
        #expect(Set(formats) == ["txt", "pdf", "icml", "html"])
        #expect(Set(layoutExporters.map { $0.id }).count == layoutExporters.count)
        for exporter in layoutExporters { #expect(exporter.id == "layout." + exporter.format) }
        #expect(layoutExporter(format: "pdf") == PDFExporter.self)
        #expect(layoutExporter(format: "docx") == nil)
    }

    @Test func optionsAreCheckedAndDefaulted() throws {
        let defaults = try PDFExporter.resolvedOptions([])
        #expect(defaults == ["page": "a4", "grid": "false"])
        #expect(try PDFExporter.resolvedOptions([("grid", "on")])["grid"] == "true")
        #expect(throws: GalleyError.self) { try PDFExporter.resolvedOptions([("grid", "maybe")]) }
        #expect(throws: GalleyError.usage("format 'txt' has no option 'page' (it takes none)")) {
            try TextGalleyExporter.resolvedOptions([("page", "a4")])
        }
    }

    @Test func pageSizes() throws {
        #expect(try PageSize.parse("A4") == .a4)
        #expect(try PageSize.parse("420x297") == .paper(widthMM: 420, heightMM: 297))
        #expect(try PageSize.parse("353.5×320") == .paper(widthMM: 353.5, heightMM: 320))
        for bad in ["letter", "0x0", "10x20", "420x", "axb"] {
            #expect(throws: GalleyError.self) { try PageSize.parse(bad) }
        }
        let a4 = PageSize.a4.points(forContent: 200, 300)
        #expect(abs(a4.width - 595.28) < 0.01 && a4.scale == 1)
        #expect(PageSize.a4.points(forContent: 1000, 300).scale < 1)
        let fit = PageSize.fit.points(forContent: 1000, 882)
        #expect(fit.scale == 1 && abs(fit.width - (1000 + 2 * PageSize.margin)) < 0.001)
    }
}
