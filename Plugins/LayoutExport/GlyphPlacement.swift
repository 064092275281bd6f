import GalleyCore

/// A glyph's horizontal metrics in em: its advance and its ink box.
struct GlyphMetrics: Equatable {
    let advance: Double
    let inkLeft: Double
    let inkWidth: Double
}

/// How a unit's glyphs sit in the width the engine gave it. The engine's grid is exact; fonts are not:
/// digits are proportional (0.47–0.56 em in Noto Serif), U+00B7 is 0.33 em wide in Serif and 1 em in Sans,
/// and a compressed opening mark has its ink in the right half of its 1-em glyph.
struct GlyphPlacement: Equatable {
    /// Left edge of the first glyph, in em from the line start.
    let origin: Double
    /// Horizontal scale of the run (1, or less when proportional glyphs are wider than the unit).
    let scale: Double
    /// Offsets of the glyphs from `origin` in em, before scaling.
    let offsets: [Double]

    static func place(_ unit: PlacedUnit, metrics: [GlyphMetrics]) -> GlyphPlacement {
        var offsets: [Double] = []
        var natural = 0.0
        for m in metrics {
            offsets.append(natural)
            natural += m.advance
        }
        let scalars = unit.text.unicodeScalars
        if metrics.count == 1, !unit.isLatin, let scalar = scalars.first {
            let m = metrics[0]
            if Self.middleDots.contains(scalar) {
                // Centre the ink, whatever the advance says.
                return GlyphPlacement(origin: unit.x + unit.width / 2 - (m.inkLeft + m.inkWidth / 2), scale: 1, offsets: [0])
            }
            if unit.trimmedLeft > 0 {
                // The engine cut the blank left half of the cell (an opening mark compressed): the cell starts earlier.
                return GlyphPlacement(origin: unit.x - unit.trimmedLeft, scale: 1, offsets: [0])
            }
            if abs(m.advance - unit.width) < 0.01 { return GlyphPlacement(origin: unit.x, scale: 1, offsets: [0]) }
            if Self.openingMarks.contains(scalar) {
                // Ink on the right of the glyph, next to the text it opens: keep the glyph's right edge at the unit's.
                return GlyphPlacement(origin: unit.x + unit.width - m.advance, scale: 1, offsets: [0])
            }
            if m.advance > unit.width || Self.closingMarks.contains(scalar) {
                // A compressed closing mark or 点号: ink on the left, the blank half trimmed.
                return GlyphPlacement(origin: unit.x, scale: 1, offsets: [0])
            }
            return GlyphPlacement(origin: unit.x + (unit.width - m.advance) / 2, scale: 1, offsets: [0])
        }
        if unit.width < 0.01 {
            // Nothing to fit into (a space the engine set to zero width): at its natural width, unscaled.
            return GlyphPlacement(origin: unit.x, scale: 1, offsets: offsets)
        }
        if natural > unit.width + 0.001, natural > 0 {
            return GlyphPlacement(origin: unit.x, scale: unit.width / natural, offsets: offsets)
        }
        return GlyphPlacement(origin: unit.x + (unit.width - natural) / 2, scale: 1, offsets: offsets)
    }

    static let middleDots: Set<Unicode.Scalar> = ["\u{00B7}", "\u{30FB}", "\u{2027}", "\u{2022}", "\u{FF65}"]
    static let openingMarks: Set<Unicode.Scalar> = [
        "“", "‘", "（", "《", "「", "『", "【", "〔", "〖", "〈", "［", "｛", "〘", "(", "[", "{",
    ]
    static let closingMarks: Set<Unicode.Scalar> = [
        "”", "’", "）", "》", "」", "』", "】", "〕", "〗", "〉", "］", "｝", "〙",
        "，", "。", "、", "：", "；", "！", "？", "．",
    ]
}
