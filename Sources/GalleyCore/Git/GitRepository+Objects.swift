internal import Clibgit2

extension GitRepository {
    /// The blob id `bytes` would have, without writing anything.
    static func blobHash(_ bytes: [UInt8]) throws -> ObjectID {
        LibGit2.ensure()
        var oid = git_oid()
        _ = try bytes.withUnsafeBytes { buffer in
            try gitCheck(git_odb_hash(&oid, buffer.baseAddress, buffer.count, GIT_OBJECT_BLOB), "git_odb_hash")
        }
        return ObjectID(oid)
    }

    /// True when the object database holds `id` (loose or packed).
    func exists(_ id: ObjectID) -> Bool {
        var odb: OpaquePointer?
        guard git_repository_odb(&odb, handle) == 0 else { return false }
        defer { git_odb_free(odb) }
        var oid = id.raw
        return git_odb_exists(odb, &oid) != 0
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

    /// Paths under `folder` whose blob differs between two trees (nil blob: deleted), comparing only
    /// the subtrees whose ids differ.
    func changedBlobs(under folder: String, from old: ObjectID?, to new: ObjectID) throws -> [String: ObjectID?] {
        let oldTop = try old.flatMap { try entry(at: folder, inTree: $0) }
        let newTop = try entry(at: folder, inTree: new)
        var out: [String: ObjectID?] = [:]
        try diffTrees(oldTop.flatMap { $0.isBlob ? nil : $0.id }, newTop.flatMap { $0.isBlob ? nil : $0.id },
                      prefix: folder + "/", into: &out)
        return out
    }

    private func diffTrees(_ a: ObjectID?, _ b: ObjectID?, prefix: String, into out: inout [String: ObjectID?]) throws {
        if a == b { return }
        var left: [String: (ObjectID, Bool)] = [:]
        if let a { for e in try listTree(a) { left[e.name] = (e.id, e.isTree) } }
        var seen: Set<String> = []
        if let b {
            for e in try listTree(b) {
                seen.insert(e.name)
                let l = left[e.name]
                if l?.0 == e.id { continue }
                if e.isTree {
                    try diffTrees(l?.1 == true ? l?.0 : nil, e.id, prefix: prefix + e.name + "/", into: &out)
                    if let l, !l.1 { out[prefix + e.name] = .some(nil) }
                } else {
                    out[prefix + e.name] = e.id
                    if let l, l.1 { try diffTrees(l.0, nil, prefix: prefix + e.name + "/", into: &out) }
                }
            }
        }
        for (name, l) in left where !seen.contains(name) {
            if l.1 { try diffTrees(l.0, nil, prefix: prefix + name + "/", into: &out) } else { out[prefix + name] = .some(nil) }
        }
    }
}
