#if canImport(Glibc)
import Glibc
#endif

extension GitRepository {
    /// Answers "which folders under `articles/` in `commit` hold an entry called `name`" from
    /// `.git/index` instead of the commit's trees, when the index's cached tree of `articles` is
    /// valid and is the commit's `articles` tree: then the index entries under `articles/` are
    /// exactly that tree's files (git's cache-tree invariant, which Galley's staging keeps). Returns
    /// nil when the index cannot tell; the caller reads the trees. Folders come in tree order.
    func issueFoldersFromIndex(inTreeOf commit: ObjectID) throws -> ((String) -> [String])? {
        let tree = try commitTree(commit)
        guard let articles = try entry(at: "articles", inTree: tree), !articles.isBlob,
              let (mapping, _) = Self.map(gitDir + "index")
        else { return nil }
        guard let index = IndexFile.parse(mapping), let cache = index.tree,
              let node = cache.node([Array("articles".utf8)]), cache.nodes[node].entryCount >= 0,
              cache.nodes[node].id == articles.id.bytes
        else {
            munmap(UnsafeMutableRawPointer(mutating: mapping.baseAddress), mapping.count)
            return nil
        }
        // Copy out the paths under articles/ (folder, rest) so the mapping can go.
        let prefix = Array("articles/".utf8)
        var entries: [(folder: [UInt8], rest: [UInt8])] = []
        var i = index.lowerBound(prefix)
        while i < index.count, index.hasPrefix(i, prefix) {
            let path = index.path(i)[prefix.count...]
            if let slash = path.firstIndex(of: UInt8(ascii: "/")) {
                entries.append((Array(path[..<slash]), Array(path[(slash + 1)...])))
            }
            i += 1
        }
        munmap(UnsafeMutableRawPointer(mutating: mapping.baseAddress), mapping.count)
        return { name in
            let target = Array(name.utf8)
            var folders: [String] = []
            for e in entries where e.rest.starts(with: target) && (e.rest.count == target.count || e.rest[target.count] == UInt8(ascii: "/")) {
                let folder = String(decoding: e.folder, as: UTF8.self)
                if folders.last != folder { folders.append(folder) }
            }
            return folders
        }
    }
}
