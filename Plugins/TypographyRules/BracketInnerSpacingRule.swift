import GalleyCore

/// Spaces just inside full-width quotes and brackets (`“ 小巨人 ”`, `（ 高新区 ）`).
struct BracketInnerSpacingRule: CorrectableRule {
    static let description = RuleDescription(
        id: "typography.bracket-inner-spacing",
        summary: Message("引号、括号内侧不加空格", en: "No spaces just inside quotes and brackets"),
        severity: .warning,
        options: [SpacingMode.spec(canAdd: false)],
        scope: .paragraph,
        triggering: [
            Example("第三批专精特新⟪“ 小巨人 ”⟫企业"),
            Example("示范区⟪（ 高⟫新区）党工委"),
            Example("订阅《焦作日⟪报 》⟫"),
        ],
        nonTriggering: [
            Example("第三批专精特新“小巨人”企业"),
            Example("“ 小巨人 ”", options: ["spacing": .string("ignore")]),
            Example("他说：“Yes, we can.”"),
        ],
        corrections: [
            Example("“ 小巨人 ”企业", "“小巨人”企业"),
            Example("（ 高新区 ）", "（高新区）", profile: .web),
        ])

    let mode: SpacingMode
    init(options: RuleOptions) { mode = SpacingMode.of(options, print: .remove, web: .remove) }

    func check(_ article: ArticleContext) -> [Diagnosis] {
        guard mode == .remove else { return [] }
        let scan = SpacingScan.of(article)
        return scan.removals(of: .insideBracket, Message("引号、括号内侧不加空格", en: "no space just inside quotes and brackets"))
    }
}
