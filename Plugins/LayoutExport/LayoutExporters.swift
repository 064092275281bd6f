import GalleyCore

/// Every exporter of the family, in the order `galley plugins` lists them. Adding an exporter = one file
/// plus one line here.
public let layoutExporters: [any Exporter.Type] = [
    TextGalleyExporter.self,
    PDFExporter.self,
    ICMLExporter.self,
    HTMLExporter.self,
]

/// The exporter for a `--format` value.
public func layoutExporter(format: String) -> (any Exporter.Type)? {
    layoutExporters.first { $0.format == format }
}
