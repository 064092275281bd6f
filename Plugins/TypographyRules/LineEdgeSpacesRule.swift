import GalleyCore

/// Spaces at the start or end of a line. A first-line indent of ideographic spaces (U+3000) is the
/// paper's own and is kept; only the ASCII spaces around it are flagged.
struct LineEdgeSpacesRule: CorrectableRule {
    static let description = RuleDescription(
        id: "typography.line-edge-spaces",
        summary: Message("段首、行尾多余空格", en: "Stray spaces at the start or end of a line"),
        severity: .info,
        options: [SpacingMode.spec(canAdd: false)],
        scope: .paragraph,
        triggering: [
            Example("⟪ ⟫本报讯（记者郭树勋）会议召开。", message: "段首多余空格"),
            Example("会议召开。⟪  ⟫\n\n第二段。", message: "行尾多余空格"),
            Example("　　⟪ ⟫本报讯（记者郭树勋）会议召开。"),
            Example("第一段。\n\n⟪ ⟫\n\n第二段。"),
        ],
        nonTriggering: [
            Example("　　本报讯（记者郭树勋）会议召开。"),
            Example("第一段。\n\n第二段。"),
            Example(" 本报讯", options: ["spacing": .string("ignore")]),
        ],
        corrections: [
            Example(" 本报讯（记者郭树勋）", "本报讯（记者郭树勋）"),
            Example("会议召开。 \n\n第二段。", "会议召开。\n\n第二段。"),
        ])

    let mode: SpacingMode
    init(options: RuleOptions) { mode = SpacingMode.of(options, print: .remove, web: .remove) }

    func check(_ article: ArticleContext) -> [Diagnosis] {
        guard mode == .remove else { return [] }
        let text = article.bodyScalars
        let spaces = Marks.of(article)[.space]
        var out: [Diagnosis] = []
        for run in SpacingScan.runs(spaces) {
            let (i, end) = (run.lowerBound, run.upperBound)
            let atEnd = end == text.count || SpacingScan.isLineBreak(text.scalars[end])
            // At a line's start when only an indent of ideographic spaces comes before it.
            var k = i - 1
            while k >= 0, text.scalars[k] == "\u{3000}" { k -= 1 }
            let lineStart = k < 0 || SpacingScan.isLineBreak(text.scalars[k])
            if lineStart || atEnd {
                let message = atEnd ? Message("行尾多余空格", en: "stray spaces at the end of the line")
                                    : Message("段首多余空格", en: "stray spaces at the start of the line")
                out.append(.fix(text.range(i, end), message, with: ""))
            }
        }
        return out
    }
}
