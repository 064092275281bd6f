#if canImport(Glibc)
import Glibc
#endif

extension GitRepository {
    /// Answers "which folders under `articles/` in `commit` hold an entry called `name`" for each of
    /// `names`, from `.git/index` instead of the commit's trees, when the index's cached tree of
    /// `articles` is valid and is the commit's `articles` tree: then the index entries under
    /// `articles/` are exactly that tree's files (git's cache-tree invariant, which Galley's staging
    /// keeps). Returns nil when the index cannot tell; the caller reads the trees. Folders come in
    /// tree order. Like git, this reads the index without verifying its checksum.
    func issueFoldersFromIndex(containing names: [String], inTreeOf commit: ObjectID) throws -> [String: [String]]? {
        let tree = try commitTree(commit)
        guard let articles = try entry(at: "articles", inTree: tree), !articles.isBlob,
              let (mapping, _) = Self.map(gitDir + "index")
        else { return nil }
        defer { munmap(UnsafeMutableRawPointer(mutating: mapping.baseAddress), mapping.count) }
        guard let index = IndexFile.parse(mapping, verify: false), let cache = index.tree,
              let node = cache.node([Array("articles".utf8)]), cache.nodes[node].entryCount >= 0,
              cache.nodes[node].id == articles.id.bytes
        else { return nil }
        let prefix = Array("articles/".utf8)
        let targets = names.map { Array($0.utf8) }
        var found: [String: [String]] = [:]
        for name in names { found[name] = [] }
        var i = index.lowerBound(prefix)
        while i < index.count, index.hasPrefix(i, prefix) {
            // Looked at in place: `articles/<folder>/<rest>`.
            let start = index.base + index.pathStart(i) + prefix.count
            let length = index.pathLength(i) - prefix.count
            i += 1
            guard let hit = memchr(start, 0x2F, length) else { continue }
            let slash = UnsafeRawPointer(hit) - UnsafeRawPointer(start)
            let restLength = length - slash - 1
            for (name, target) in zip(names, targets) where restLength >= target.count
                && (restLength == target.count || start[slash + 1 + target.count] == UInt8(ascii: "/"))
                && memcmp(start + slash + 1, target, target.count) == 0 {
                let folder = String(decoding: UnsafeBufferPointer(start: start, count: slash), as: UTF8.self)
                if found[name]?.last != folder { found[name]?.append(folder) }
            }
        }
        return found
    }
}
