import GalleyCore

/// 规范表述: the official form of a formulation, per the newsroom's term lists.
struct FormulationTermRule: CorrectableRule {
    static let description = RuleDescription(
        id: "terms.formulation",
        summary: Message("规范表述（“十四五”规划须加引号等）", en: "Official formulations"),
        severity: .warning, needs: [.repository],
        triggering: [
            Example("明年是⟪十五五⟫规划实施的第二年。", files: list),
            Example("要增强⟪四个意识⟫、坚定⟪四个自信⟫。", files: list),
        ],
        nonTriggering: [
            Example("明年是“十五五”规划实施的第二年。", files: list),
            // An age range, not the plan.
            Example("参赛的多是十五五六岁的孩子。", files: list),
            Example("要增强“四个意识”、坚定“四个自信”。", files: list),
        ],
        corrections: [
            Example("明年是十五五规划实施的第二年。", "明年是“十五五”规划实施的第二年。", files: list),
        ])

    static let list = exampleTerms("""
        category: formulation
        terms:
          - {wrong: 十五五, right: “十五五”, certain: true, followed-by: [规划, 时期, 期间], not-preceded-by: [“]}
          - {wrong: 四个意识, right: “四个意识”, certain: true, not-preceded-by: [“]}
          - {wrong: 四个自信, right: “四个自信”, certain: true, not-preceded-by: [“]}
        """)

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] { TermScan.of(article).diagnoses(.formulation) }
}
