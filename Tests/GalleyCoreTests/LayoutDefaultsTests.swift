import GalleyCore
import Testing

/// The `layout:` section of galley.yml.
@Suite struct LayoutDefaultsTests {
    @Test func readsTheGridAndTheHeadlineStyles() {
        let d = LayoutDefaults.parse("""
            layout:
              measure: 11
              lines: 60
              columns: 4
              prohibition: strict
              resolution: squeeze
              indent: 1
              compress-adjacent: true
              styles:
                headline: {scale: 3, lines: 4}
            """)
        #expect(d.warnings.isEmpty)
        #expect(d.settings.measure == 11 && d.settings.linesPerColumn == 60 && d.settings.columns == 4)
        #expect(d.settings.prohibition == .strict && d.settings.resolution == .squeeze && d.settings.indent == 1)
        #expect(d.settings.compressAdjacentPunctuation == true)
        #expect(d.settings.headlineStyles[.headline] == HeadlineStyle(scale: 3, bodyLines: 4))
        // Roles not named keep their defaults.
        #expect(d.settings.headlineStyles[.kicker] == HeadlineStyle.defaults[.kicker])
    }

    @Test func badValuesAreWarningsAndKeepTheDefaults() {
        let d = LayoutDefaults.parse("""
            layout:
              measure: wide
              prohibition: loose
              styles:
                body: {scale: 2}
                headline: {scale: 50, lines: 0}
              colour: red
            """)
        #expect(d.settings.measure == LayoutSettings().measure)
        #expect(d.settings.prohibition == .gb)
        #expect(d.settings.headlineStyles[.headline] == HeadlineStyle.defaults[.headline])
        #expect(d.warnings.count == 6, "\(d.warnings)")
        #expect(d.warnings.contains { $0.contains("layout.colour") })
        #expect(LayoutDefaults.parse("layout: 13").warnings.count == 1)
        #expect(LayoutDefaults.parse(nil).warnings.isEmpty)
    }
}
