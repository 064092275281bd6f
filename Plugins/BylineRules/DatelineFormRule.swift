import GalleyCore

/// News and briefs open with an allowed 电头; features and interviews carry a standalone `本报记者 X` line.
struct DatelineFormRule: ArticleRule {
    static let description = RuleDescription(
        id: "byline.dateline-form",
        summary: Message("消息须以规范电头开头，通讯、访谈须有“本报记者 某某”署名行", en: "News opens with a dateline; features carry a byline line"),
        severity: .error, needs: [.frontMatter], readsBodyStart: true,
        triggering: [
            Example(article("news", "⟪滨江市供热办召开调度会⟫。")),
            Example(article("feature", "⟪他说⟫，盼电梯盼了十年。")),
        ],
        nonTriggering: [
            Example(article("news", "本报讯（记者陈立峰）供热办召开调度会。")),
            Example(article("news", "本报北京11月26日电（记者赵明远）推介会举行。")),
            Example(article("news", "据新华社北京11月26日电（记者高晨阳）应急管理部提醒。")),
            Example(article("feature", "本报记者 林晓岚\n\n他说，盼电梯盼了十年。")),
            Example(article("commentary", "本报评论员\n\n老旧小区改造不是选择题。")),
            Example(article("caption", "市民在湿地公园观鸟。")),
        ])

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] {
        guard let genre = article.frontMatter?.genre else { return [] }
        let byline = PrintedByline.parse(article)
        let first = article.body.firstIndex { !$0.isWhitespace } ?? article.body.startIndex
        let end = article.body[first...].firstIndex { $0 == "，" || $0 == "。" || $0 == "\n" } ?? article.body.endIndex
        let range = first..<end
        switch genre {
        case .news, .brief:
            if byline == nil || byline?.kind == .standalone || byline?.kind == .commentator {
                return [Diagnosis(range, Message("消息应以电头开头，如“本报讯（记者某某）”", en: "news should open with a dateline such as 本报讯（记者…）"))]
            }
        case .feature, .interview:
            if byline == nil {
                return [Diagnosis(range, Message("通讯、访谈应有“本报记者 某某”署名行或电头", en: "a feature needs a byline line (本报记者 …) or a dateline"))]
            }
        case .commentary, .caption:
            break
        }
        return []
    }
}

/// An article file with front matter for examples.
func article(_ genre: String, _ body: String, credits: String = "[{role: 记者, name: 陈立峰}]", dateline: String? = nil,
             issue: String = "2026-11-27") -> String
{
    "---\nid: x\nissue: \(issue)\npage: A1\nsection: 要闻\ngenre: \(genre)\nstatus: draft\nheadline: 标题\n"
        + (dateline.map { "dateline: \($0)\n" } ?? "") + "credits: \(credits)\n---\n\(body)\n"
}
