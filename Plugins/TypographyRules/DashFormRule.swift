import GalleyCore

/// Flags dashes written as `--`, `──` or a single `—` between Chinese characters; the form is `——`.
struct DashFormRule: CorrectableRule {
    static let description = RuleDescription(
        id: "typography.dash-form",
        summary: Message("破折号应为“——”", en: "The dash is written “——”"),
        severity: .warning,
        scope: .paragraph,
        triggering: [
            Example("这不是一道选择题⟪--⟫而是必答题。"),
            Example("这不是选择题⟪—⟫而是必答题。"),
            Example("江流千年⟪──⟫滨江历史文物特展"),
        ],
        nonTriggering: [
            Example("“江流千年——滨江历史文物特展”"),
            Example("命令行参数 --help 不改。"),
            Example("第一节。\n\n---\n\n第二节。"),
            Example("日期 2026-11-27 不改。"),
        ],
        corrections: [
            Example("选择题--而是", "选择题——而是"),
            Example("选择题—而是", "选择题——而是"),
        ])

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] {
        let text = article.bodyScalars
        var out: [Diagnosis] = []
        var cursor = 0
        for i in Marks.of(article)[.dash] where i >= cursor {
            let s = text.scalars[i]
            let end = text.runEnd(from: i) { $0 == s }
            let n = end - i
            let before = text[safe: i - 1]
            let after = text[safe: end]
            let hanBefore = before.map(CJK.isChinese) == true && before != "—"
            let hanAfter = after.map(CJK.isChinese) == true && after != "—"
            let wrong: Bool
            switch s {
            case "-": wrong = n >= 2 && hanBefore && hanAfter
            case "—": wrong = n == 1 && hanBefore && hanAfter
            default: wrong = n >= 1 && hanBefore && hanAfter
            }
            if wrong {
                out.append(.fix(text.range(i, end), Message("破折号应写作“——”", en: "write the dash as “——”"), with: "——"))
            }
            cursor = end
        }
        return out
    }
}
