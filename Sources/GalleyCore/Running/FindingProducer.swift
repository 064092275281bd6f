/// A plugin as the runner sees it: built-in family or external program.
protocol FindingProducer: AnyObject {
    var pluginID: String { get }
    /// The cache key part for this plugin's version and settings; nil when results must not be cached.
    var cacheKey: String? { get }
    var needsPrevious: Bool { get }
    /// Whether this article's findings can depend on its earlier revisions (only asked when `needsPrevious`).
    func needsHistory(_ context: ArticleContext) -> Bool
    /// Findings for one article; `revision` is stamped on them.
    func check(_ context: ArticleContext, history: ArticleHistory, revision: String?) -> [Finding]
    /// Findings of rules that see a whole issue at once.
    func checkIssue(_ articles: [ArticleContext], revision: String?) -> [Finding]
    /// Set once the plugin failed; it produces nothing more in this run.
    var failure: String? { get }
    /// Rules it runs, for reporters and `galley plugins`.
    var ruleSummaries: [(id: String, summary: Message, severity: Severity)] { get }
    func finish()
}

/// A built-in plugin family with its configured rules.
final class BuiltInProducer: FindingProducer {
    let engine: RuleEngine
    let cacheKey: String?
    let needsPrevious: Bool

    init(_ plugin: ConfiguredPlugin, resourceDigest: String) {
        engine = RuleEngine(plugin: plugin)
        needsPrevious = engine.hasRevisionAwareRules
        cacheKey = "\(plugin.family.id)@\(plugin.family.version)#\(stableDigest(plugin.settingsDigest + "\n" + resourceDigest))"
    }

    var pluginID: String { engine.plugin.family.id }
    var failure: String? { nil }
    var ruleSummaries: [(id: String, summary: Message, severity: Severity)] {
        engine.plugin.rules.map { ($0.description.id, $0.description.summary, $0.severity) }
    }

    func needsHistory(_ context: ArticleContext) -> Bool { engine.needsHistory(context) }

    func check(_ context: ArticleContext, history: ArticleHistory, revision: String?) -> [Finding] {
        engine.check(context, history: history, revision: revision)
    }

    func checkIssue(_ articles: [ArticleContext], revision: String?) -> [Finding] {
        engine.checkIssue(articles, revision: revision)
    }

    func finish() {}
}
