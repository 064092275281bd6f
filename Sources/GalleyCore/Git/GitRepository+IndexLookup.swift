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
            let path = index.path(i)[prefix.count...]
            i += 1
            guard let slash = path.firstIndex(of: UInt8(ascii: "/")) else { continue }
            let rest = path[(slash + 1)...]
            for (name, target) in zip(names, targets) where rest.starts(with: target)
                && (rest.count == target.count || rest[rest.startIndex + target.count] == UInt8(ascii: "/")) {
                let folder = String(decoding: path[..<slash], as: UTF8.self)
                if found[name]?.last != folder { found[name]?.append(folder) }
            }
        }
        return found
    }
}
