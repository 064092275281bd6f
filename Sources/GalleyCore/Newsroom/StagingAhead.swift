import Foundation

/// A check-in's index update, written to `index.lock` on a second thread (with its own repository
/// handle) while the first makes the commit; the first puts it in place once the branch has moved.
/// Staging rewrites a megabyte-sized index in a large newsroom, and the commit no longer waits for it.
final class StagingAhead: @unchecked Sendable {
    private let condition = NSCondition()
    private var outcome: PendingIndex??

    /// Nil when no thread could be started. The thread stores the blobs first (content-addressed, so
    /// the commit's own writes of them find them there), then prepares the index.
    init?(gitDir: String, files: [(path: String, bytes: [UInt8])]) {
        let started = HelperThread.start { [self] in
            // Whatever stops it here (a locked index, an index it does not edit) leaves staging to the
            // usual path, which waits for a lock and reports what fails.
            let pending = try? { () throws -> PendingIndex? in
                let repo = try GitRepository.open(gitDir)
                for file in files { _ = try repo.writeBlob(file.bytes) }
                return try repo.prepareStaging(paths: files.map(\.path), storeTrees: true)
            }()
            condition.lock()
            outcome = .some(pending ?? nil)
            condition.broadcast()
            condition.unlock()
        }
        guard started else { return nil }
    }

    /// Waits for the thread: the index written to `index.lock`, or nil when it prepared none.
    func wait() -> PendingIndex? {
        condition.lock()
        defer { condition.unlock() }
        while outcome == nil { condition.wait() }
        return outcome!
    }
}

/// A check-in's writing begun before its gate has finished (`Newsroom.beginCheckIn`): the repository's
/// Galley lock taken, and the index update being prepared on a second thread, which otherwise waits
/// for the issue-level rules. `checkIn(_:…, begun:)` finishes it; a check-in that does not happen
/// calls `abandon()`, which drops the prepared index (the blobs and trees stored stay unreferenced,
/// as after a refused `git commit`).
public final class BegunCheckIn {
    let paths: [String]
    private(set) var lock: ProcessLock?
    let staging: StagingAhead

    init(paths: [String], lock: ProcessLock, staging: StagingAhead) {
        self.paths = paths
        self.lock = lock
        self.staging = staging
    }

    /// Waits for the staging thread, drops what it prepared (nothing once the check-in used it) and
    /// lets go of the lock, which this process could not take a second time.
    public func abandon() {
        staging.wait()?.discard()
        lock = nil
    }
}

extension Newsroom {
    /// Starts preparing the index update of checking in `prepared` while the caller still runs its
    /// gate. Nil (the check-in then does it all itself) for a bulk check-in, for files the check-in
    /// rewrites (a refused one must leave them as they are), or when no thread could be started.
    public func beginCheckIn(_ prepared: [PreparedArticle]) -> BegunCheckIn? {
        guard !prepared.isEmpty, prepared.count < Newsroom.packThreshold, !prepared.contains(where: \.rewrite),
              let lock = try? ProcessLock(path: repo.gitDir + "galley.lock")
        else { return nil }
        let files = prepared.map { (path: $0.path.relative, bytes: $0.bytes) }
        guard let staging = StagingAhead(gitDir: repo.gitDir, files: files) else { return nil }
        return BegunCheckIn(paths: files.map(\.path), lock: lock, staging: staging)
    }
}
