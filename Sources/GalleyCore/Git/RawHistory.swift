internal import Clibgit2
#if canImport(Glibc)
import Glibc
#endif

/// History read from raw objects, for `check --each` and first versions: the first-parent chain
/// with each commit's tree, and tree diffs that merge two trees' entries in git's order instead of looking names up.
/// Objects come from the pack and loose-object readers where they can, from libgit2 where they
/// cannot (alternates, damage).
final class RawHistory {
    private let repo: GitRepository
    private let packs: PackReader?
    private let loose: LooseObjectReader?
    private var recent: [ObjectID: TreeEntries] = [:]
    private var older: [ObjectID: TreeEntries] = [:]

    /// `repo` is a handle of the calling thread's own, and so is `packs` (opened here when not given).
    init(repo: GitRepository, packs: PackReader? = nil) {
        self.repo = repo
        self.packs = packs ?? PackReader(objectsDirectory: repo.gitDir + "objects")
        loose = LooseObjectReader(objectsDirectory: repo.gitDir + "objects")
    }

    /// The tree a commit points to.
    func commitTree(_ commit: ObjectID) throws -> ObjectID {
        try header(of: commit).tree
    }

    /// A commit's tree and first parent: a commit starts with "tree <hex>\n", then "parent <hex>\n" lines.
    func header(of commit: ObjectID) throws -> (tree: ObjectID, parent: ObjectID?) {
        let data = try packs?.commitStart(commit, length: 94) ?? read(commit, expecting: .commit)
        func id(after label: StaticString, at start: Int) -> ObjectID? {
            let hexStart = start + label.utf8CodeUnitCount
            guard data.count > hexStart + 40, data[hexStart + 40] == 0x0A else { return nil }
            return data.withUnsafeBytes { bytes in
                guard memcmp(bytes.baseAddress! + start, label.utf8Start, label.utf8CodeUnitCount) == 0 else { return nil }
                return ObjectID(hexDigits: UnsafeRawBufferPointer(rebasing: bytes[hexStart..<hexStart + 40]))
            }
        }
        guard let tree = id(after: "tree ", at: 0) else {
            throw GitFailure(code: -1, message: "commit \(commit.hex) does not start with its tree", function: "commit")
        }
        return (tree, id(after: "parent ", at: 46))
    }

    /// The first-parent chain ending at `tip`, oldest first, with each commit's tree.
    func firstParentChain(to tip: ObjectID) throws -> [(commit: ObjectID, tree: ObjectID)] {
        var out: [(commit: ObjectID, tree: ObjectID)] = []
        var next: ObjectID? = tip
        while let commit = next {
            let (tree, parent) = try header(of: commit)
            out.append((commit, tree))
            next = parent
        }
        out.reverse()
        return out
    }

    /// The subtree `name` of `tree`, nil when absent or not a tree.
    func subtree(_ name: String, of tree: ObjectID) throws -> ObjectID? {
        try entry(Array(name.utf8), in: tree, isTree: true)
    }

    /// The blob of `path` in its first version on the first-parent chain ending at `commit`: the
    /// walk goes back while the file is there. `known` answers for a commit already worked out.
    func firstBlob(at path: String, from commit: ObjectID, known: (ObjectID) -> ObjectID?) throws -> ObjectID? {
        let parts = path.split(separator: "/").map { Array($0.utf8) }
        guard let name = parts.last else { return nil }
        var found: ObjectID?
        var lastFolder: ObjectID?
        var next: ObjectID? = commit
        while let current = next {
            if let answer = known(current) { return answer }
            let (tree, parent) = try header(of: current)
            var folder: ObjectID? = tree
            for part in parts.dropLast() { folder = try folder.flatMap { try entry(part, in: $0, isTree: true) } }
            guard let folder else { return found }
            // The folder's tree unchanged: so is the file.
            if folder != lastFolder {
                guard let blob = try entry(name, in: folder, isTree: false) else { return found }
                found = blob
                lastFolder = folder
            }
            turnOver()
            next = parent
        }
        return found
    }

    private func entry(_ name: [UInt8], in tree: ObjectID, isTree: Bool) throws -> ObjectID? {
        try self.tree(tree).find(name, isTree: isTree)
    }

    /// A blob's content.
    func blobBytes(_ id: ObjectID) throws -> [UInt8] {
        try read(id, expecting: .blob)
    }

    /// Changed blobs between two trees (either may be absent), keyed by `prefix` + path: `new` holds the
    /// new blob (nil for deleted), `old` the blob a changed path had in the old tree (absent for added ones).
    func changes(prefix: String, old: ObjectID?, new: ObjectID?) throws -> (new: [String: ObjectID?], old: [String: ObjectID]) {
        var out: [String: ObjectID?] = [:]
        var before: [String: ObjectID] = [:]
        try diff(old, new, prefix: prefix, into: &out, before: &before)
        turnOver()
        return (out, before)
    }

    private func diff(_ old: ObjectID?, _ new: ObjectID?, prefix: String, into out: inout [String: ObjectID?],
                      before: inout [String: ObjectID]) throws
    {
        guard old != new else { return }
        let a = try old.map(tree) ?? TreeEntries.empty
        let b = try new.map(tree) ?? TreeEntries.empty
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, TreeEntries.same(a, i, b, j) {
                i += 1
                j += 1
                continue
            }
            let order = i == a.count ? 1 : j == b.count ? -1 : TreeEntries.order(a, i, b, j)
            if order == 0 {
                if a.id(i) != b.id(j) {
                    let path = prefix + b.name(j)
                    if b.isTree(j) {
                        try diff(a.id(i), b.id(j), prefix: path + "/", into: &out, before: &before)
                    } else {
                        out[path] = b.id(j)
                        before[path] = a.id(i)
                    }
                }
                i += 1
                j += 1
            } else if order < 0 {
                // Only in the old tree: deleted.
                let path = prefix + a.name(i)
                if a.isTree(i) {
                    try diff(a.id(i), nil, prefix: path + "/", into: &out, before: &before)
                } else {
                    out[path] = .some(nil)
                    before[path] = a.id(i)
                }
                i += 1
            } else {
                let path = prefix + b.name(j)
                if b.isTree(j) { try diff(nil, b.id(j), prefix: path + "/", into: &out, before: &before) } else { out[path] = b.id(j) }
                j += 1
            }
        }
    }

    /// A parsed tree; the trees of the last two diffs stay parsed, since each commit's new trees
    /// are the next commit's old ones.
    private func tree(_ id: ObjectID) throws -> TreeEntries {
        if let t = recent[id] ?? older[id] { return t }
        let t = try TreeEntries(read(id, expecting: .tree), id: id)
        recent[id] = t
        return t
    }

    /// Starts a new generation of the parsed-tree cache (call once per commit).
    private func turnOver() {
        older = recent
        recent = [:]
    }

    private func read(_ id: ObjectID, expecting kind: PackReader.Kind) throws -> [UInt8] {
        if let object = packs?.read(id) ?? loose?.read(id) {
            guard object.kind == kind else { throw GitFailure(code: -1, message: "\(id.hex) is not a \(kind)", function: "read") }
            return object.data
        }
        return try repo.rawObject(id, expecting: kind == .tree ? GIT_OBJECT_TREE : kind == .commit ? GIT_OBJECT_COMMIT : GIT_OBJECT_BLOB)
    }
}

/// The entries of a raw tree object: `<mode> <name>\0<20-byte id>`, in git's order.
private final class TreeEntries: Sendable {
    /// The entry `name` of that kind; as libgit2's blob lookup, a submodule entry is no file version.
    func find(_ name: [UInt8], isTree: Bool) -> ObjectID? {
        for i in 0..<count where self.isTree(i) == isTree && !isGitlink(i) && nameEquals(i, name) { return id(i) }
        return nil
    }

    static let empty = TreeEntries()

    private struct Entry: Sendable {
        /// Where the mode starts, where the name starts and ends (the id follows the NUL).
        let start: Int
        let name: Int
        let nameEnd: Int
        let isTree: Bool
        /// Mode 160000: a submodule's commit, not a file's content.
        let isGitlink: Bool
    }

    private let data: [UInt8]
    private let entries: [Entry]

    private init() {
        data = []
        entries = []
    }

    init(_ data: [UInt8], id: ObjectID) throws {
        self.data = data
        let parsed: [Entry]? = data.withUnsafeBufferPointer { bytes in
            var out: [Entry] = []
            out.reserveCapacity(bytes.count / 40 + 1)
            var i = 0
            while i < bytes.count {
                let start = i
                while i < bytes.count, bytes[i] != 0x20 { i += 1 }
                let name = i + 1
                i = name
                while i < bytes.count, bytes[i] != 0 { i += 1 }
                guard name > start + 1, i + 21 <= bytes.count else { return nil }
                // Mode 40000: a subtree (gitlinks and symlinks count as files, as libgit2's blobs do).
                out.append(Entry(start: start, name: name, nameEnd: i, isTree: name - start == 6 && bytes[start] == 0x34 && bytes[start + 1] == 0x30,
                                 isGitlink: name - start == 7 && bytes[start] == 0x31 && bytes[start + 1] == 0x36))
                i += 21
            }
            return out
        }
        guard let parsed else { throw GitFailure(code: -1, message: "tree \(id.hex) is malformed", function: "tree") }
        entries = parsed
    }

    var count: Int { entries.count }
    func isTree(_ i: Int) -> Bool { entries[i].isTree }
    func isGitlink(_ i: Int) -> Bool { entries[i].isGitlink }
    func id(_ i: Int) -> ObjectID { data.withUnsafeBytes { ObjectID(raw: $0.baseAddress! + entries[i].nameEnd + 1) } }
    func name(_ i: Int) -> String { String(decoding: data[entries[i].name..<entries[i].nameEnd], as: UTF8.self) }

    func nameEquals(_ i: Int, _ bytes: [UInt8]) -> Bool {
        entries[i].nameEnd - entries[i].name == bytes.count && data[entries[i].name..<entries[i].nameEnd].elementsEqual(bytes)
    }

    /// Same mode, name and id: nothing changed there.
    static func same(_ a: TreeEntries, _ i: Int, _ b: TreeEntries, _ j: Int) -> Bool {
        let x = a.entries[i]
        let y = b.entries[j]
        let length = x.nameEnd + 21 - x.start
        guard y.nameEnd + 21 - y.start == length else { return false }
        return a.data.withUnsafeBytes { p in b.data.withUnsafeBytes { q in memcmp(p.baseAddress! + x.start, q.baseAddress! + y.start, length) == 0 } }
    }

    /// Git's tree order: names compared bytewise, a tree's name as if it ended in "/".
    static func order(_ a: TreeEntries, _ i: Int, _ b: TreeEntries, _ j: Int) -> Int {
        let x = a.entries[i]
        let y = b.entries[j]
        let la = x.nameEnd - x.name
        let lb = y.nameEnd - y.name
        let common = min(la, lb)
        let c = a.data.withUnsafeBytes { p in b.data.withUnsafeBytes { q in memcmp(p.baseAddress! + x.name, q.baseAddress! + y.name, common) } }
        if c != 0 { return c < 0 ? -1 : 1 }
        let u: UInt8 = la > common ? a.data[x.name + common] : x.isTree ? 0x2F : 0
        let v: UInt8 = lb > common ? b.data[y.name + common] : y.isTree ? 0x2F : 0
        return u == v ? 0 : u < v ? -1 : 1
    }
}
