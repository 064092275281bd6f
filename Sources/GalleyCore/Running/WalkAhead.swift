import Foundation

/// The tree diffs of `check --each`, computed on a second thread with its own repository handle
/// and pack reader while the first thread checks the versions found so far: the walk need not
/// wait for the rules, nor the rules for the walk. With `reading`, the walk also reads the new
/// versions of the paths it selects (inflating and applying deltas), so the checking thread finds
/// their bytes ready; it then keeps at most `lead` steps ahead, to bound what it holds.
final class WalkAhead: @unchecked Sendable {
    struct Step {
        let tree: ObjectID
        let articles: ObjectID?
        /// Changed `articles/` paths: the new blob, or nil when deleted.
        let changes: [String: ObjectID?]
        /// The blobs changed paths had before (none for added files).
        let before: [String: ObjectID]
        /// The content of new blobs the walk read, by blob.
        let contents: [ObjectID: [UInt8]]
    }

    /// How many steps a reading walk may be ahead of the reader.
    let lead: Int

    private let condition = NSCondition()
    private var steps: [Result<Step, any Error>?]
    private var stopped = false
    /// The step the reader waits for, if it waits: the walk wakes it once that step is made (a few
    /// beyond the one it asked for, so a fast reader does not trade a wake-up per commit with the
    /// walk), or before the walk itself waits for the reader.
    private var awaited: Int?
    /// Steps taken by the reader so far; a reading walk waits when it is `lead` steps ahead.
    private var taken = 0
    /// Steps below this one the walk has let go of.
    private var released = 0
    private var walkWaits = false

    /// Starts walking `commits` in order; `trees` are their trees when known; `startArticles` is
    /// the `articles` tree before the first. `reading` selects the changed paths whose new versions to read.
    init(gitDir: String, commits: [ObjectID], trees: [ObjectID]?, startArticles: ObjectID?,
         reading: (@Sendable (String) -> Bool)? = nil, lead: Int = 256)
    {
        steps = Array(repeating: nil, count: commits.count)
        self.lead = max(1, lead)
        let thread = Thread { [self] in
            self.walk(gitDir: gitDir, commits: commits, trees: trees, previous: startArticles, reading: reading)
        }
        thread.start()
    }

    /// The diff of commit `i`, waiting for it if the walk is not there yet. Each step is taken once; the
    /// walk lets go of it later, on its own thread.
    func step(_ i: Int) throws -> Step {
        condition.lock()
        defer { condition.unlock() }
        while steps[i] == nil {
            if stopped { throw GitFailure(code: -1, message: "the walk was stopped before this revision", function: "check --each") }
            awaited = min(i + 32, steps.count - 1)
            condition.wait()
        }
        awaited = nil
        let result = steps[i]!
        taken = i + 1
        // A waiting walk is woken once a batch of steps has been taken, not for every one.
        if walkWaits, taken % min(32, lead) == 0 { condition.broadcast() }
        return try result.get()
    }

    /// Ends the walk early (the caller stopped reading).
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func walk(gitDir: String, commits: [ObjectID], trees known: [ObjectID]?, previous start: ObjectID?,
                      reading: (@Sendable (String) -> Bool)?)
    {
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
                var contents: [ObjectID: [UInt8]] = [:]
                if let reading {
                    // A version that cannot be read here is read again (and reported) by the checking thread.
                    for case let (path, blob?) in changes.new where reading(path) { contents[blob] = try? history.blobBytes(blob) }
                }
                result = .success(Step(tree: tree, articles: articles, changes: changes.new, before: changes.old, contents: contents))
            } catch {
                publishFailure(from: i, error)
                return
            }
            condition.lock()
            while reading != nil, i - taken >= lead, !stopped {
                walkWaits = true
                // A reader waiting for a step already made must be woken before this thread waits
                // too: it waits for a batch of steps this thread will not make before it reads on.
                if awaited != nil { condition.broadcast() }
                condition.wait()
            }
            walkWaits = false
            steps[i] = result
            // Steps the reader is done with are freed here, by the thread that made them: freed by the
            // reader, while this thread allocates, they cost it 6 µs each (allocator locks).
            var done: [Result<Step, any Error>?] = []
            if taken - 1 > released {
                done = Array(steps[released..<(taken - 1)])
                for k in released..<(taken - 1) { steps[k] = nil }
                released = taken - 1
            }
            let stop = stopped
            if let awaited, i >= awaited { condition.broadcast() }
            condition.unlock()
            done.removeAll()
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
