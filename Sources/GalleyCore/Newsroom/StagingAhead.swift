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
