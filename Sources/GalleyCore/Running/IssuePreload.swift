import Foundation

/// The rest of each issue a check-in touches, as stored at the tip, read and parsed on a second
/// thread (with its own repository handle and pack reader: libgit2 objects are for one thread at a
/// time) while the gate makes its producers and runs the checked articles' own rules. Reading and
/// parsing a hundred stored articles then no longer adds to the check-in's time on a machine with
/// two cores. A gate that is ready before the thread has read them all reads the rest alongside it
/// (`wait(helping:)`) rather than leaving a core idle.
final class IssuePreload: @unchecked Sendable {
    /// One stored article of an issue: parsed, or why not (the collecting rules skip it).
    struct Stored {
        let path: String
        let parsed: Result<Article, GalleyError>
    }

    /// An article to read, from a folder's listing.
    private struct Item {
        let path: String
        let blob: ObjectID
    }

    private let condition = NSCondition()
    /// Each listed folder's articles (indices into `items`, in path order); nil until listed. A folder
    /// that could not be listed is absent, one that is not in the tree has none.
    private var folders: [String: [Int]]?
    private var items: [Item] = []
    private var results: [Stored?] = []
    /// The first item nobody has taken yet, and how many are read.
    private var next = 0
    private var done = 0

    /// Starts reading every `.md` file under `folders` in `tree`, except the paths in `skipping`.
    /// `readOnThread` false (for tests): the thread only lists them, and `wait(helping:)` reads them all.
    init(gitDir: String, tree: ObjectID, folders wanted: [String], skipping: Set<String>, readOnThread: Bool = true) {
        let started = HelperThread.start { [self] in
            guard let repo = try? GitRepository.open(gitDir) else {
                publish([:], [])
                return
            }
            let raw = RawHistory(repo: repo)
            let (listed, items) = Self.list(wanted, of: tree, in: raw, skipping: skipping)
            publish(listed, items)
            if readOnThread { work { try raw.blobBytes($0) } }
        }
        // No thread: nothing is preloaded, and the gate reads the issue itself.
        if !started { folders = [:] }
    }

    /// The articles read, waiting for the thread; with `repo` (a handle of the calling thread's own),
    /// reading the ones the thread has not reached yet alongside it. A folder that could not be
    /// listed is absent, and so is every folder when no thread started or it has not finished within
    /// `limit` seconds: the gate then reads them itself.
    func wait(helping repo: GitRepository? = nil, limit: Double = 30) -> [String: [Stored]] {
        let deadline = Date(timeIntervalSinceNow: limit)
        condition.lock()
        while folders == nil {
            if !condition.wait(until: deadline) {
                condition.unlock()
                return [:]
            }
        }
        condition.unlock()
        if let repo { work { try repo.blobData($0) } }
        condition.lock()
        defer { condition.unlock() }
        while done < items.count {
            if !condition.wait(until: deadline) { return [:] }
        }
        return folders!.mapValues { $0.map { results[$0]! } }
    }

    private func publish(_ listed: [String: [Int]], _ found: [Item]) {
        condition.lock()
        items = found
        results = Array(repeating: nil, count: found.count)
        folders = listed
        condition.broadcast()
        condition.unlock()
    }

    /// Takes the next article nobody has taken, reads and parses it, until none is left.
    private func work(_ read: (ObjectID) throws -> [UInt8]) {
        while true {
            condition.lock()
            guard next < items.count else {
                condition.unlock()
                return
            }
            let i = next
            next += 1
            let item = items[i]
            condition.unlock()
            let stored = Self.parse(item, read)
            condition.lock()
            results[i] = stored
            done += 1
            if done == items.count { condition.broadcast() }
            condition.unlock()
        }
    }

    private static func parse(_ item: Item, _ read: (ObjectID) throws -> [UInt8]) -> Stored {
        let parsed: Result<Article, GalleyError>
        do throws(GalleyError) {
            let bytes: [UInt8]
            do { bytes = try read(item.blob) } catch { throw GalleyError.git(function: "git_blob_lookup", message: "\(error)") }
            parsed = .success(try Checker.parse(bytes, path: item.path, strict: true).0)
        } catch {
            parsed = .failure(error)
        }
        return Stored(path: item.path, parsed: parsed)
    }

    private static func list(_ wanted: [String], of tree: ObjectID, in raw: RawHistory, skipping: Set<String>) -> ([String: [Int]], [Item]) {
        var listed: [String: [Int]] = [:]
        var items: [Item] = []
        for folder in wanted {
            // A folder that is not there has no articles yet; one that cannot be read here is read
            // again by the gate through its own handle (articles it cannot read are skipped there too).
            guard case .success(let found) = Result(catching: { try subtree(folder, of: tree, in: raw) }) else { continue }
            guard let folderTree = found else {
                listed[folder] = []
                continue
            }
            guard let entries = try? raw.changes(prefix: folder + "/", old: nil, new: folderTree).new else { continue }
            var indices: [Int] = []
            for (path, blob) in entries.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".md") && !skipping.contains(path) {
                guard let blob else { continue }
                indices.append(items.count)
                items.append(Item(path: path, blob: blob))
            }
            listed[folder] = indices
        }
        return (listed, items)
    }

    private static func subtree(_ path: String, of tree: ObjectID, in raw: RawHistory) throws -> ObjectID? {
        var current = tree
        for part in path.split(separator: "/") {
            guard let next = try raw.subtree(String(part), of: current) else { return nil }
            current = next
        }
        return current
    }
}
