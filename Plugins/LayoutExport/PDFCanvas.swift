internal import Ccairo
import GalleyCore

/// A cairo PDF surface writing into memory. Text goes through `cairo_show_text_glyphs` with one cluster
/// per character, so the PDF's ToUnicode map names the characters drawn: `cairo_show_glyphs` would make
/// cairo guess them from the cmap and Noto CJK's Kangxi radicals (⽉ for 月) would come back in copy-paste.
final class PDFCanvas {
    private final class Sink {
        var bytes: [UInt8] = []
    }

    private let sink = Sink()
    private let surface: OpaquePointer
    private let context: OpaquePointer

    init(width: Double, height: Double, title: String) throws(GalleyError) {
        try CairoLibraries.load()
        let write: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue().bytes
                .append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        surface = cairo_pdf_surface_create_for_stream(write, Unmanaged.passUnretained(sink).toOpaque(), width, height)
        context = cairo_create(surface)
        try Self.check(cairo_status(context))
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Galley")
        let options = CairoFont.unhinted()
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    static func check(_ status: cairo_status_t) throws(GalleyError) {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw .ioError(path: "PDF", problem: "cairo: " + String(cString: cairo_status_to_string(status)))
    }

    /// Places the slot: origin at the top-left margin, drawn at `scale`.
    func setTransform(originX: Double, originY: Double, scale: Double) {
        cairo_identity_matrix(context)
        cairo_translate(context, originX, originY)
        cairo_scale(context, scale, scale)
    }

    func nextPage() { cairo_show_page(context) }

    /// One line: every unit's glyphs where `GlyphPlacement` puts them. Units at their natural width go in
    /// one call; a proportional run squeezed into its cells gets its own, under a horizontal scale.
    func draw(_ line: TypesetLine, font: CairoFont, size: Double, x: Double, baseline: Double) {
        cairo_set_font_face(context, font.face)
        cairo_set_font_size(context, size)
        cairo_set_source_rgb(context, 0, 0, 0)
        var run = GlyphRun()
        for unit in line.units {
            let scalars = unit.text.unicodeScalars.filter { !Self.invisible($0) }
            // Spaces the engine gave no width to print nothing.
            guard !scalars.isEmpty, unit.width >= 0.01 || !scalars.allSatisfy(\.properties.isWhitespace) else { continue }
            let glyphs = scalars.map { font.glyph($0) }
            let placement = GlyphPlacement.place(unit, metrics: glyphs.map(\.metrics))
            if placement.scale == 1 {
                for (scalar, (glyph, offset)) in zip(scalars, zip(glyphs, placement.offsets)) {
                    run.append(scalar, glyph: glyph.id, x: x + (placement.origin + offset) * size, y: baseline)
                }
            } else {
                var squeezed = GlyphRun()
                for (scalar, (glyph, offset)) in zip(scalars, zip(glyphs, placement.offsets)) {
                    squeezed.append(scalar, glyph: glyph.id, x: offset * size, y: 0)
                }
                cairo_save(context)
                cairo_translate(context, x + placement.origin * size, baseline)
                cairo_scale(context, placement.scale, 1)
                show(squeezed)
                cairo_restore(context)
            }
        }
        show(run)
    }

    /// Controls and format characters (ZWSP, soft hyphen…) print nothing and have no glyph to show.
    static func invisible(_ scalar: Unicode.Scalar) -> Bool {
        let category = scalar.properties.generalCategory
        return category == .control || category == .format
    }

    private func show(_ run: GlyphRun) {
        guard !run.glyphs.isEmpty else { return }
        run.utf8.withUnsafeBufferPointer { text in
            text.withMemoryRebound(to: CChar.self) { text in
                cairo_show_text_glyphs(context, text.baseAddress, Int32(text.count), run.glyphs, Int32(run.glyphs.count),
                                       run.clusters, Int32(run.clusters.count), cairo_text_cluster_flags_t(rawValue: 0))
            }
        }
    }

    /// Cells of the proof grid: a box per character cell of every row, in a light colour, hairline.
    func drawGrid(_ boxes: [GalleyLayout.ColumnBox], page: Int, settings: LayoutSettings) {
        let size = settings.bodySize
        for box in boxes where box.page == page {
            for row in box.firstRow..<(box.firstRow + box.rows) {
                let top = Double(row) * settings.leading + (settings.leading - size) / 2
                for cell in 0..<settings.measure {
                    cairo_rectangle(context, box.x + Double(cell) * size, top, size, size)
                }
            }
        }
        cairo_set_source_rgb(context, 0.55, 0.75, 0.85)
        cairo_set_line_width(context, 0.2)
        cairo_stroke(context)
    }

    /// The finished PDF.
    func finish() throws(GalleyError) -> [UInt8] {
        // A failed drawing call leaves the context in error and makes every later call a no-op.
        try Self.check(cairo_status(context))
        cairo_surface_finish(surface)
        try Self.check(cairo_surface_status(surface))
        return sink.bytes
    }
}

/// Glyphs with their text: one cluster per character, mapping its UTF-8 bytes to its one glyph.
struct GlyphRun {
    var glyphs: [cairo_glyph_t] = []
    var clusters: [cairo_text_cluster_t] = []
    var utf8: [UInt8] = []

    mutating func append(_ scalar: Unicode.Scalar, glyph: UInt, x: Double, y: Double) {
        let bytes = Array(String(scalar).utf8)
        utf8 += bytes
        glyphs.append(cairo_glyph_t(index: glyph, x: x, y: y))
        clusters.append(cairo_text_cluster_t(num_bytes: Int32(bytes.count), num_glyphs: 1))
    }
}
