import GalleyCore
import Testing
@testable import LayoutExport

@Suite struct GlyphPlacementTests {
    func m(_ advance: Double, ink: Double = 0, width: Double = 0.3) -> GlyphMetrics {
        GlyphMetrics(advance: advance, inkLeft: ink, inkWidth: width)
    }

    @Test func middleDotIsCentredOnItsInk() {
        let p = GlyphPlacement.place(PlacedUnit(text: "·", x: 3, width: 1, isLatin: false), metrics: [m(0.327, ink: 0.1, width: 0.12)])
        #expect(abs(p.origin + 0.1 + 0.06 - 3.5) < 1e-9)
    }

    @Test func fullWidthCharacterSitsAtItsCell() {
        #expect(GlyphPlacement.place(PlacedUnit(text: "中", x: 2, width: 1, isLatin: false), metrics: [m(1)]).origin == 2)
    }

    @Test func compressedMarksKeepTheirInk() {
        // An opening mark trimmed on the left by the engine: its cell starts half an em earlier.
        let opening = PlacedUnit(text: "“", x: 5, width: 0.5, isLatin: false, trimmedLeft: 0.5)
        #expect(GlyphPlacement.place(opening, metrics: [m(1)]).origin == 4.5)
        // A closing mark trimmed on the right: drawn from its left edge.
        #expect(GlyphPlacement.place(PlacedUnit(text: "。", x: 5, width: 0.5, isLatin: false), metrics: [m(1)]).origin == 5)
        // A proportional opening quote in a full cell: against the text it opens.
        #expect(abs(GlyphPlacement.place(PlacedUnit(text: "“", x: 5, width: 1, isLatin: false), metrics: [m(0.4)]).origin - 5.6) < 1e-9)
    }

    @Test func latinRunsAreCentredOrSqueezedIntoTheirWidth() {
        let narrow = GlyphPlacement.place(PlacedUnit(text: "12", x: 4, width: 1, isLatin: true), metrics: [m(0.45), m(0.45)])
        #expect(narrow.scale == 1 && abs(narrow.origin - 4.05) < 1e-9 && narrow.offsets == [0, 0.45])
        let wide = GlyphPlacement.place(PlacedUnit(text: "2027", x: 0, width: 2, isLatin: true), metrics: Array(repeating: m(0.55), count: 4))
        #expect(wide.origin == 0 && abs(wide.scale - 2 / 2.2) < 1e-9)
        let zero = GlyphPlacement.place(PlacedUnit(text: " ", x: 1, width: 0, isLatin: true), metrics: [m(0.25)])
        #expect(zero.scale == 1)
    }
}
