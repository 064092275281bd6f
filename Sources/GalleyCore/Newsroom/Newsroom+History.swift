/// One revision of an article, as `galley log` lists it.
public struct ArticleRevision: Sendable {
    public let revision: ObjectID
    public let author: Signature
    public let message: String
    /// The article's `status` at this revision (nil when deleted or unparsable).
    public let status: String?
    /// 字数 of the body at this revision (nil when deleted or unparsable).
    public let characters: Int?
    /// Change of 字数 against the previous revision of the article.
    public let characterDelta: Int?
    public let deleted: Bool

    public var subject: String { message.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? "" }
}

extension Newsroom {
    /// Revisions on the branch that changed `relativePath`, newest first.
    public func history(of relativePath: String, limit: Int = Int.max) throws(GalleyError) -> [ArticleRevision] {
        guard let tip = try tipCommit() else { return [] }
        do {
            let commits = try repo.firstParentCommits(from: tip)
            var blobs: [ObjectID?] = []
            blobs.reserveCapacity(commits.count)
            var infos: [CommitInfo] = []
            for id in commits {
                let info = try repo.commit(id)
                infos.append(info)
                blobs.append(try repo.blobID(at: relativePath, inTree: info.tree))
            }
            var changed: [Int] = []
            for i in commits.indices {
                let parentBlob: ObjectID? = i + 1 < commits.count ? blobs[i + 1] : nil
                if blobs[i] != parentBlob { changed.append(i) }
            }
            var out: [ArticleRevision] = []
            var countCache: [ObjectID: (String?, Int?)] = [:]
            func summary(_ blob: ObjectID?) throws -> (String?, Int?) {
                guard let blob else { return (nil, nil) }
                if let c = countCache[blob] { return c }
                let text = String(decoding: try repo.blobData(blob), as: UTF8.self)
                let article = try? ArticleParser.parse(text, path: relativePath)
                let value = (article?.frontMatter?.status, article.map(\.characterCount))
                countCache[blob] = value
                return value
            }
            for i in changed.prefix(limit) {
                let (status, chars) = try summary(blobs[i])
                let previous = i + 1 < commits.count ? try summary(blobs[i + 1]).1 : nil
                let delta = chars.map { $0 - (previous ?? 0) }
                out.append(ArticleRevision(revision: commits[i], author: infos[i].author, message: infos[i].message,
                                           status: status, characters: chars, characterDelta: delta, deleted: blobs[i] == nil))
            }
            return out
        } catch {
            throw historyFailure(in: "history", error)
        }
    }

    /// The file's bytes as of `revision` (any revision expression libgit2 understands).
    public func contents(of relativePath: String, at revision: String) throws(GalleyError) -> [UInt8] {
        let commit = try resolve(revision: revision)
        do {
            let tree = try repo.commit(commit).tree
            guard let blob = try repo.blobID(at: relativePath, inTree: tree) else {
                throw GalleyError.pathNotInRevision(path: relativePath, revision: revision)
            }
            return try repo.blobData(blob)
        } catch let e as GalleyError {
            throw e
        } catch {
            throw .git(function: "contents", message: "\(error)")
        }
    }

    /// Resolves a revision expression to a commit id.
    public func resolve(revision: String) throws(GalleyError) -> ObjectID {
        do {
            return try repo.resolveCommit(revision)
        } catch {
            throw .revisionNotFound(revision: revision)
        }
    }

    /// Article files (under `articles/`) that are new, modified or deleted against HEAD.
    public func status() throws(GalleyError) -> [(path: String, change: FileChange)] {
        do {
            return try repo.changes(under: "articles/").filter { $0.path.hasSuffix(".md") }
        } catch {
            throw .git(function: "git_status_list_new", message: "\(error)")
        }
    }

    /// Makes the content of `relativePath` at `revision` the newest revision; history is kept.
    public func restore(_ path: ResolvedPath, userPath: String, revision: String, message: String,
                        author: Signature? = nil) throws(GalleyError) -> CheckInResult {
        let commit = try resolve(revision: revision)
        let bytes = try contents(of: path.relative, at: commit.hex)
        try FileSystem.makeDirectories(FileSystem.parent(path.absolute))
        try FileSystem.writeFile(path.absolute, bytes)
        let prepared = try prepare(path, userPath: userPath)
        return try checkIn([prepared], message: message, author: author, extraTrailers: ["Galley-Restored-From: \(commit.hex)"])
    }

    /// Lock files git or libgit2 may leave behind after a crash.
    public func lockFiles() -> [(path: String, ageSeconds: Int)] {
        let gitDir = repo.gitDir
        var candidates = ["index.lock", "HEAD.lock", "packed-refs.lock", "config.lock"].map { gitDir + $0 }
        for folder in ["refs/heads", "refs/notes", "refs/tags"] {
            for name in FileSystem.list(gitDir + folder) where name.hasSuffix(".lock") {
                candidates.append(gitDir + folder + "/" + name)
            }
        }
        return candidates.compactMap { p in FileSystem.ageSeconds(p).map { (p, $0) } }
    }

    /// Removes lock files older than `minimumAge` seconds; returns what it removed and what it left.
    public func clearStaleLocks(minimumAge: Int = 60) -> (removed: [String], kept: [(String, Int)]) {
        var removed: [String] = []
        var kept: [(String, Int)] = []
        for (path, age) in lockFiles() {
            if age >= minimumAge, FileSystem.remove(path) { removed.append(path) } else { kept.append((path, age)) }
        }
        return (removed, kept)
    }
}
