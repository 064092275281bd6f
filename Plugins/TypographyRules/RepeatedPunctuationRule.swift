import GalleyCore

/// Flags a doubled sentence mark such as `，，` or `。。` (three or more 。 are an ellipsis, see EllipsisFormRule).
struct RepeatedPunctuationRule: CorrectableRule {
    static let description = RuleDescription(
        id: "typography.repeated-punctuation",
        summary: Message("标点符号重复", en: "Repeated punctuation mark"),
        severity: .error,
        scope: .paragraph,
        triggering: [
            Example("全市供热面积达312万平方米⟪，，⟫新增面积18万平方米。"),
            Example("活动持续到月底⟪。。⟫"),
            Example("包括图书馆⟪、、⟫博物馆和文化馆。"),
        ],
        nonTriggering: [
            Example("全市供热面积达312万平方米，新增面积18万平方米。"),
            Example("真的吗？！他不敢相信。"),
            Example("展品包括剪纸、面塑。。。十余项"),
        ],
        corrections: [
            Example("面积达312万平方米，，新增", "面积达312万平方米，新增"),
            Example("活动持续到月底。。", "活动持续到月底。"),
        ])

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] {
        let text = article.bodyScalars
        var out: [Diagnosis] = []
        var cursor = 0
        // `，、；：。`, each starting a run unless an earlier run took it.
        for i in Marks.of(article)[.sentenceMark] where i >= cursor {
            let s = text.scalars[i]
            let end = text.runEnd(from: i) { $0 == s }
            // Three or more 。 are a malformed ellipsis, reported by typography.ellipsis-form.
            if end - i >= 2 && !(s == "。" && end - i >= 3) {
                out.append(.fix(text.range(i, end), Message("标点“\(s)”重复", en: "“\(s)” repeated"), with: String(s)))
            }
            cursor = end
        }
        return out
    }
}
