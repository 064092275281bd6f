#if canImport(Glibc)
import Glibc
#endif

extension Newsroom {
    /// From this many files, one check-in stores its objects as one pack rather than a file each.
    static let packThreshold = 16

    /// Starts a bulk check-in: many revisions by one process, the path an import takes. Each
    /// `checkIn` validates and commits like `checkIn(_:message:…)`, but in memory, on top of the
    /// previous one; `finish` stores all of them as one pack and moves the branch once. Other Galley
    /// writers wait until then (the newsroom's lock is held); git itself is guarded by the branch's
    /// compare-and-swap, and the revisions are replayed onto its new tip if it moved.
    public func bulkCheckIn() throws(GalleyError) -> BulkCheckIn {
        try BulkCheckIn(newsroom: self)
    }
}

/// What a bulk check-in did.
public struct BulkCheckInResult: Sendable {
    /// The branch's new tip (nil when no revision was checked in).
    public let revision: ObjectID?
    /// The revisions, oldest first, as they are in the branch.
    public let revisions: [ObjectID]
    /// How many times the branch moved under us and the revisions were replayed.
    public let retries: Int
}

/// Revisions checked in by one process and published together; see `Newsroom.bulkCheckIn()`.
/// Nothing reaches the repository until `finish`. Not `Sendable`: it owns libgit2 handles.
public final class BulkCheckIn {
    let newsroom: Newsroom
    private let committer: PackedCommitter
    private var lock: ProcessLock?
    private var touched: [String] = []
    private var touchedSet: Set<String> = []
    /// The configured identity, read once (git config does not change during the check-in).
    private let identity: Signature?

    init(newsroom: Newsroom) throws(GalleyError) {
        self.newsroom = newsroom
        lock = try ProcessLock(path: newsroom.repo.gitDir + "galley.lock")
        committer = try PackedCommitter(newsroom: newsroom)
        identity = newsroom.repo.defaultSignature()
    }

    /// Validates `prepared` against the revisions so far (ids unique, as in `checkIn`), writes back
    /// normalised files, and commits them in memory with `Galley-Article` trailers. Returns the
    /// revision's id (final unless the branch moves before `finish`).
    @discardableResult
    public func checkIn(_ prepared: [PreparedArticle], message: String, author: Signature? = nil,
                        extraTrailers: [String] = []) throws(GalleyError) -> ObjectID {
        guard lock != nil else { throw .usage("this bulk check-in is finished") }
        try newsroom.checkForDuplicates(prepared, tip: committer.tip ?? committer.base, in: committer.batch.repo,
                                        indexMayAnswer: committer.tip == nil)
        for p in prepared where p.rewrite {
            try FileSystem.writeFile(p.path.absolute, p.bytes)
        }
        let trailers = prepared.map { "Galley-Article: \($0.article.frontMatter!.id)" } + extraTrailers
        let fullMessage = Newsroom.messageWithTrailers(message, trailers)
        let who = author ?? Newsroom.stamped(identity)
        var committerSignature = Newsroom.stamped(identity)
        committerSignature.time = who.time
        let revision = try committer.add(prepared.map { ($0.path.relative, $0.bytes) }, message: fullMessage, author: who,
                                         committer: committerSignature)
        for p in prepared where touchedSet.insert(p.path.relative).inserted { touched.append(p.path.relative) }
        return revision
    }

    /// Stores every revision as one pack, moves the branch to the last one, stages the files (unless
    /// `stageIndex` is false) and releases the newsroom.
    public func finish(stageIndex: Bool = true) throws(GalleyError) -> BulkCheckInResult {
        guard lock != nil else { throw .usage("this bulk check-in is finished") }
        defer { lock = nil }
        let (revision, retries) = try committer.publish()
        if stageIndex, !touched.isEmpty { try newsroom.stage(touched) }
        return BulkCheckInResult(revision: revision, revisions: committer.commits, retries: retries)
    }
}

/// Commits written in memory (`ObjectBatch`) as a chain on top of the branch, then published as one
/// pack and one compare-and-swap of the branch.
final class PackedCommitter {
    struct Revision {
        let updates: [TreeUpdate]
        let message: String
        let author: Signature
        let committer: Signature
    }

    let newsroom: Newsroom
    let batch: ObjectBatch
    let branch: String
    /// The branch tip the chain starts from.
    private(set) var base: ObjectID?
    /// The chain's newest commit.
    private(set) var tip: ObjectID?
    private(set) var commits: [ObjectID] = []
    private var revisions: [Revision] = []

    init(newsroom: Newsroom) throws(GalleyError) {
        self.newsroom = newsroom
        branch = try newsroom.branch()
        base = try newsroom.tipCommit()
        do { batch = try ObjectBatch(path: newsroom.root) } catch { throw .git(function: "git_mempack_new", message: "\(error)") }
    }

    /// Writes the files' blobs and a commit on top of the chain, in memory. Throws
    /// `nothingToCheckIn` when the files change nothing.
    func add(_ files: [(String, [UInt8])], message: String, author: Signature, committer: Signature) throws(GalleyError) -> ObjectID {
        let updates: [TreeUpdate]
        do {
            updates = try files.map { TreeUpdate(path: $0.0, blob: try batch.writeBlob($0.1)) }
        } catch {
            throw .git(function: "git_blob_create_from_buffer", message: "\(error)")
        }
        let revision = Revision(updates: updates, message: message, author: author, committer: committer)
        guard let commit = try make(revision, on: tip ?? base) else { throw .nothingToCheckIn }
        revisions.append(revision)
        tip = commit
        commits.append(commit)
        return commit
    }

    /// The commit of `revision` on `parent`, nil when it would change nothing there.
    private func make(_ revision: Revision, on parent: ObjectID?) throws(GalleyError) -> ObjectID? {
        do {
            let baseTree = try parent.map { try batch.repo.commitTree($0) }
            let tree = try batch.repo.updatedTree(base: baseTree, updates: revision.updates)
            if tree == baseTree { return nil }
            let commit = try batch.repo.createCommit(tree: tree, parents: parent.map { [$0] } ?? [], author: revision.author,
                                                     committer: revision.committer, message: revision.message)
            try batch.record(commit: commit, tree: tree, base: baseTree, paths: revision.updates.map(\.path))
            return commit
        } catch {
            throw .git(function: "commit", message: "\(error)")
        }
    }

    /// Stores what the chain made as one pack and moves the branch from `base` to the chain's tip
    /// with compare-and-swap. When another writer moved the branch first, the revisions are made
    /// again on its new tip (a revision that changes nothing there is dropped) and stored too.
    /// Returns the new tip (nil when nothing is left to commit) and the number of replays.
    func publish() throws(GalleyError) -> (ObjectID?, Int) {
        guard !revisions.isEmpty else { return (nil, 0) }
        var wait = RefLockWait()
        for attempt in 0..<10_000 {
            do {
                try batch.store(into: newsroom.repo)
                guard let target = tip else { return (nil, attempt) }
                try newsroom.repo.setReference(branch, to: target, expected: base, log: "galley: " + logMessage)
                return (target, attempt)
            } catch let f as GitFailure where f.isModified || f.isExists {
                let moved: ObjectID?
                do { moved = try newsroom.repo.referenceTarget(branch) } catch { throw .git(function: "git_reference_name_to_id", message: "\(error)") }
                try replay(onto: moved)
            } catch let f as GitFailure where f.isLocked {
                try wait.pause(lockFile: newsroom.repo.gitDir + branch + ".lock")
            } catch {
                throw .git(function: "commit", message: "\(error)")
            }
        }
        throw .git(function: "commit", message: "gave up after 10000 concurrent updates of \(branch)")
    }

    private func replay(onto newBase: ObjectID?) throws(GalleyError) {
        // The new tip's objects may be in a pack the batch has not seen yet.
        do { try batch.refresh() } catch { throw .git(function: "git_odb_refresh", message: "\(error)") }
        base = newBase
        tip = nil
        commits = []
        for revision in revisions {
            if let commit = try make(revision, on: tip ?? base) {
                tip = commit
                commits.append(commit)
            }
        }
    }

    /// The reflog line: the revision's subject, or how many revisions there were.
    private var logMessage: String {
        let subject = revisions.last.map { $0.message.split(separator: "\n").first.map(String.init) ?? "" } ?? ""
        return revisions.count == 1 ? subject : "\(revisions.count) revisions, the last: \(subject)"
    }
}
