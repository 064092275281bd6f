import Foundation

/// The tree diffs of `check --each`, computed on a second thread with its own repository handle
/// and pack reader while the first thread checks the versions found so far: the walk need not
/// wait for the rules, nor the rules for the walk.
final class WalkAhead: @unchecked Sendable {
    struct Step {
        let tree: ObjectID
        let articles: ObjectID?
        /// Changed `articles/` paths: the new blob, or nil when deleted.
        let changes: [String: ObjectID?]
        /// The blobs changed paths had before (none for added files).
        let before: [String: ObjectID]
    }

    private let condition = NSCondition()
    private var steps: [Result<Step, any Error>?]
    private var stopped = false
    /// The step the reader waits for, if it waits: the walk wakes it only then, and only once a
    /// few steps are ready, so a fast reader does not trade a wake-up per commit with the walk.
    private var awaited: Int?

    /// Starts walking `commits` in order; `trees` are their trees when known; `startArticles` is
    /// the `articles` tree before the first.
    init(gitDir: String, commits: [ObjectID], trees: [ObjectID]?, startArticles: ObjectID?) {
        steps = Array(repeating: nil, count: commits.count)
        let thread = Thread { [self] in self.walk(gitDir: gitDir, commits: commits, trees: trees, previous: startArticles) }
        thread.start()
    }

    /// The diff of commit `i`, waiting for it if the walk is not there yet.
    func step(_ i: Int) throws -> Step {
        condition.lock()
        defer { condition.unlock() }
        while steps[i] == nil {
            awaited = min(i + 32, steps.count - 1)
            condition.wait()
        }
        awaited = nil
        return try steps[i]!.get()
    }

    /// Ends the walk early (the caller stopped reading).
    func stop() {
        condition.lock()
        stopped = true
        condition.unlock()
    }

    private func walk(gitDir: String, commits: [ObjectID], trees known: [ObjectID]?, previous start: ObjectID?) {
        var previous = start
        let history: RawHistory
        do { history = RawHistory(repo: try GitRepository.open(gitDir)) } catch {
            publishFailure(from: 0, error)
            return
        }
        for (i, commit) in commits.enumerated() {
            let result: Result<Step, any Error>
            do {
                let tree = try known?[i] ?? history.commitTree(commit)
                let articles = try history.subtree("articles", of: tree)
                let changes = try history.changes(prefix: "articles/", old: previous, new: articles)
                previous = articles
                result = .success(Step(tree: tree, articles: articles, changes: changes.new, before: changes.old))
            } catch {
                publishFailure(from: i, error)
                return
            }
            condition.lock()
            steps[i] = result
            let stop = stopped
            if let awaited, i >= awaited { condition.broadcast() }
            condition.unlock()
            if stop { return }
        }
    }

    /// A failed step ends the walk: it and every later step report the failure.
    private func publishFailure(from i: Int, _ error: any Error) {
        condition.lock()
        for k in i..<steps.count where steps[k] == nil { steps[k] = .failure(error) }
        condition.broadcast()
        condition.unlock()
    }
}
