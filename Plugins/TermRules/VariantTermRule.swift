import GalleyCore

/// 异形词: a non-recommended form of a word with variant spellings, per the newsroom's term lists.
struct VariantTermRule: CorrectableRule {
    static let description = RuleDescription(
        id: "terms.variant",
        summary: Message("异形词用推荐词形（其它→其他）", en: "Variant forms: write the recommended one"),
        severity: .warning, needs: [.repository],
        triggering: [
            Example("市民如遇暖气漏水等⟪其它⟫问题，可拨打热线。", files: list),
            Example("这次调研可谓⟪名符其实⟫的“解剖麻雀”。", files: list),
            // A word wrapped across two lines of a paragraph is still found.
            Example("这次调研可谓⟪名符\n其实⟫的“解剖麻雀”。", files: list),
        ],
        nonTriggering: [
            Example("市民如遇暖气漏水等其他问题，可拨打热线。", files: list),
            // Inside a longer word: 尤其 + 它们.
            Example("老人们尤其它们的子女都盼着加装电梯。", files: list),
            // A quoted title is cited as published.
            Example("他推荐了散文集《其它的风景》。", files: list),
            // Another paragraph does not join: 其 ends one, 它 starts the next.
            Example("第一段说到其\n\n它们的来历。", files: list),
            // Without the newsroom's lists the rule is silent.
            Example("市民如遇其它问题，可拨打热线。"),
        ],
        corrections: [
            Example("市民如遇暖气漏水等其它问题，可拨打热线。", "市民如遇暖气漏水等其他问题，可拨打热线。", files: list),
        ])

    static let list = exampleTerms("""
        category: variant
        terms:
          - {wrong: 其它, right: 其他, certain: true, except: [尤其它]}
          - {wrong: 名符其实, right: 名副其实, certain: true}
        """)

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] { TermScan.of(article).diagnoses(.variant) }
}
