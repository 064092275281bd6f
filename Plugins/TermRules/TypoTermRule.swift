import GalleyCore

/// 错别字: a commonly mis-written word, per the newsroom's term lists.
struct TypoTermRule: CorrectableRule {
    static let description = RuleDescription(
        id: "terms.typo",
        summary: Message("常见错别字（按装→安装，再接再励→再接再厉）", en: "Commonly mis-written words"),
        severity: .warning, needs: [.repository],
        triggering: [
            Example("经过9次协商，18户居民终于同意⟪按装⟫电梯。", files: list),
            Example("各级各部门更要⟪再接再励⟫，把实事办好。", files: list),
            Example("⟪截止⟫10月底，园区已集聚企业213家。", files: list),
            Example("⟪截止⟫目前，已有30个小区恢复供暖。", files: list),
            Example("⟪既使⟫政策再好、补贴再多，也要把账算清楚。", files: list),
        ],
        nonTriggering: [
            Example("经过9次协商，18户居民终于同意安装电梯。", files: list),
            // 按 + 装机容量: the preposition before another word.
            Example("补贴按装机容量计算。", files: list),
            // 截止 meaning “to close”, not followed by a point in time.
            Example("报名截止日期为11月30日。", files: list),
            Example("活动于11月30日截止。", files: list),
            // 既……又……: 既 + 使.
            Example("这样做既使企业受益，又让群众得到实惠。", files: list),
            Example("《再接再励》是一首老歌。", files: list),
        ],
        corrections: [
            Example("各级各部门更要再接再励，把实事办好。", "各级各部门更要再接再厉，把实事办好。", files: list),
            Example("截止10月底，园区已集聚企业213家。", "截至10月底，园区已集聚企业213家。", files: list),
            // Not certain: the replacement is only a suggestion, and --fix leaves the text alone.
            Example("既使政策再好，也要把账算清楚。", "既使政策再好，也要把账算清楚。", files: list),
        ])

    static let list = exampleTerms("""
        category: typo
        terms:
          - {wrong: 按装, right: 安装, certain: true, not-followed-by: [机, 修, 配, 饰, 载]}
          - {wrong: 再接再励, right: 再接再厉, certain: true}
          - {wrong: 截止, right: 截至, certain: true, followed-by: [<数字>, 目前, 今年]}
          - {wrong: 既使, right: 即使, not-later-in-sentence: [又, 也使, 也让]}
        """)

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] { TermScan.of(article).diagnoses(.typo) }
}
