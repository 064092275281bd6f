internal import Ccairo
import GalleyCore

/// A font face cairo draws with (FreeType through cairo-ft), with a glyph cache: Unicode scalar →
/// glyph id from the face's cmap and its metrics in em. No shaping is needed: the grid places every
/// character itself, and Chinese text has no ligatures.
final class CairoFont {
    struct Glyph {
        let id: UInt
        let metrics: GlyphMetrics
    }

    let located: LocatedFont
    let face: OpaquePointer
    /// Unhinted at a large size, so that advances and ink boxes are exact fractions of the em.
    private let measuring: OpaquePointer
    private var glyphs: [Unicode.Scalar: Glyph] = [:]
    private static let measuringSize = 1000.0

    init(_ located: LocatedFont) throws(GalleyError) {
        self.located = located
        try CairoLibraries.load()
        guard let pattern = FcPatternCreate() else { throw .fontNotFound(family: located.family) }
        defer { FcPatternDestroy(pattern) }
        _ = FcPatternAddString(pattern, FC_FILE, located.file)
        _ = FcPatternAddInteger(pattern, FC_INDEX, Int32(located.index))
        guard let face = cairo_ft_font_face_create_for_pattern(pattern) else { throw .fontNotFound(family: located.family) }
        self.face = face
        var matrix = cairo_matrix_t(), identity = cairo_matrix_t()
        cairo_matrix_init_scale(&matrix, Self.measuringSize, Self.measuringSize)
        cairo_matrix_init_identity(&identity)
        let options = Self.unhinted()
        defer { cairo_font_options_destroy(options) }
        measuring = cairo_scaled_font_create(face, &matrix, &identity, options)
        guard cairo_scaled_font_status(measuring) == CAIRO_STATUS_SUCCESS else {
            cairo_scaled_font_destroy(measuring)
            cairo_font_face_destroy(face)
            throw .fontNotFound(family: "\(located.family) (\(located.file), face \(located.index))")
        }
    }

    deinit {
        cairo_scaled_font_destroy(measuring)
        cairo_font_face_destroy(face)
    }

    static func unhinted() -> OpaquePointer {
        let options = cairo_font_options_create()!
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        return options
    }

    func glyph(_ scalar: Unicode.Scalar) -> Glyph {
        if let cached = glyphs[scalar] { return cached }
        var utf8 = Array(String(scalar).utf8)
        var list: UnsafeMutablePointer<cairo_glyph_t>?
        var count: Int32 = 0
        var id: UInt = 0
        let status = utf8.withUnsafeMutableBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                cairo_scaled_font_text_to_glyphs(measuring, 0, 0, $0.baseAddress, Int32($0.count), &list, &count, nil, nil, nil)
            }
        }
        if status == CAIRO_STATUS_SUCCESS, count > 0, let list { id = list[0].index }
        if let list { cairo_glyph_free(list) }
        var probe = cairo_glyph_t(index: id, x: 0, y: 0)
        var extents = cairo_text_extents_t()
        cairo_scaled_font_glyph_extents(measuring, &probe, 1, &extents)
        let size = Self.measuringSize
        let glyph = Glyph(id: id, metrics: GlyphMetrics(advance: extents.x_advance / size, inkLeft: extents.x_bearing / size,
                                                        inkWidth: extents.width / size))
        glyphs[scalar] = glyph
        return glyph
    }
}
