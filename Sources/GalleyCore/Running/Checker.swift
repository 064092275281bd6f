/// Runs the enabled plugins over articles: files in the working tree, a revision, or every revision
/// of a range, with findings cached by content in `refs/notes/galley`.
/// Not `Sendable`: it owns the newsroom's libgit2 handle and external plugin processes.
public final class Checker {
    let newsroom: Newsroom?
    public let ruleSet: RuleSet
    var producers: [any FindingProducer] = []
    let cache: FindingsCache?
    var warnings: [String] = []
    /// First revisions already looked up, by path and starting commit.
    var firstVersions: [String: ObjectID?] = [:]
    /// External plugins that failed before checking anything (reported once per run).
    var startupFailures: [String] = []
    /// Newsroom files that plugins could not read (a broken staff.yml): input errors of the run.
    var resourceErrors: [String] = []
    /// False: never read or write the findings cache (`--no-cache`).
    public var useCache = true
    /// The version of each path `check --each` checked last, and each path's first version, parsed:
    /// the next version's rules compare with them.
    var lastArticles: [String: (ObjectID, Article)] = [:]
    var firstArticles: [String: (ObjectID, Article)] = [:]
    /// First versions of articles, walked from raw history and remembered in `.git/galley/`; made on first use.
    var firstVersionMemo: FirstVersions?
    /// Stored article versions read from the packs, whose delta chains it keeps resolved: the
    /// versions of one article are usually stored as deltas on each other.
    lazy var versions: PackReader? = newsroom.flatMap { PackReader(objectsDirectory: $0.repo.gitDir + "objects") }
    /// Blob contents read ahead by `check --each`'s walk for the commit being checked.
    var readAhead: [ObjectID: [UInt8]] = [:]

    /// `families` are the built-in plugins the CLI links; `newsroom` nil checks plain files only.
    public init(newsroom: Newsroom?, families: [PluginFamily]) {
        self.newsroom = newsroom
        let configuration = newsroom?.configuration ?? Configuration()
        ruleSet = RuleSet(families: families, configuration: configuration,
                          externalNames: Set(configuration.externalPlugins.map(\.name)))
        cache = newsroom.map { FindingsCache(repo: $0.repo) }
        warnings = ruleSet.warnings
    }

    /// Rules of every producer, for reporters.
    public var ruleSummaries: [(id: String, summary: Message, severity: Severity)] {
        producers.flatMap(\.ruleSummaries)
    }

    /// Builds the producers for articles read from `tree` (nil: the working tree).
    func prepareProducers(resources: NewsroomResources?) {
        guard producers.isEmpty else { return }
        for plugin in ruleSet.plugins where !plugin.rules.isEmpty {
            if let resources {
                let enabled = Set(plugin.rules.map(\.description.id))
                for issue in plugin.family.checkResources(resources) where issue.rules.isEmpty || issue.rules.contains(where: enabled.contains) {
                    if issue.isError { resourceErrors.append(TerminalSafe.sanitize(issue.message)) } else { warnings.append(issue.message) }
                }
            }
            let digest = plugin.family.resourcePaths.map { p in p + "=" + stableDigest(resources?.digestText(for: p) ?? "") }.joined(separator: ";")
            producers.append(BuiltInProducer(plugin, resourceDigest: digest))
        }
        producers += makeExternalProducers()
    }

    /// Trusted external plugins from galley.yml; untrusted ones are skipped with a warning.
    func makeExternalProducers() -> [any FindingProducer] {
        guard let newsroom else { return [] }
        let store = TrustStore(gitDirectory: newsroom.repo.gitDir)
        var out: [any FindingProducer] = []
        for config in newsroom.configuration.externalPlugins {
            guard store.isTrusted(config, root: newsroom.root) else {
                warnings.append("external plugin '\(config.name)' did not run: it is not trusted on this machine; "
                    + "review \(config.command.joined(separator: " ")) and run 'galley plugins trust \(config.name)'")
                continue
            }
            let producer = ExternalProducer(config: config, root: newsroom.root, fingerprint: store.fingerprint(of: config, root: newsroom.root),
                                            settings: newsroom.configuration.ruleSettings)
            if let failure = producer.failure { startupFailures.append(failure) }
            out.append(producer)
        }
        return out
    }

    /// Findings of every producer for one article, from the cache where possible.
    func findings(for context: ArticleContext, blob: ObjectID?, history: @autoclosure () -> StoredHistory,
                  revision: String?, outcome: inout CheckOutcome) -> [Finding]
    {
        var out: [Finding] = []
        var stored: StoredHistory?
        for producer in producers where producer.failure == nil {
            var key = producer.cacheKey
            // Findings that cannot depend on the earlier revisions are the same as with none.
            let withHistory = producer.needsPrevious && producer.needsHistory(context)
            if withHistory, stored == nil { stored = history() }
            if producer.needsPrevious { key = key.map { $0 + "~" + (withHistory ? stored! : .none).key } }
            if useCache, let cache, let blob, let key {
                let t0 = PhaseClock.now()
                let hit = cache.lookup(blob: blob, key: key, path: context.path, revision: revision)
                outcome.phases.add("cache read", PhaseClock.now() - t0)
                if let hit {
                    out += hit
                    continue
                }
            }
            let t0 = PhaseClock.now()
            let found = producer.check(context, history: withHistory ? stored?.history ?? .none : .none, revision: revision)
            outcome.phases.add("rules", PhaseClock.now() - t0)
            if let failure = producer.failure {
                outcome.problems.append(failure)
                outcome.pluginFailures += 1
                continue
            }
            let t1 = PhaseClock.now()
            if useCache, let cache, let blob, let key { cache.store(blob: blob, key: key, findings: found) }
            outcome.phases.add("cache store", PhaseClock.now() - t1)
            out += found
        }
        if useCache, let cache, let blob {
            let t1 = PhaseClock.now()
            cache.seal(blob)
            outcome.phases.add("cache store", PhaseClock.now() - t1)
        }
        return out
    }

    /// Writes new cache entries (one notes commit) and stops external plugins.
    func finish(_ outcome: inout CheckOutcome) {
        for p in producers { p.finish() }
        firstVersionMemo?.save()
        outcome.problems = resourceErrors + startupFailures + outcome.problems
        outcome.pluginFailures += startupFailures.count
        outcome.inputErrors += resourceErrors.count
        if let cache {
            outcome.cacheHits = cache.hits
            outcome.cacheMisses = cache.misses
            if useCache, cache.hasPending, let newsroom {
                let t0 = PhaseClock.now()
                defer { outcome.phases.add("cache write", PhaseClock.now() - t0) }
                do { try cache.flush(author: newsroom.defaultAuthor()) } catch {
                    outcome.warnings.append("could not write the findings cache: \(error)")
                }
            }
        }
        outcome.warnings = warnings + outcome.warnings
    }

    /// The content of a stored blob: from the packs when there, else through libgit2.
    func storedBytes(_ blob: ObjectID, in newsroom: Newsroom) throws -> [UInt8] {
        if let bytes = readAhead[blob] { return bytes }
        if let object = versions?.read(blob), object.kind == .blob { return object.data }
        return try newsroom.repo.blobData(blob)
    }

    /// Reads newsroom files plugins may use, from the working tree or a tree.
    func resources(tree: ObjectID?) -> NewsroomResources? {
        guard let newsroom else { return nil }
        var paths: Set<String> = ["staff.yml", "people.yml"]
        for plugin in ruleSet.plugins { paths.formUnion(plugin.family.resourcePaths) }
        var files: [String: String] = [:]
        for p in paths {
            if NewsroomResources.isFolder(p) {
                for (path, bytes) in folderFiles(p, tree: tree, in: newsroom) { files[path] = String(decoding: bytes, as: UTF8.self) }
                continue
            }
            var bytes: [UInt8]?
            if let tree {
                if let blob = (try? newsroom.repo.blobID(at: p, inTree: tree)) ?? nil {
                    bytes = readResource(p) { try newsroom.repo.blobData(blob) }
                }
            } else if FileSystem.exists(newsroom.root + "/" + p) {
                bytes = readResource(p) { try FileSystem.readFile(newsroom.root + "/" + p, limit: SourceText.maximumBytes) }
            }
            if let bytes { files[p] = String(decoding: bytes, as: UTF8.self) }
        }
        return NewsroomResources(configuration: newsroom.configuration, files: files,
                                 parsedYAML: ParsedYAMLStore(gitDirectory: newsroom.repo.gitDir))
    }

    /// A newsroom file that exists but cannot be read (a damaged object, too large) is an input
    /// error of the run, not a missing file: the rules it feeds would silently find nothing.
    func readResource(_ path: String, from read: () throws -> [UInt8]) -> [UInt8]? {
        do { return try read() } catch {
            resourceErrors.append(TerminalSafe.sanitize("cannot read \(path): \(error)"))
            return nil
        }
    }

    /// Decodes and parses article bytes; files under `articles/` must have front matter.
    static func parse(_ bytes: [UInt8], path: String, strict: Bool, earlier: Article? = nil) throws(GalleyError) -> (Article, SourceText) {
        let decoded = try SourceText.decode(bytes, path: path)
        return (try ArticleParser.parse(decoded.text, path: path, requireFrontMatter: strict, earlier: earlier), decoded)
    }
}
