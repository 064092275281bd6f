/// Runs the configured rules of one plugin over articles and places their diagnoses.
struct RuleEngine {
    /// How a rule checks one article, found once rather than cast per article.
    enum ArticleCheck {
        case article(any ArticleRule)
        case revisionAware(any RevisionAwareRule)
    }

    let plugin: ConfiguredPlugin
    let articleChecks: [(rule: ConfiguredRule, check: ArticleCheck)]

    init(plugin: ConfiguredPlugin) {
        self.plugin = plugin
        articleChecks = plugin.rules.compactMap { configured in
            if let r = configured.rule.asArticleRule { return (configured, .article(r)) }
            if let r = configured.rule.asRevisionAware { return (configured, .revisionAware(r)) }
            return nil
        }
    }

    /// Findings of the article and revision-aware rules whose needs `context` meets.
    func check(_ context: ArticleContext, history: ArticleHistory, revision: String?) -> [Finding] {
        var found: [(rule: ConfiguredRule, diagnoses: [Diagnosis])] = []
        // One scalar view for all the rules, released before the findings are made.
        do {
            let prepared = context.withBodyScalars()
            for (configured, check) in articleChecks where RuleEngine.needsMet(configured.description, prepared) {
                switch check {
                case .article(let r): found.append((configured, r.check(prepared)))
                case .revisionAware(let r): found.append((configured, r.check(prepared, history: history)))
                }
            }
        }
        guard found.contains(where: { !$0.diagnoses.isEmpty }) else { return [] }
        let batches = found.map { FindingPlacement.Batch(rule: $0.rule.description.id, severity: $0.rule.severity, diagnoses: $0.diagnoses) }
        found = []
        return FindingPlacement.findings(batches, in: context, revision: revision) { RuleEngine.isValid($0, in: context) }
    }

    /// Findings of the collecting rules over all `articles` of one issue.
    func checkIssue(_ articles: [ArticleContext], revision: String?) -> [Finding] {
        var out: [Finding] = []
        for configured in plugin.rules {
            guard let r = configured.rule.asCollecting else { continue }
            let eligible = articles.indices.filter { RuleEngine.needsMet(configured.description, articles[$0]) }
            guard !eligible.isEmpty else { continue }
            // Usually every article is: then the issue's contexts are shared, not copied for each rule.
            let subset = eligible.count == articles.count ? articles : eligible.map { articles[$0] }
            for (i, d) in r.check(issue: subset) where subset.indices.contains(i) && RuleEngine.isValid(d, in: subset[i]) {
                out.append(FindingLocator(subset[i]).finding(d, rule: configured.description.id, severity: configured.severity, revision: revision))
            }
        }
        return out
    }

    /// Whether a revision-aware rule that applies to `context` reads its earlier revisions.
    func needsHistory(_ context: ArticleContext) -> Bool {
        articleChecks.contains { configured, check in
            guard case .revisionAware(let r) = check else { return false }
            return RuleEngine.needsMet(configured.description, context) && r.needsHistory(context)
        }
    }

    var hasRevisionAwareRules: Bool {
        articleChecks.contains { if case .revisionAware = $0.check { true } else { false } }
    }

    static func needsMet(_ d: RuleDescription, _ c: ArticleContext) -> Bool {
        (!d.needs.contains(.frontMatter) || c.frontMatter != nil) && (!d.needs.contains(.repository) || c.resources != nil)
    }

    /// Guards against a rule returning indices of another string.
    static func isValid(_ d: Diagnosis, in c: ArticleContext) -> Bool {
        let s = c.source
        return d.range.lowerBound >= s.startIndex && d.range.upperBound <= s.endIndex
            && d.range.lowerBound.samePosition(in: s.unicodeScalars) != nil
            && d.range.upperBound.samePosition(in: s.unicodeScalars) != nil
    }
}
