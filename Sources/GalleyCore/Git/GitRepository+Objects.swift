internal import Clibgit2

extension GitRepository {
    /// True when the object database holds `id` (loose or packed).
    func exists(_ id: ObjectID) -> Bool {
        var odb: OpaquePointer?
        guard git_repository_odb(&odb, handle) == 0 else { return false }
        defer { git_odb_free(odb) }
        var oid = id.raw
        return git_odb_exists(odb, &oid) != 0
    }

    /// Stores `content` as an object of `type` (loose), returning its id.
    func writeObject(_ content: [UInt8], type: git_object_t) throws -> ObjectID {
        var odb: OpaquePointer?
        try gitCheck(git_repository_odb(&odb, handle), "git_repository_odb")
        defer { git_odb_free(odb) }
        var oid = git_oid()
        _ = try content.withUnsafeBytes { try gitCheck(git_odb_write(&oid, odb, $0.baseAddress, $0.count, type), "git_odb_write") }
        return ObjectID(oid)
    }

    /// Commits in `tips` minus those reachable from `hidden`, oldest first, each after its parents.
    func commits(reachableFrom tips: [ObjectID], hiding hidden: [ObjectID], firstParent: Bool) throws -> [ObjectID] {
        var walk: OpaquePointer?
        try gitCheck(git_revwalk_new(&walk, handle), "git_revwalk_new")
        defer { git_revwalk_free(walk) }
        try gitCheck(git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue), "git_revwalk_sorting")
        if firstParent { try gitCheck(git_revwalk_simplify_first_parent(walk), "git_revwalk_simplify_first_parent") }
        for tip in tips {
            var oid = tip.raw
            try gitCheck(git_revwalk_push(walk, &oid), "git_revwalk_push")
        }
        for h in hidden {
            var oid = h.raw
            try gitCheck(git_revwalk_hide(walk, &oid), "git_revwalk_hide")
        }
        var out: [ObjectID] = []
        var oid = git_oid()
        while true {
            let rc = git_revwalk_next(&oid, walk)
            if rc == GIT_ITEROVER.rawValue { break }
            try gitCheck(rc, "git_revwalk_next")
            out.append(ObjectID(oid))
        }
        return out
    }

    /// Blobs under `folder` of `tree` (recursively), keyed by path relative to the tree root.
    func blobs(under folder: String, inTree tree: ObjectID) throws -> [String: ObjectID] {
        guard let top = try entry(at: folder, inTree: tree), !top.isBlob else { return [:] }
        var out: [String: ObjectID] = [:]
        try collectBlobs(top.id, prefix: folder + "/", into: &out)
        return out
    }

    private func collectBlobs(_ tree: ObjectID, prefix: String, into out: inout [String: ObjectID]) throws {
        for e in try listTree(tree) {
            if e.isTree { try collectBlobs(e.id, prefix: prefix + e.name + "/", into: &out) } else { out[prefix + e.name] = e.id }
        }
    }

    /// The tree of a commit, without copying the rest of it out.
    func commitTree(_ id: ObjectID) throws -> ObjectID {
        var oid = id.raw
        var commit: OpaquePointer?
        try gitCheck(git_commit_lookup(&commit, handle, &oid), "git_commit_lookup")
        defer { git_commit_free(commit) }
        return ObjectID(git_commit_tree_id(commit).pointee)
    }

    /// The id of the tree at `path` in `tree`, nil when absent or not a tree.
    func subtree(_ path: String, inTree tree: ObjectID) throws -> ObjectID? {
        try entry(at: path, inTree: tree).flatMap { $0.isBlob ? nil : $0.id }
    }

    /// The raw content of an object of the given type, through libgit2's object database.
    func rawObject(_ id: ObjectID, expecting type: git_object_t) throws -> [UInt8] {
        var odb: OpaquePointer?
        try gitCheck(git_repository_odb(&odb, handle), "git_repository_odb")
        defer { git_odb_free(odb) }
        var oid = id.raw
        var object: OpaquePointer?
        try gitCheck(git_odb_read(&object, odb, &oid), "git_odb_read")
        defer { git_odb_object_free(object) }
        guard git_odb_object_type(object) == type else {
            throw GitFailure(code: -1, message: "\(id.hex) is not a \(String(cString: git_object_type2string(type)))", function: "git_odb_read")
        }
        let size = git_odb_object_size(object)
        guard size > 0, let data = git_odb_object_data(object) else { return [] }
        return Array(UnsafeRawBufferPointer(start: data, count: size))
    }
}
