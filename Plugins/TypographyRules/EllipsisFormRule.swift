import GalleyCore

/// Flags ellipses written as `...`, `。。。` or a single `…` in Chinese text; the form is `……`.
struct EllipsisFormRule: CorrectableRule {
    static let description = RuleDescription(
        id: "typography.ellipsis-form",
        summary: Message("省略号应为“……”", en: "The ellipsis is written “……”"),
        severity: .warning,
        scope: .paragraph,
        triggering: [
            Example("他说：“真办成了⟪...⟫”"),
            Example("剪纸、面塑⟪。。。⟫十余项"),
            Example("等了好久⟪…⟫终于来了。"),
        ],
        nonTriggering: [
            Example("真办成了……”"),
            Example("Wait... what? 英文句子中的省略号不改。"),
            Example("版本 1.2.3 发布。"),
            Example("两段省略：…………表示两处。"),
        ],
        corrections: [
            Example("真办成了...”", "真办成了……”"),
            Example("面塑。。。十余项", "面塑……十余项"),
            Example("好久…终于", "好久……终于"),
        ])

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] {
        let text = article.bodyScalars
        var out: [Diagnosis] = []
        var cursor = 0
        for i in Marks.of(article)[.dot] where i >= cursor {
            let s = text.scalars[i]
            let end = text.runEnd(from: i) { $0 == s }
            let n = end - i
            let chinese = text[safe: i - 1].map(CJK.isChinese) == true || text[safe: end].map(CJK.isChinese) == true
            let wrong = (s == "…" && n % 2 == 1) || (s != "…" && n >= 3 && chinese)
            if wrong {
                out.append(.fix(text.range(i, end), Message("省略号应写作“……”", en: "write the ellipsis as “……”"),
                                with: s == "…" ? String(repeating: "…", count: n + 1) : "……"))
            }
            cursor = end
        }
        return out
    }
}
