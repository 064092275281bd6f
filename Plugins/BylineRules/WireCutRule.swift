import GalleyCore

/// A wire story cut by more than a share of its text, against its first revision (as filed by the
/// agency), needs `据` in its 电头 (`据新华社北京…电`). Cuts made a little at a time add up.
struct WireCutRule: RevisionAwareRule {
    static let description = RuleDescription(
        id: "byline.wire-cut",
        summary: Message("新华社稿件删节后电头应加“据”", en: "An abridged wire story's dateline starts with 据"),
        severity: .warning,
        options: [OptionSpec("max-cut-percent", default: .int(30), "share of the text a revision may cut before 据 is required")],
        needs: [.frontMatter], readsBodyStart: true,
        triggering: [
            Example(article("news", "⟪新华社北京11月26日电⟫（记者高晨阳）应急管理部提醒。"),
                    previous: article("news", "新华社北京11月26日电（记者高晨阳）应急管理部提醒，入冬以来多地出现降温降雪天气，各地要做好防范。")),
            // Each cut is small against the previous revision; together they pass the share.
            Example(article("news", "⟪新华社北京11月26日电⟫（记者高晨阳）应急管理部提醒，入冬以来多地降温。"),
                    previous: article("news", "新华社北京11月26日电（记者高晨阳）应急管理部提醒，入冬以来多地出现降温降雪天气。"),
                    first: article("news", "新华社北京11月26日电（记者高晨阳）应急管理部提醒，入冬以来多地出现降温降雪天气，各地要做好防范工作。")),
        ],
        nonTriggering: [
            Example(article("news", "据新华社北京11月26日电（记者高晨阳）应急管理部提醒。"),
                    previous: article("news", "新华社北京11月26日电（记者高晨阳）应急管理部提醒，入冬以来多地出现降温降雪天气，各地要做好防范。")),
            Example(article("news", "新华社北京11月26日电（记者高晨阳）应急管理部提醒，入冬以来多地出现降温。"),
                    previous: article("news", "新华社北京11月26日电（记者高晨阳）应急管理部提醒，入冬以来多地出现降温降雪天气。")),
            Example(article("news", "新华社北京11月26日电（记者高晨阳）应急管理部提醒。")),
            // The previous revision was cut hard, but the text grew back to near its first length.
            Example(article("news", "新华社北京11月26日电（记者高晨阳）应急管理部提醒，入冬以来多地出现降温降雪天气，各地要做好防范。"),
                    previous: article("news", "新华社北京11月26日电（记者高晨阳）应急管理部提醒。"),
                    first: article("news", "新华社北京11月26日电（记者高晨阳）应急管理部提醒，入冬以来多地出现降温降雪天气，各地要做好防范。")),
        ])

    let maxCut: Int
    init(options: RuleOptions) { maxCut = options.int("max-cut-percent") }

    /// Only an unabridged wire story is measured against its first revision.
    func needsHistory(_ article: ArticleContext) -> Bool { wireByline(article) != nil }

    func wireByline(_ article: ArticleContext) -> PrintedByline? {
        guard let b = PrintedByline.parse(article), b.kind == .wire, !b.abridged else { return nil }
        return b
    }

    func check(_ article: ArticleContext, history: ArticleHistory) -> [Diagnosis] {
        guard let b = wireByline(article) else { return [] }
        let now = ChineseCount.characters(in: article.body)
        guard let first = history.first ?? history.previous else { return [] }
        let before = ChineseCount.characters(in: first.body)
        guard before > 0 else { return [] }
        let cut = (before - now) * 100 / before
        return cut > maxCut ? [finding(b, cut: cut)] : []
    }

    func finding(_ b: PrintedByline, cut: Int) -> Diagnosis {
        Diagnosis(b.datelineRange, Message("稿件删去约\(cut)%，新华社电头应改为“据\(b.dateline)”", en: "the story was cut by \(cut)%: write 据\(b.dateline)"),
                  replacement: "据" + b.dateline)
    }
}
