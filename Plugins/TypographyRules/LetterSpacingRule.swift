import GalleyCore

/// Letter-spaced runs (`区 属 国 有 企 业`): the spacing a justified PDF column leaves between
/// characters. One finding per run. A single space between two words (`本报记者 付凯明`) is left alone.
struct LetterSpacingRule: CorrectableRule {
    static let description = RuleDescription(
        id: "typography.letter-spacing",
        summary: Message("汉字之间不应有空格（字距被拉开）", en: "No spaces between Chinese characters (letter-spaced text)"),
        severity: .warning,
        options: [SpacingMode.spec(canAdd: false)],
        scope: .paragraph,
        triggering: [
            Example("明确了区⟪属 国 有 企 业 安 全 生 产 职 责⟫清单。"),
            Example("获批国家级⟪第 三 批 专 精 特 新 “ 小 巨 人 ”⟫企业。"),
            Example("销售蔬⟪菜 、 水 果 约⟫1200吨。"),
            Example("申⟪报 河 南 省 科 学 技 术 奖 9 项 ，⟫获奖4项。"),
        ],
        nonTriggering: [
            Example("本报记者 付凯明"),
            Example("本报讯（记者郭树勋 通讯员王丽）会议召开。"),
            Example("张 三 李 四 出场。", options: ["spacing": .string("ignore")]),
            Example("名单：王 一、张 二。"),
        ],
        corrections: [
            Example("区属 国 有 企 业清单", "区属国有企业清单"),
            Example("新 “ 小 巨 人 ” 企业", "新“小巨人”企业"),
        ])

    let mode: SpacingMode
    init(options: RuleOptions) { mode = SpacingMode.of(options, print: .remove, web: .remove) }

    func check(_ article: ArticleContext) -> [Diagnosis] {
        guard mode == .remove else { return [] }
        let scan = SpacingScan.of(article)
        return scan.letterSpacedRuns.map {
            scan.removal(scan.gaps[$0], Message("字间多余空格（字距被拉开）", en: "letter-spaced text: remove the spaces"))
        }
    }
}
