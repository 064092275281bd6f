/// The earlier revisions revision-aware rules compare with: the previous one and the first one.
struct StoredHistory {
    let history: ArticleHistory
    /// Names the two revisions in the cache key, since the findings depend on them.
    let key: String

    static let none = StoredHistory(history: .none, key: "new~new")
}

extension Checker {
    /// The history of `target` as of `commit` (HEAD for the working tree, the tip for the gate, the
    /// first parent for `--rev`): its version there, and its first version along first parents.
    func history(of target: FileTarget, before commit: ObjectID?) -> StoredHistory {
        guard let newsroom, let path = target.relative, let commit,
              let tree = try? newsroom.repo.commitTree(commit),
              let previous = (try? newsroom.repo.blobID(at: path, inTree: tree)) ?? nil
        else { return .none }
        return storedHistory(path: path, previous: previous, first: firstVersion(of: path, from: commit))
    }

    /// Loads the two revisions by blob id; a revision that does not parse counts as absent.
    func storedHistory(path: String, previous: ObjectID?, first: ObjectID?) -> StoredHistory {
        guard let newsroom else { return .none }
        func context(_ blob: ObjectID?) -> ArticleContext? {
            guard let blob else { return nil }
            // `check --each` has just checked the previous version, and the first stays the same.
            if let last = lastArticles[path], last.0 == blob { return ArticleContext(path: path, article: last.1, resources: nil) }
            if let known = firstArticles[path], known.0 == blob { return ArticleContext(path: path, article: known.1, resources: nil) }
            guard let bytes = try? storedBytes(blob, in: newsroom),
                  let (article, _) = try? Self.parse(bytes, path: path, strict: true)
            else { return nil }
            if blob == first { firstArticles[path] = (blob, article) }
            return ArticleContext(path: path, article: article, resources: nil)
        }
        let previousContext = context(previous)
        let firstContext = first == previous ? previousContext : context(first)
        return StoredHistory(history: ArticleHistory(previous: previousContext, first: firstContext),
                             key: (previous?.hex ?? "new") + "~" + (first?.hex ?? "new"))
    }

    /// The article's first version on the branch as of `commit`, looked up once per run.
    func firstVersion(of path: String, from commit: ObjectID) -> ObjectID? {
        let key = path + "@" + commit.hex
        if let known = firstVersions[key] { return known }
        if firstVersionMemo == nil, let newsroom {
            firstVersionMemo = FirstVersions(gitDir: newsroom.repo.gitDir, history: RawHistory(repo: newsroom.repo, packs: versions))
        }
        let found = (try? firstVersionMemo?.first(of: path, from: commit)) ?? nil
        firstVersions[key] = found
        return found
    }
}
