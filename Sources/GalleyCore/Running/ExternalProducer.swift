/// An external plugin program as a producer: one process for the whole run.
final class ExternalProducer: FindingProducer {
    let config: ExternalPluginConfig
    let host: ExternalPluginHost
    let settings: [String: RuleSetting]
    private(set) var description: ExternalDescription?
    private(set) var failure: String?
    let cacheKey: String?

    init(config: ExternalPluginConfig, root: String, fingerprint: String, settings: [String: RuleSetting]) {
        self.config = config
        self.settings = settings
        host = ExternalPluginHost(config: config, workingDirectory: root)
        do {
            let d = try host.describe()
            description = d
            let overrides = d.rules.map { "\($0.id)|\(settings[$0.id]?.enabled.map(String.init) ?? "")|\(settings[$0.id]?.severity?.rawValue ?? "")" }
            cacheKey = "\(config.name)@\(d.version)#\(stableDigest(fingerprint + "\n" + overrides.joined(separator: "\n")))"
        } catch {
            failure = error.message
            cacheKey = nil
        }
    }

    var pluginID: String { config.name }
    var needsPrevious: Bool { false }
    func needsHistory(_ context: ArticleContext) -> Bool { false }

    var ruleSummaries: [(id: String, summary: Message, severity: Severity)] {
        (description?.rules ?? []).filter { settings[$0.id]?.enabled != false }.map {
            ($0.id, Message($0.summary, en: $0.summary), settings[$0.id]?.severity ?? $0.severity)
        }
    }

    func check(_ context: ArticleContext, history: ArticleHistory, revision: String?) -> [Finding] {
        guard failure == nil else { return [] }
        let found: [ExternalFinding]
        do {
            found = try host.check(path: context.path, revision: revision, article: context.article)
        } catch {
            failure = error.message
            host.close()
            return []
        }
        let locator = FindingLocator(context)
        var out: [Finding] = []
        // The host has sanitized the text and checked that offset and length lie inside the body.
        for f in found where settings[f.rule]?.enabled != false {
            guard let d = f.diagnosis(in: context) else { continue }
            out.append(locator.finding(d, rule: f.rule, severity: settings[f.rule]?.severity ?? f.severity, revision: revision))
        }
        return out.sorted(by: Finding.inReadingOrder)
    }

    func checkIssue(_ articles: [ArticleContext], revision: String?) -> [Finding] { [] }

    func finish() { host.close() }
}
