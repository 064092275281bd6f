import Foundation

/// A check-in's index update, written on a second thread (with its own repository handle) while the
/// first makes the commit, or already while its gate runs; the first puts it in place once the branch
/// has moved. Staging rewrites a megabyte-sized index in a large newsroom, and the commit no longer
/// waits for it.
final class StagingAhead: @unchecked Sendable {
    private let condition = NSCondition()
    private var outcome: PendingIndex??
    private var proceed: Bool?

    /// Nil when no thread could be started. The thread writes the new index to `index.lock`, or with
    /// `awaitingGo` to a private file, and then waits for `go(_:)` before it locks the index. It stores
    /// no object: the commit stores the blobs and the same trees, and `PendingIndex.putInPlace(through:)`
    /// checks they are there (and stores a cached tree the commit did not make) before the index
    /// names them. A check-in refused meanwhile leaves nothing behind.
    init?(gitDir: String, paths: [String], awaitingGo: Bool = false) {
        if !awaitingGo { proceed = true }
        let started = HelperThread.start { [self] in
            // Whatever stops it here (a locked index, an index it does not edit) leaves staging to the
            // usual path, which waits for a lock and reports what fails.
            let pending = try? { () throws -> PendingIndex? in
                let repo = try GitRepository.open(gitDir)
                return try repo.prepareStaging(paths: paths, storeTrees: true, ahead: awaitingGo) { awaitGo() }
            }()
            condition.lock()
            outcome = .some(pending)
            condition.broadcast()
            condition.unlock()
        }
        guard started else { return nil }
    }

    /// Lets the thread write (true) or stop without writing (false); the first word holds.
    func go(_ write: Bool) {
        condition.lock()
        if proceed == nil {
            proceed = write
            condition.broadcast()
        }
        condition.unlock()
    }

    private func awaitGo() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while proceed == nil { condition.wait() }
        return proceed!
    }

    /// Waits for the thread: the index written to `index.lock`, or nil when it prepared none. Says go
    /// first if nobody has.
    func wait() -> PendingIndex? {
        go(true)
        condition.lock()
        defer { condition.unlock() }
        while outcome == nil { condition.wait() }
        return outcome!
    }
}

/// A check-in's writing begun before its gate has finished (`Newsroom.beginCheckIn`): the repository's
/// Galley lock taken, and the new index written to a private file on a second thread, which otherwise
/// waits for the issue-level rules. Nothing else happens until `checkIn(_:…, begun:)` has passed the
/// duplicate check: then `index.lock` is taken, and the commit stores the objects. A check-in that does
/// not happen calls `abandon()`: the private file is removed, and nothing was stored or locked.
public final class BegunCheckIn {
    let paths: [String]
    private(set) var lock: ProcessLock?
    let staging: StagingAhead

    init(paths: [String], lock: ProcessLock, staging: StagingAhead) {
        self.paths = paths
        self.lock = lock
        self.staging = staging
    }

    /// Stops the staging thread before it locks the index (or drops the index it prepared, nothing once
    /// the check-in used it), waits for it, and lets go of the Galley lock, which this process could not
    /// take a second time.
    public func abandon() {
        staging.go(false)
        staging.wait()?.discard()
        lock = nil
    }
}

extension Newsroom {
    /// Starts preparing the index update of checking in `prepared` while the caller still runs its
    /// gate. Nil (the check-in then does it all itself) for a bulk check-in, for files the check-in
    /// rewrites (a refused one must leave them as they are), while another Galley writer (an import)
    /// holds the lock, or when no thread could be started.
    public func beginCheckIn(_ prepared: [PreparedArticle]) -> BegunCheckIn? {
        guard !prepared.isEmpty, prepared.count < Newsroom.packThreshold, !prepared.contains(where: \.rewrite),
              let lock = ProcessLock.ifFree(path: repo.gitDir + "galley.lock")
        else { return nil }
        let paths = prepared.map(\.path.relative)
        guard let staging = StagingAhead(gitDir: repo.gitDir, paths: paths, awaitingGo: true) else { return nil }
        return BegunCheckIn(paths: paths, lock: lock, staging: staging)
    }
}
