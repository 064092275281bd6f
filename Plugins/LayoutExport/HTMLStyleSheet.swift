import GalleyCore

/// The preview page's CSS: sizes in points from the layout settings, one rule per block role.
enum HTMLStyleSheet {
    static func css(settings: LayoutSettings, grid: Bool) -> String {
        let size = ICMLStyles.points(settings.bodySize)
        let leading = ICMLStyles.points(settings.leading)
        let columns = max(1, settings.columns)
        // The slot: C columns of the measure with one-character gutters (栏空), L lines high.
        let width = columns * settings.measure + (columns - 1)
        let height = ICMLStyles.points(Double(settings.linesPerColumn) * settings.leading)
        var css = """
            @page { margin: 15mm; }
            body { margin: 2em; background: #fff; color: #000; }
            .slot { font-size: \(size)pt; line-height: \(leading)pt; width: \(width)em;
              font-family: "Noto Serif CJK SC", "Source Han Serif SC", serif; }
            .slot p { margin: 0; text-align: justify; text-justify: inter-character;
              line-break: strict; word-break: normal; overflow-wrap: normal; }
            .columns { column-count: \(columns); column-gap: 1em; column-fill: auto; height: \(height)pt; }
            p.body { text-indent: \(settings.indent)em; }
            p.byline { font-family: "Noto Sans CJK SC", sans-serif; text-align: left; }
            .dateline { font-family: "Noto Sans CJK SC", sans-serif; font-weight: bold; }
            .latin { font-feature-settings: "hwid"; }
            header { text-align: center; font-family: "Noto Sans CJK SC", sans-serif; }
            header p { text-align: center; }

            """
        for role in BlockRole.allCases where role.isHeadlineBlock {
            let lines = settings.bodyLines(of: role)
            let weight = role == .headline ? "bold" : "normal"
            css += "p.\(role.rawValue) { font-size: \(ICMLStyles.points(settings.scale(of: role)))em;"
                + " line-height: \(ICMLStyles.points(Double(lines) * settings.leading))pt; font-weight: \(weight); }\n"
        }
        if grid { css += ".columns { column-rule: 0.25pt solid #bbb; outline: 0.25pt dashed #bbb; }\n" }
        return css
    }
}
