#if canImport(Glibc)
import Glibc
#endif

/// An article file that passed validation and is ready to be committed.
public struct PreparedArticle: Sendable {
    public let path: ResolvedPathValue
    public let article: Article
    /// The normalised bytes that will be stored (and written back when they differ from the file).
    public let bytes: [UInt8]
    public let normalizations: [String]
    let rewrite: Bool
}

public typealias ResolvedPathValue = Newsroom.ResolvedPath

/// What a check-in did.
public struct CheckInResult: Sendable {
    public let revision: ObjectID
    public let articles: [PreparedArticle]
    /// How many times the branch moved under us and the commit was rebuilt.
    public let retries: Int
}

extension Newsroom {
    /// Reads and validates one article file, as `checkin` does, without writing anything.
    public func prepare(_ path: ResolvedPath, userPath: String, encoding: SourceEncoding = .utf8) throws(GalleyError) -> PreparedArticle {
        let raw = try FileSystem.readFile(path.absolute, limit: SourceText.maximumBytes)
        let decoded = try SourceText.decode(raw, path: userPath, encoding: encoding)
        let article = try ArticleParser.parse(decoded.text, path: userPath)
        let fm = article.frontMatter!
        let stem = FileSystem.baseName(path.relative)
        guard stem == fm.id + ".md" else { throw .idMismatch(path: userPath, id: fm.id) }
        let expected = "articles/\(fm.issue.iso)/\(fm.id).md"
        guard path.relative == expected else { throw .wrongLocation(path: userPath, expected: expected) }
        guard configuration.statuses.contains(fm.status) else {
            throw .invalidField(path: userPath, field: "status", problem: "'\(fm.status)' is not one of \(configuration.statuses.joined(separator: ", ")) (galley.yml 'statuses')")
        }
        let bytes = Array(decoded.text.utf8)
        return PreparedArticle(path: path, article: article, bytes: bytes, normalizations: decoded.normalizations, rewrite: bytes != raw)
    }

    /// Validates, normalises and commits article files as one revision, then stages them so that
    /// `git status` is clean. Nothing is written or committed when any file is invalid.
    public func checkIn(paths: [String], cwd: String, message: String, author: Signature? = nil,
                        encoding: SourceEncoding = .utf8, extraTrailers: [String] = []) throws(GalleyError) -> CheckInResult {
        guard !paths.isEmpty else { throw .usage("name at least one article file to check in") }
        var prepared: [PreparedArticle] = []
        for p in paths {
            let resolved = try resolve(p, cwd: cwd)
            prepared.append(try prepare(resolved, userPath: p, encoding: encoding))
        }
        return try checkIn(prepared, message: message, author: author, extraTrailers: extraTrailers)
    }

    /// Commits already prepared articles (the bulk path import uses).
    /// `begun`: the writing `beginCheckIn` started for these same articles.
    public func checkIn(_ prepared: [PreparedArticle], message: String, author: Signature? = nil,
                        extraTrailers: [String] = [], stageIndex: Bool = true, begun: BegunCheckIn? = nil) throws(GalleyError) -> CheckInResult {
        let files = prepared.map { (path: $0.path.relative, bytes: $0.bytes) }
        let begun = begun.flatMap { b in
            if b.paths == files.map(\.path) && stageIndex { return b }
            b.abandon()
            return nil
        }
        do {
            try checkForDuplicates(prepared)
        } catch {
            begun?.abandon()
            throw error
        }
        // One Galley writer at a time per repository; the ref CAS still guards against git itself.
        let lock: ProcessLock
        if let held = begun?.lock { lock = held } else { lock = try ProcessLock(path: repo.gitDir + "galley.lock") }
        defer { withExtendedLifetime(lock) {} }
        for p in prepared where p.rewrite {
            try FileSystem.writeFile(p.path.absolute, p.bytes)
        }
        let trailers = prepared.map { "Galley-Article: \($0.article.frontMatter!.id)" } + extraTrailers
        let fullMessage = Newsroom.messageWithTrailers(message, trailers)
        // The index is written on a second thread while this one makes the commit (not for a bulk
        // check-in, whose objects go into a pack), and put in place only once the branch has moved.
        let ahead = begun?.staging ?? (stageIndex && files.count < Newsroom.packThreshold ? StagingAhead(gitDir: repo.gitDir, paths: files.map(\.path)) : nil)
        // Past the duplicate check: the staging thread may lock the index (the objects it names are
        // stored by the commit, or when it is put in place).
        ahead?.go(true)
        let revision: ObjectID
        let retries: Int
        do {
            (revision, retries) = try commitFiles(files.map { ($0.path, $0.bytes) }, message: fullMessage, author: author ?? defaultAuthor())
        } catch {
            ahead?.wait()?.discard()
            throw error
        }
        if stageIndex {
            let placed: Bool
            do { placed = try ahead?.wait()?.putInPlace(through: repo) ?? false } catch { throw .git(function: "git_index_write", message: "\(error)") }
            if !placed { try stage(files.map(\.path)) }
        }
        return CheckInResult(revision: revision, articles: prepared, retries: retries)
    }

    static func messageWithTrailers(_ message: String, _ trailers: [String]) -> String {
        var text = message.trimmingCharacters(in: " \n\t")
        if text.isEmpty { text = "Check in" }
        if !trailers.isEmpty { text += "\n\n" + trailers.joined(separator: "\n") }
        return text + "\n"
    }

    /// Refuses an id used twice in the batch, or already used by another file in HEAD.
    func checkForDuplicates(_ prepared: [PreparedArticle]) throws(GalleyError) {
        try checkForDuplicates(prepared, tip: try tipCommit(), in: repo)
    }

    /// Refuses an id used twice in the batch, or already used by another file in `tip` (read through
    /// `repo`). `indexMayAnswer` false: `tip` is not on disk yet, so the index cannot be the tip's.
    func checkForDuplicates(_ prepared: [PreparedArticle], tip: ObjectID?, in repo: GitRepository,
                            indexMayAnswer: Bool = true) throws(GalleyError) {
        var seen: [String: String] = [:]
        for p in prepared {
            let id = p.article.frontMatter!.id
            if let other = seen[id], other != p.path.relative { throw .duplicateID(id: id, paths: [other, p.path.relative]) }
            seen[id] = p.path.relative
        }
        // Only the ids being checked in are looked up: one entry lookup per issue folder, not a full
        // listing, or none when the index's cached trees show it holds the tip's articles.
        guard let tip else { return }
        let names = prepared.map { $0.article.frontMatter!.id + ".md" }
        let fromIndex: [String: [String]]?
        do {
            fromIndex = indexMayAnswer ? try repo.issueFoldersFromIndex(containing: names, inTreeOf: tip) : nil
        } catch {
            throw .git(function: "checkForDuplicates", message: "\(error)")
        }
        for p in prepared {
            let id = p.article.frontMatter!.id
            let others: [String]
            do {
                others = try (fromIndex?[id + ".md"] ?? repo.issueFolders(containing: id + ".md", inTreeOf: tip)).map { "articles/\($0)/\(id).md" }
            } catch {
                throw .git(function: "checkForDuplicates", message: "\(error)")
            }
            if let other = others.first(where: { $0 != p.path.relative }) {
                throw .duplicateID(id: id, paths: [other, p.path.relative])
            }
        }
    }

    /// id → path of every article in HEAD (`articles/<issue>/<id>.md`).
    public func articleIndex(at revision: String = "HEAD") throws(GalleyError) -> [String: String] {
        guard let tip = try tipCommit() else { return [:] }
        do {
            let commitID = revision == "HEAD" ? tip : try repo.resolveCommit(revision)
            let tree = try repo.commit(commitID).tree
            var out: [String: String] = [:]
            for issue in try repo.listTree(tree, path: "articles") where issue.isTree {
                for file in try repo.listTree(issue.id) where !file.isTree && file.name.hasSuffix(".md") {
                    out[String(file.name.dropLast(3))] = "articles/\(issue.name)/\(file.name)"
                }
            }
            return out
        } catch {
            throw .git(function: "articleIndex", message: "\(error)")
        }
    }

    /// The commit the branch points at, nil while it is unborn.
    func tipCommit() throws(GalleyError) -> ObjectID? {
        let name = try branch()
        do { return try repo.referenceTarget(name) } catch { throw .git(function: "git_reference_name_to_id", message: "\(error)") }
    }

    /// Writes blobs, a tree and a commit on top of the branch tip, and moves the branch with
    /// compare-and-swap; when another writer moved it first, rebuilds on the new tip and retries.
    /// The files go in as they are: this is for newsroom files that are not articles (term lists,
    /// tools), which the demo and the bench add.
    public func commitFiles(_ files: [(String, [UInt8])], message: String, author: Signature) throws(GalleyError) -> (ObjectID, Int) {
        var committer = defaultAuthor()
        committer.time = author.time
        if files.count >= Newsroom.packThreshold {
            // Many files: blobs, trees and commit go to disk as one pack instead of a file each.
            let packed = try PackedCommitter(newsroom: self)
            _ = try packed.add(files, message: message, author: author, committer: committer)
            let (revision, retries) = try packed.publish()
            guard let revision else { throw .nothingToCheckIn }
            return (revision, retries)
        }
        let branchName = try branch()
        let updates: [TreeUpdate]
        do {
            updates = try files.map { TreeUpdate(path: $0.0, blob: try repo.writeBlob($0.1)) }
        } catch {
            throw .git(function: "git_blob_create_from_buffer", message: "\(error)")
        }
        var wait = RefLockWait()
        for attempt in 0..<10_000 {
            do {
                let tip = try repo.referenceTarget(branchName)
                let baseTree = try tip.map { try repo.commitTree($0) }
                let tree = try repo.updatedTree(base: baseTree, updates: updates)
                if tree == baseTree { throw GalleyError.nothingToCheckIn }
                let commit = try repo.createCommit(tree: tree, parents: tip.map { [$0] } ?? [], author: author,
                                                   committer: committer, message: message)
                let subject = message.split(separator: "\n").first.map(String.init) ?? ""
                try repo.setReference(branchName, to: commit, expected: tip, log: "galley: \(subject)")
                return (commit, attempt)
            } catch let error as GalleyError {
                throw error
            } catch let f as GitFailure where f.isModified || f.isExists {
                continue
            } catch let f as GitFailure where f.isLocked {
                try wait.pause(lockFile: repo.gitDir + branchName + ".lock")
            } catch {
                throw .git(function: "commit", message: "\(error)")
            }
        }
        throw .git(function: "commit", message: "gave up after 10000 concurrent updates of \(branchName)")
    }
}

/// Waiting for a branch's lock file: libgit2 never waits, so the check-in backs off and retries,
/// and gives up on a lock a minute old (left by a crash) or held for more than ten seconds.
struct RefLockWait {
    private var delay: useconds_t = 500
    private var lockedSince: Int?

    mutating func pause(lockFile: String) throws(GalleyError) {
        let age = FileSystem.ageSeconds(lockFile) ?? 0
        if age >= 60 { throw .refLocked(lockFile: lockFile, ageSeconds: age) }
        let now = Int(time(nil))
        if let since = lockedSince, now - since > 10 { throw .refLocked(lockFile: lockFile, ageSeconds: age) }
        if lockedSince == nil { lockedSince = now }
        usleep(delay)
        delay = min(delay * 2, 50_000)
    }
}
