import GalleyCore

/// Spaces between Han characters and Latin letters: none in print (`APP上`), one on the web.
struct HanLatinSpacingRule: CorrectableRule {
    static let description = RuleDescription(
        id: "typography.han-latin-spacing",
        summary: Message("汉字与西文字母之间的空格（印刷版不加，网络版加）", en: "Spaces between Chinese characters and Latin letters (none in print, one on the web)"),
        severity: .warning,
        options: [SpacingMode.spec(canAdd: true)],
        scope: .paragraph,
        triggering: [
            Example("在“焦我办”⟪APP 上⟫进行报备。"),
            Example("新款手⟪机 iPhone⟫发布。"),
            Example("在焦我⟪办APP上⟫报备。", profile: .web),
        ],
        nonTriggering: [
            Example("在“焦我办”APP上进行报备。"),
            Example("在 APP 上报备。", profile: .web),
            Example("他说“Thank you very much”，随后离开。"),
            Example("在 APP 上报备。", options: ["spacing": .string("ignore")]),
        ],
        corrections: [
            Example("在 APP 上报备", "在APP上报备"),
            Example("在APP上报备", "在 APP 上报备", profile: .web),
        ])

    let mode: SpacingMode
    init(options: RuleOptions) { mode = SpacingMode.of(options, print: .remove, web: .add) }

    func check(_ article: ArticleContext) -> [Diagnosis] {
        SpacingScan.hanSpacing(article, with: .latin, gap: .hanLatin, mode: mode,
                               remove: Message("汉字与西文之间不加空格", en: "no space between Chinese characters and Latin letters"),
                               add: Message("汉字与西文之间加一个空格", en: "one space between Chinese characters and Latin letters"))
    }
}
