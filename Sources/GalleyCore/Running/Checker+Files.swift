/// `galley check [PATH…] [--rev REV] [--fix]`.
extension Checker {
    /// A file to check: `display` is what reports show; `relative` is set inside the repository.
    struct FileTarget {
        let display: String
        let relative: String?
        let absolute: String?
        let blob: ObjectID?
    }

    /// Checks files in the working tree (or as of `revision`); with `fix`, applies certain fixes to
    /// the working files first and reports what is left.
    public func check(paths: [String], cwd: String, revision: String? = nil, fix: Bool = false) throws(GalleyError) -> CheckOutcome {
        if fix && revision != nil { throw .usage("--fix changes working files; it cannot be combined with --rev") }
        var outcome = CheckOutcome()
        var tree: ObjectID?
        var revisionID: String?
        if let revision {
            guard let newsroom else { throw .usage("--rev needs a newsroom repository") }
            let commit = try newsroom.resolve(revision: revision)
            revisionID = commit.hex
            do { tree = try newsroom.repo.commit(commit).tree } catch { throw .revisionNotFound(revision: revision) }
        }
        let targets = try expand(paths, cwd: cwd, tree: tree, revision: revision, outcome: &outcome)
        // Revision-aware rules compare with HEAD (working tree) or the revision's first parent.
        var historyCommit: ObjectID?
        if let newsroom {
            if let revision {
                historyCommit = (try? newsroom.repo.commit(newsroom.resolve(revision: revision)))?.parents.first
            } else {
                historyCommit = try newsroom.tipCommit()
            }
        }
        let resources = resources(tree: tree)
        prepareProducers(resources: resources)
        var contexts: [(ArticleContext, FileTarget)] = []
        for target in targets {
            guard let (loadedContext, source, loadedBytes) = load(target, tree: tree, resources: resources, outcome: &outcome) else { continue }
            var context = loadedContext
            var bytes = loadedBytes
            if fix, target.absolute != nil {
                if let fixed = applyFixes(context, source: source, target: target, outcome: &outcome) {
                    context = fixed.0
                    bytes = fixed.1
                }
            }
            outcome.files += 1
            let blob = blobID(for: target, bytes: bytes)
            let found = findings(for: context, blob: blob, history: self.history(of: target, before: historyCommit),
                                 revision: revisionID, outcome: &outcome)
            outcome.findings += found
            outcome.sources[CheckOutcome.sourceKey(context.path, revisionID)] = context.source
            contexts.append((context, target))
        }
        outcome.findings += issueFindings(contexts, tree: tree, resources: resources, revision: revisionID)
        outcome.findings.sort(by: Finding.inReadingOrder)
        finish(&outcome)
        return outcome
    }

    /// Runs collecting rules over all articles of each issue that a checked article belongs to,
    /// keeping the findings on the checked articles.
    /// `preloaded` holds the rest of an issue already read from `tree` (the gate's `IssuePreload`).
    func issueFindings(_ checked: [(ArticleContext, FileTarget)], tree: ObjectID?, resources: NewsroomResources?,
                       revision: String?, preloaded: [String: [IssuePreload.Stored]] = [:]) -> [Finding]
    {
        let issues = Set(checked.compactMap { $0.0.frontMatter?.issue.iso })
        guard !issues.isEmpty, let newsroom else { return [] }
        let checkedPaths = Set(checked.map(\.0.path))
        var out: [Finding] = []
        for issue in issues.sorted() {
            var group = checked.map(\.0).filter { $0.frontMatter?.issue.iso == issue }
            var seen = Set(checked.compactMap(\.1.relative))
            let folder = "articles/" + issue
            if let stored = preloaded[folder] {
                for article in stored where !seen.contains(article.path) {
                    seen.insert(article.path)
                    if case .success(let a) = article.parsed { group.append(ArticleContext(path: article.path, article: a, resources: resources)) }
                }
            } else {
                let others: [(path: String, blob: ObjectID?)]
                if let tree {
                    others = ((try? newsroom.repo.blobs(under: folder, inTree: tree)) ?? [:]).sorted { $0.key < $1.key }
                        .filter { $0.key.hasSuffix(".md") }.map { ($0.key, $0.value) }
                } else {
                    others = FileSystem.list(newsroom.root + "/" + folder).filter { $0.hasSuffix(".md") }.map { (folder + "/" + $0, nil) }
                }
                for (rel, blob) in others where !seen.contains(rel) {
                    seen.insert(rel)
                    let target = FileTarget(display: rel, relative: rel, absolute: tree == nil ? newsroom.root + "/" + rel : nil, blob: blob)
                    var ignored = CheckOutcome()
                    if let (c, _, _) = load(target, tree: tree, resources: resources, outcome: &ignored) { group.append(c) }
                }
            }
            for producer in producers where producer.failure == nil {
                out += producer.checkIssue(group, revision: revision).filter { checkedPaths.contains($0.path) }
            }
        }
        return out
    }

    /// Expands directories and defaults to every article of the newsroom.
    func expand(_ paths: [String], cwd: String, tree: ObjectID?, revision: String? = nil, outcome: inout CheckOutcome) throws(GalleyError) -> [FileTarget] {
        guard let newsroom else {
            guard !paths.isEmpty else { throw .usage("not inside a newsroom: name the files to check") }
            return paths.flatMap { p in plainTargets(p, cwd: cwd) }
        }
        if let tree {
            let wanted: [String] = try paths.isEmpty ? ["articles"] : paths.map { p throws(GalleyError) in
                let r = try newsroom.resolve(p, cwd: cwd, mustExist: false).relative
                return r
            }
            var out: [FileTarget] = []
            for rel in wanted {
                if let blob = try? newsroom.repo.blobID(at: rel, inTree: tree) {
                    out.append(FileTarget(display: rel, relative: rel, absolute: nil, blob: blob))
                } else {
                    let found = (try? newsroom.repo.blobs(under: rel, inTree: tree)) ?? [:]
                    if found.isEmpty && !paths.isEmpty { throw .pathNotInRevision(path: rel, revision: revision ?? "HEAD") }
                    out += found.keys.sorted().filter(Self.isTextPath).map { FileTarget(display: $0, relative: $0, absolute: nil, blob: found[$0]) }
                }
            }
            return out
        }
        if paths.isEmpty {
            return walk(newsroom.root + "/articles").map { abs in
                let rel = FileSystem.relative(abs, to: newsroom.root) ?? abs
                return FileTarget(display: rel, relative: rel, absolute: abs, blob: nil)
            }
        }
        var out: [FileTarget] = []
        for p in paths {
            let absolute = FileSystem.absolute(p, from: cwd)
            if FileSystem.lexicallyNormalized(absolute) == FileSystem.lexicallyNormalized(newsroom.root) {
                out += try expand([], cwd: cwd, tree: nil, outcome: &outcome)
                continue
            }
            do {
                let resolved = try newsroom.resolve(p, cwd: cwd)
                if FileSystem.isDirectory(resolved.absolute) {
                    out += walk(resolved.absolute).map { abs in
                        let rel = FileSystem.relative(abs, to: newsroom.root) ?? abs
                        return FileTarget(display: rel, relative: rel, absolute: abs, blob: nil)
                    }
                } else {
                    out.append(FileTarget(display: resolved.relative, relative: resolved.relative, absolute: resolved.absolute, blob: nil))
                }
            } catch .outsideRepository {
                // A plain file elsewhere: checked with the rules that need no repository.
                out += plainTargets(p, cwd: cwd)
            } catch {
                outcome.problems.append(TerminalSafe.sanitize(error.message))
                outcome.inputErrors += 1
            }
        }
        return out
    }

    func plainTargets(_ p: String, cwd: String) -> [FileTarget] {
        let absolute = FileSystem.absolute(p, from: cwd)
        if FileSystem.isDirectory(absolute) {
            let base = p.hasSuffix("/") ? String(p.dropLast()) : p
            return walk(absolute).map { FileTarget(display: base + String($0.dropFirst(absolute.count)), relative: nil, absolute: $0, blob: nil) }
        }
        return [FileTarget(display: p, relative: nil, absolute: absolute, blob: nil)]
    }

    static func isTextPath(_ p: String) -> Bool { p.hasSuffix(".md") || p.hasSuffix(".txt") || p.hasSuffix(".markdown") }

    /// `.md` and `.txt` files below a folder, skipping hidden entries, sorted.
    func walk(_ dir: String) -> [String] {
        var out: [String] = []
        for name in FileSystem.list(dir) where !name.hasPrefix(".") {
            let p = dir + "/" + name
            if FileSystem.isSymlink(p) { continue }
            if FileSystem.isDirectory(p) { out += walk(p) } else if Self.isTextPath(name) { out.append(p) }
        }
        return out
    }

    /// Reads, decodes and parses a target; a bad file becomes one problem line and is skipped.
    func load(_ target: FileTarget, tree: ObjectID?, resources: NewsroomResources?, earlier: Article? = nil,
              outcome: inout CheckOutcome) -> (ArticleContext, SourceText, [UInt8])?
    {
        do {
            let bytes: [UInt8]
            if let blob = target.blob, let newsroom {
                do { bytes = try storedBytes(blob, in: newsroom) } catch { throw GalleyError.git(function: "git_blob_lookup", message: "\(error)") }
            } else if let absolute = target.absolute {
                bytes = try FileSystem.readFile(absolute, limit: SourceText.maximumBytes)
            } else {
                throw GalleyError.fileNotFound(path: target.display)
            }
            let strict = target.relative?.hasPrefix("articles/") == true
            let (article, source) = try Self.parse(bytes, path: target.display, strict: strict, earlier: earlier)
            let context = ArticleContext(path: target.relative ?? target.display, article: article,
                                         resources: target.relative == nil ? nil : resources)
            return (context, source, bytes)
        } catch let error as GalleyError {
            outcome.problems.append(TerminalSafe.sanitize(error.message))
            outcome.inputErrors += 1
            return nil
        } catch {
            outcome.problems.append(TerminalSafe.sanitize("\(target.display): \(error)"))
            outcome.inputErrors += 1
            return nil
        }
    }

    /// The blob id of a checked file when it is in the object database (so its note can be found).
    func blobID(for target: FileTarget, bytes: [UInt8]) -> ObjectID? {
        if let blob = target.blob { return blob }
        guard let newsroom, target.relative != nil, let id = BlobHash.of(bytes) else { return nil }
        return newsroom.repo.exists(id) ? id : nil
    }
}
