import GalleyCore

/// 慎用词: wording to use with care, a reminder for the desk rather than an error.
struct CarefulTermRule: ArticleRule {
    static let description = RuleDescription(
        id: "terms.careful",
        summary: Message("慎用词提示（报道领导活动慎用“亲自”等）", en: "Wording to use with care (a reminder)"),
        severity: .info, needs: [.repository],
        triggering: [
            Example("副市长⟪亲自⟫带队检查供热管网。", files: list),
            Example("全市供热保障工作会议⟪隆重召开⟫。", files: list),
        ],
        nonTriggering: [
            Example("副市长带队检查供热管网。", files: list),
            Example("全市供热保障工作会议召开。", files: list),
        ])

    static let list = exampleTerms("""
        category: careful
        terms:
          - {wrong: 亲自, note: 报道领导同志的活动一般不用“亲自”}
          - {wrong: 隆重召开, right: 召开, note: 一般会议不用“隆重”}
        """)

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] { TermScan.of(article).diagnoses(.careful) }
}
