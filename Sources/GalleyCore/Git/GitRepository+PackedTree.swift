internal import Clibgit2

/// A tree entry as git stores it.
struct RawTreeEntry {
    let name: String
    /// Octal mode as git writes it: `100644`, `100755`, `120000`, `40000`, `160000`.
    let mode: String
    let id: ObjectID

    var isTree: Bool { mode == "40000" }
}

extension GitRepository {
    /// Applies `removals` and new blobs (`blobs`: path and content) to `base` (nil: the empty tree),
    /// writing every new blob and tree into one pack. `updatedTree` writes each tree as a loose
    /// object, which costs a file per tree: hundreds for a fanned-out notes tree.
    /// Each blob comes with its zlib stream, made ahead (`NoteEncoder`).
    func updatedTreeAsPack(base: ObjectID?, removals: [String], blobs: [(path: String, object: PackObject, deflated: [UInt8])]) throws -> ObjectID {
        var objects: [PackObject] = []
        var streams: [[UInt8]] = []
        var changes: [String: ObjectID?] = [:]
        for path in removals { changes[path] = .some(nil) }
        for (path, object, deflated) in blobs {
            objects.append(object)
            streams.append(deflated)
            changes[path] = object.id
        }
        var trees: [PackObject] = []
        let root = try buildTree(base: base, changes: changes, objects: &trees) ?? PackObject(hashing: .tree, []).id
        // The empty root tree is the one object that may not be among `trees` yet.
        if !exists(root), !trees.contains(where: { $0.id == root }) { trees.append(try PackObject(hashing: .tree, [])) }
        let deflater = try Deflater(small: true)
        for tree in trees {
            objects.append(tree)
            streams.append(try deflater.deflate(tree.data))
        }
        guard !objects.isEmpty else { return root }
        try storeAsPackAndRefresh(objects, deflated: streams)
        return root
    }

    /// Stores the objects as one pack, then has libgit2 rescan the packs: it reads the new trees
    /// when the commit on top of them is made.
    func storeAsPackAndRefresh(_ objects: [PackObject], deflated: [[UInt8]]) throws {
        try storeAsPack(objects, deflated: deflated)
        var odb: OpaquePointer?
        try gitCheck(git_repository_odb(&odb, handle), "git_repository_odb")
        defer { git_odb_free(odb) }
        try gitCheck(git_odb_refresh(odb), "git_odb_refresh")
    }

    /// The new tree for `base` with `changes` (paths relative to it; nil removes), adding new trees to
    /// `objects`. Nil when the result is empty (git keeps no empty folders).
    private func buildTree(base: ObjectID?, changes: [String: ObjectID?], objects: inout [PackObject]) throws -> ObjectID? {
        var entries: [String: RawTreeEntry] = [:]
        if let base { for e in try rawEntries(base) { entries[e.name] = e } }
        var sub: [String: [String: ObjectID?]] = [:]
        for (path, id) in changes {
            if let slash = path.firstIndex(of: "/") {
                sub[String(path[..<slash]), default: [:]][String(path[path.index(after: slash)...])] = id
            } else if let id {
                entries[path] = RawTreeEntry(name: path, mode: "100644", id: id)
            } else {
                entries[path] = nil
            }
        }
        for (name, subChanges) in sub {
            let old = entries[name].flatMap { $0.isTree ? $0.id : nil }
            if let id = try buildTree(base: old, changes: subChanges, objects: &objects) {
                entries[name] = RawTreeEntry(name: name, mode: "40000", id: id)
            } else {
                entries[name] = nil
            }
        }
        guard !entries.isEmpty else { return nil }
        let tree = try PackObject(hashing: .tree, Self.serialize(Array(entries.values)))
        if tree.id != base { objects.append(tree) }
        return tree.id
    }

    /// Entries of a tree with their modes.
    func rawEntries(_ tree: ObjectID) throws -> [RawTreeEntry] {
        var oid = tree.raw
        var treePtr: OpaquePointer?
        try gitCheck(git_tree_lookup(&treePtr, handle, &oid), "git_tree_lookup")
        defer { git_tree_free(treePtr) }
        var out: [RawTreeEntry] = []
        for i in 0..<git_tree_entrycount(treePtr) {
            guard let e = git_tree_entry_byindex(treePtr, i) else { continue }
            let mode = String(git_tree_entry_filemode(e).rawValue, radix: 8)
            out.append(RawTreeEntry(name: String(cString: git_tree_entry_name(e)), mode: mode, id: ObjectID(git_tree_entry_id(e).pointee)))
        }
        return out
    }

    /// A tree object's content in git's order: names compared bytewise, a folder as if it ended in `/`.
    static func serialize(_ entries: [RawTreeEntry]) -> [UInt8] {
        let keyed = entries.map { (key: Array($0.name.utf8) + ($0.isTree ? [0x2F] : []), entry: $0) }
        var out: [UInt8] = []
        out.reserveCapacity(entries.count * 64)
        for (_, e) in keyed.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            out.append(contentsOf: e.mode.utf8)
            out.append(0x20)
            out.append(contentsOf: e.name.utf8)
            out.append(0)
            e.id.append(to: &out)
        }
        return out
    }
}
