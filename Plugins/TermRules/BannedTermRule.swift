import GalleyCore

/// 禁用词: wording the newsroom does not print, per its term lists.
struct BannedTermRule: CorrectableRule {
    static let description = RuleDescription(
        id: "terms.banned",
        summary: Message("禁用词（北朝鲜→朝鲜，残废人→残疾人）", en: "Banned wording"),
        severity: .warning, needs: [.repository],
        triggering: [
            Example("代表团访问了⟪北朝鲜⟫。", files: list),
            Example("社区为⟪残废人⟫开设了康复站。", files: list),
        ],
        nonTriggering: [
            Example("代表团访问了朝鲜。", files: list),
            Example("社区为残疾人开设了康复站。", files: list),
        ],
        corrections: [
            Example("社区为残废人开设了康复站。", "社区为残疾人开设了康复站。", files: list),
            // Not certain: the suggestion waits for a person.
            Example("代表团访问了北朝鲜。", "代表团访问了北朝鲜。", files: list),
        ])

    static let list = exampleTerms("""
        category: banned
        terms:
          - {wrong: 北朝鲜, right: 朝鲜}
          - {wrong: 残废人, right: 残疾人, certain: true}
        """)

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] { TermScan.of(article).diagnoses(.banned) }
}
