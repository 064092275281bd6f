import GalleyCore

/// A photo caption carries a photographer credit (`本报记者 X 摄`), in the text or in `credits`.
struct CaptionCreditRule: ArticleRule {
    static let description = RuleDescription(
        id: "byline.caption-credit",
        summary: Message("图片说明应有摄影署名", en: "A photo caption credits the photographer"),
        severity: .warning, needs: [.frontMatter], readsBodyStart: true,
        triggering: [
            Example(article("caption", "⟪昨日，市民在湿地公园观鸟。⟫", credits: "[]")),
        ],
        nonTriggering: [
            Example(article("caption", "市民在湿地公园观鸟。\n\n本报记者 蒋一帆 摄", credits: "[{role: 摄影记者, name: 蒋一帆}]")),
            Example(article("caption", "市民在湿地公园观鸟。 蒋一帆 摄", credits: "[]")),
            Example(article("news", "本报讯（记者陈立峰）调度会召开。")),
        ])

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] {
        guard article.frontMatter?.genre == .caption else { return [] }
        let trimmed = article.body.reversed().drop { $0.isWhitespace }
        let last = String(trimmed.prefix { $0 != "\n" }.reversed())
        if last.hasSuffix("摄") && last.count <= 40 { return [] }
        if article.frontMatter?.credits.contains(where: { $0.role.contains("摄") }) == true, last.contains("摄") { return [] }
        let body = article.body
        let start = body.firstIndex { !$0.isWhitespace } ?? body.startIndex
        let end = body[start...].firstIndex(of: "\n") ?? body.endIndex
        return [Diagnosis(start..<end, Message("图片说明缺少摄影署名，如“本报记者 某某 摄”", en: "the caption lacks a photo credit such as 本报记者 X 摄"))]
    }
}
