import GalleyCore

/// Spaces at the start or end of a line. A first-line indent of ideographic spaces (U+3000) is the
/// paper's own and is kept; only the ASCII spaces around it are flagged.
struct LineEdgeSpacesRule: CorrectableRule {
    static let description = RuleDescription(
        id: "typography.line-edge-spaces",
        summary: Message("段首、行尾多余空格", en: "Stray spaces at the start or end of a line"),
        severity: .info,
        options: [SpacingMode.spec(canAdd: false)],
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
        var out: [Diagnosis] = []
        var lineStart = true
        var i = 0
        while i < text.count {
            let s = text.scalars[i]
            if SpacingScan.isLineBreak(s) {
                lineStart = true
                i += 1
                continue
            }
            if lineStart, s == "\u{3000}" {
                i += 1
                continue
            }
            if SpacingScan.isSpace(s) {
                let end = text.runEnd(from: i, where: SpacingScan.isSpace)
                let atEnd = end == text.count || SpacingScan.isLineBreak(text.scalars[end])
                if lineStart || atEnd {
                    let message = atEnd ? Message("行尾多余空格", en: "stray spaces at the end of the line")
                                        : Message("段首多余空格", en: "stray spaces at the start of the line")
                    out.append(.fix(text.range(i, end), message, with: ""))
                }
                lineStart = false
                i = end
                continue
            }
            lineStart = false
            i += 1
        }
        return out
    }
}
