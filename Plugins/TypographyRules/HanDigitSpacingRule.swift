import GalleyCore

/// Spaces between Han characters and digits: print papers set none (`12月25日`), web copy adds them.
struct HanDigitSpacingRule: CorrectableRule {
    static let description = RuleDescription(
        id: "typography.han-digit-spacing",
        summary: Message("汉字与数字之间的空格（印刷版不加，网络版加）", en: "Spaces between Chinese characters and digits (none in print, one on the web)"),
        severity: .warning,
        options: [SpacingMode.spec(canAdd: true)],
        scope: .paragraph,
        triggering: [
            Example("⟪12 月 25 日⟫上午，示范区召开会议。"),
            Example("示范区申报⟪的 4 个⟫孵化载体全部进入考察阶段。"),
            Example("全年销售收⟪入 480⟫余万元。"),
            Example("同比增长⟪57% 的⟫企业集中在园区。"),
            Example("⟪2026年11月⟫起施行。", profile: .web),
            Example("⟪第19届⟫运动会", profile: .web),
        ],
        nonTriggering: [
            Example("12月25日上午，示范区召开会议。"),
            Example("12 月 25 日上午", profile: .web),
            Example("12 月 25 日上午", options: ["spacing": .string("ignore")]),
            Example("指数收于 3 120.65点。", options: ["spacing": .string("ignore")]),
            Example("时间为12:30至13:00，共4070.65万元。"),
            Example("本报讯（记者郭树勋） 12月25日"),
            Example("比分为 3:1。", profile: .web),
        ],
        corrections: [
            Example("（记者郭树勋）12 月 25 日上午", "（记者郭树勋）12月25日上午"),
            Example("申报的 4 个孵化载体", "申报的4个孵化载体"),
            Example("指数收于 4070.65 点", "指数收于4070.65点"),
            Example("2026年11月起", "2026 年 11 月起", profile: .web),
            Example("增长10%以上", "增长 10% 以上", profile: .web),
        ])

    let mode: SpacingMode
    init(options: RuleOptions) { mode = SpacingMode.of(options, print: .remove, web: .add) }

    func check(_ article: ArticleContext) -> [Diagnosis] {
        SpacingScan.hanSpacing(article, with: .digit, gap: .hanDigit, mode: mode,
                               remove: Message("汉字与数字之间不加空格", en: "no space between Chinese characters and digits"),
                               add: Message("汉字与数字之间加一个空格", en: "one space between Chinese characters and digits"))
    }
}
