import GalleyCore

/// Spaces next to full-width punctuation and outside full-width brackets and quotes
/// (`示范区 （高新区） 党工委`, `间 ； 千`): full-width marks carry their own space.
struct PunctuationSpacingRule: CorrectableRule {
    static let description = RuleDescription(
        id: "typography.punctuation-spacing",
        summary: Message("全角标点、括号和引号外侧不加空格", en: "No spaces around full-width punctuation, brackets and quotes"),
        severity: .warning,
        options: [SpacingMode.spec(canAdd: false)],
        scope: .paragraph,
        triggering: [
            Example("示范⟪区 （高新区） 党⟫工委书记主持会议。"),
            Example("本报讯（记者郭树勋⟪） 12⟫月25日上午"),
            Example("审议⟪了 《⟫焦作高新区安全生产责任清单》。"),
            Example("针对“双节⟪” 特⟫点，安排部署。"),
            Example("申报项⟪目 ，⟫获奖4项。"),
        ],
        nonTriggering: [
            Example("示范区（高新区）党工委书记主持会议。"),
            Example("他说：“Yes, we can.”然后笑了。"),
            Example("示范区 （高新区） 党工委", options: ["spacing": .string("ignore")]),
        ],
        corrections: [
            Example("示范区 （高新区） 党工委", "示范区（高新区）党工委"),
            Example("示范区 （高新区） 党工委", "示范区（高新区）党工委", profile: .web),
            Example("千年冷链 、可屹隆", "千年冷链、可屹隆"),
        ])

    let mode: SpacingMode
    init(options: RuleOptions) { mode = SpacingMode.of(options, print: .remove, web: .remove) }

    func check(_ article: ArticleContext) -> [Diagnosis] {
        guard mode == .remove else { return [] }
        let scan = SpacingScan.of(article)
        return scan.removals(of: .outsidePunctuation, Message("全角标点前后不加空格", en: "no space around full-width punctuation"))
    }
}
