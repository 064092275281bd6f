import Foundation

/// The rest of each issue a check-in touches, as stored at the tip, read and parsed on a second
/// thread (with its own repository handle and pack reader: libgit2 objects are for one thread at a
/// time) while the gate makes its producers and runs the checked articles' own rules. Reading and
/// parsing a hundred stored articles then no longer adds to the check-in's time on a machine with
/// two cores.
final class IssuePreload: @unchecked Sendable {
    /// One stored article of an issue: parsed, or why not (the collecting rules skip it).
    struct Stored {
        let path: String
        let parsed: Result<Article, GalleyError>
    }

    private let condition = NSCondition()
    /// By issue folder (`articles/<date>`); nil until the thread is done.
    private var stored: [String: [Stored]]?

    /// Starts reading every `.md` file under `folders` in `tree`, except the paths in `skipping`.
    init(gitDir: String, tree: ObjectID, folders: [String], skipping: Set<String>) {
        let started = HelperThread.start { [self] in
            let result = Self.read(gitDir: gitDir, tree: tree, folders: folders, skipping: skipping)
            condition.lock()
            stored = result
            condition.broadcast()
            condition.unlock()
        }
        // No thread: nothing is preloaded, and the gate reads the issue itself.
        if !started { stored = [:] }
    }

    /// The articles read, waiting for the thread. A folder that could not be listed is absent, and
    /// so is every folder when no thread started or it has not finished within `limit` seconds: the
    /// gate then reads them itself.
    func wait(limit: Double = 30) -> [String: [Stored]] {
        let deadline = Date(timeIntervalSinceNow: limit)
        condition.lock()
        defer { condition.unlock() }
        while stored == nil {
            if !condition.wait(until: deadline) { return stored ?? [:] }
        }
        return stored!
    }

    private static func read(gitDir: String, tree: ObjectID, folders: [String], skipping: Set<String>) -> [String: [Stored]] {
        guard let repo = try? GitRepository.open(gitDir) else { return [:] }
        let raw = RawHistory(repo: repo)
        var out: [String: [Stored]] = [:]
        for folder in folders {
            // A folder that is not there has no articles yet; one that cannot be read here is read
            // again by the gate through its own handle (articles it cannot read are skipped there too).
            guard case .success(let found) = Result(catching: { try subtree(folder, of: tree, in: raw) }) else { continue }
            guard let folderTree = found else {
                out[folder] = []
                continue
            }
            guard let listed = try? raw.changes(prefix: folder + "/", old: nil, new: folderTree).new else { continue }
            var articles: [Stored] = []
            for (path, blob) in listed.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".md") && !skipping.contains(path) {
                guard let blob else { continue }
                let parsed: Result<Article, GalleyError>
                do throws(GalleyError) {
                    let bytes: [UInt8]
                    do { bytes = try raw.blobBytes(blob) } catch { throw GalleyError.git(function: "git_blob_lookup", message: "\(error)") }
                    parsed = .success(try Checker.parse(bytes, path: path, strict: true).0)
                } catch {
                    parsed = .failure(error)
                }
                articles.append(Stored(path: path, parsed: parsed))
            }
            out[folder] = articles
        }
        return out
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
