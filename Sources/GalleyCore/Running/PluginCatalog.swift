/// What `galley plugins` shows and does: the built-in families and the external programs of galley.yml.
public struct PluginCatalog {
    public struct Listing {
        public let id: String
        public let version: String
        public let isExternal: Bool
        public let summary: Message?
        /// Why an external plugin's rules are not shown (untrusted, failed to start).
        public let problem: String?
        public let rules: [RuleListing]

        public var kindLabel: String { isExternal ? "external" : "built-in" }
    }

    public struct RuleListing {
        public let id: String
        public let summary: Message
        public let severity: Severity
        public let enabled: Bool
    }

    public struct ExampleResult {
        public let plugin: String
        public let rules: Int
        public let examples: Int
        public let failures: [ExampleHarness.Failure]
        public let problem: String?
    }

    let newsroom: Newsroom?
    let families: [PluginFamily]

    public init(newsroom: Newsroom?, families: [PluginFamily]) {
        self.newsroom = newsroom
        self.families = families
    }

    var configuration: Configuration { newsroom?.configuration ?? Configuration() }
    var trustStore: TrustStore? { newsroom.map { TrustStore(gitDirectory: $0.repo.gitDir) } }

    public func plugins() -> [Listing] {
        var out: [Listing] = []
        let settings = configuration.ruleSettings
        for family in families {
            let rules = family.rules.map { type in
                let d = type.description
                return RuleListing(id: d.id, summary: d.summary, severity: settings[d.id]?.severity ?? d.severity,
                                   enabled: settings[d.id]?.enabled != false)
            }
            out.append(Listing(id: family.id, version: family.version, isExternal: false, summary: family.summary, problem: nil, rules: rules))
        }
        for config in configuration.externalPlugins {
            out.append(withExternal(config) { host, description, problem in
                let rules = (description?.rules ?? []).map {
                    RuleListing(id: $0.id, summary: Message($0.summary, en: $0.summary), severity: settings[$0.id]?.severity ?? $0.severity,
                                enabled: settings[$0.id]?.enabled != false)
                }
                return Listing(id: config.name, version: description?.version ?? "?", isExternal: true,
                               summary: Message(config.command.joined(separator: " "), en: config.command.joined(separator: " ")),
                               problem: problem, rules: rules)
            })
        }
        return out
    }

    /// Runs every example of every built-in rule and of every trusted external plugin.
    public func testExamples() -> [ExampleResult] {
        var out: [ExampleResult] = []
        for family in families {
            var failures: [ExampleHarness.Failure] = []
            var examples = 0
            for type in family.rules {
                let d = type.description
                examples += d.triggering.count + d.nonTriggering.count + d.corrections.count
                failures += ExampleHarness.run(type)
            }
            out.append(ExampleResult(plugin: family.id, rules: family.rules.count, examples: examples, failures: failures, problem: nil))
        }
        for config in configuration.externalPlugins {
            out.append(withExternal(config) { host, description, problem in
                guard let host, let description else {
                    return ExampleResult(plugin: config.name, rules: 0, examples: 0, failures: [], problem: problem)
                }
                var failures: [ExampleHarness.Failure] = []
                var examples = 0
                var hostProblem: String?
                for rule in description.rules {
                    examples += rule.triggering.count + rule.nonTriggering.count + rule.corrections.count
                    failures += ExampleHarness.run(id: rule.id, triggering: rule.triggering, nonTriggering: rule.nonTriggering,
                                                   corrections: rule.corrections) { _, context in
                        guard hostProblem == nil else { return [] }
                        do {
                            let found = try host.check(path: context.path, revision: nil, article: context.article)
                            return found.filter { $0.rule == rule.id }.compactMap { $0.diagnosis(in: context, certain: true) }
                        } catch let failure as PluginFailure {
                            hostProblem = failure.message
                            return []
                        } catch {
                            hostProblem = "\(error)"
                            return []
                        }
                    }
                }
                return ExampleResult(plugin: config.name, rules: description.rules.count, examples: examples,
                                     failures: hostProblem == nil ? failures : [], problem: hostProblem)
            })
        }
        return out
    }

    /// Starts a trusted external plugin for `body`; untrusted or failing ones get a problem line instead.
    func withExternal<T>(_ config: ExternalPluginConfig, _ body: (ExternalPluginHost?, ExternalDescription?, String?) -> T) -> T {
        guard let newsroom, let store = trustStore else { return body(nil, nil, "outside a newsroom") }
        guard store.isTrusted(config, root: newsroom.root) else {
            return body(nil, nil, "not trusted: run 'galley plugins trust \(config.name)' after reviewing \(config.command.joined(separator: " "))")
        }
        let host = ExternalPluginHost(config: config, workingDirectory: newsroom.root)
        defer { host.close() }
        do {
            return body(host, try host.describe(), nil)
        } catch {
            return body(nil, nil, error.message)
        }
    }

    /// Records trust in the plugin's current command and script; returns the fingerprint.
    public func trust(_ name: String) throws(GalleyError) -> String {
        guard let newsroom, let store = trustStore else { throw .usage("trust needs a newsroom repository") }
        guard let config = configuration.externalPlugins.first(where: { $0.name == name }) else {
            let known = configuration.externalPlugins.map(\.name)
            throw .usage("no external plugin '\(name)' in galley.yml" + (known.isEmpty ? "" : " (configured: \(known.joined(separator: ", ")))"))
        }
        try store.trust(config, root: newsroom.root)
        return store.fingerprint(of: config, root: newsroom.root)
    }

    public func untrust(_ name: String) throws(GalleyError) {
        guard let store = trustStore else { throw .usage("untrust needs a newsroom repository") }
        try store.revoke(name)
    }
}
