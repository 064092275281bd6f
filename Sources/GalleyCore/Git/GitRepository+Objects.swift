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

    /// The blob at `path` in the oldest commit of the unbroken first-parent chain from `commit`
    /// that holds the path: an article's first revision. Nil when `commit` lacks the path.
    ///
    /// Each step reads only the commit's tree and first parent (not its message or signatures), and
    /// looks the path up again only where the tree changed: a commit with its parent's tree holds
    /// the same blob there.
    func firstBlob(at path: String, from commit: ObjectID) throws -> ObjectID? {
        var current = commit
        var found: ObjectID?
        var lastTree: ObjectID?
        while true {
            var oid = current.raw
            var object: OpaquePointer?
            try gitCheck(git_commit_lookup(&object, handle, &oid), "git_commit_lookup")
            let tree = ObjectID(git_commit_tree_id(object).pointee)
            let parent = git_commit_parentcount(object) > 0 ? ObjectID(git_commit_parent_id(object, 0)) : nil
            git_commit_free(object)
            if tree != lastTree {
                guard let blob = try blobID(at: path, inTree: tree) else { return found }
                found = blob
                lastTree = tree
            }
            guard let parent else { return found }
            current = parent
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

    /// Changed blobs between two trees (either may be absent), their paths starting with `prefix`.
    func changedBlobs(prefix: String, old oldTop: ObjectID?, new newTop: ObjectID?) throws -> [String: ObjectID?] {
        var out: [String: ObjectID?] = [:]
        guard oldTop != newTop else { return out }
        let a = try oldTop.map(lookupTree)
        let b = try newTop.map(lookupTree)
        defer {
            git_tree_free(a ?? nil)
            git_tree_free(b ?? nil)
        }
        try diffTrees(a ?? nil, b ?? nil, prefix: prefix, into: &out)
        return out
    }

    private func lookupTree(_ id: ObjectID) throws -> OpaquePointer? {
        var oid = id.raw
        var tree: OpaquePointer?
        try gitCheck(git_tree_lookup(&tree, handle, &oid), "git_tree_lookup")
        return tree
    }

    private func diffTrees(_ a: OpaquePointer?, _ b: OpaquePointer?, prefix: String, into out: inout [String: ObjectID?]) throws {
        if let b {
            for i in 0..<git_tree_entrycount(b) {
                guard let e = git_tree_entry_byindex(b, i) else { continue }
                let name = git_tree_entry_name(e)!
                let old = a.flatMap { git_tree_entry_byname($0, name) }
                if let old, git_oid_equal(git_tree_entry_id(old), git_tree_entry_id(e)) != 0 { continue }
                let path = prefix + String(cString: name)
                let isTree = git_tree_entry_type(e) == GIT_OBJECT_TREE
                let oldIsTree = old.map { git_tree_entry_type($0) == GIT_OBJECT_TREE } ?? false
                if isTree {
                    let sub = try lookupTree(ObjectID(git_tree_entry_id(e).pointee))
                    defer { git_tree_free(sub) }
                    let oldSub = try oldIsTree ? lookupTree(ObjectID(git_tree_entry_id(old!).pointee)) : nil
                    defer { git_tree_free(oldSub) }
                    try diffTrees(oldSub, sub, prefix: path + "/", into: &out)
                    if old != nil && !oldIsTree { out[path] = .some(nil) }
                } else {
                    out[path] = ObjectID(git_tree_entry_id(e).pointee)
                    if oldIsTree {
                        let oldSub = try lookupTree(ObjectID(git_tree_entry_id(old!).pointee))
                        defer { git_tree_free(oldSub) }
                        try diffTrees(oldSub, nil, prefix: path + "/", into: &out)
                    }
                }
            }
        }
        guard let a else { return }
        for i in 0..<git_tree_entrycount(a) {
            guard let e = git_tree_entry_byindex(a, i), let name = git_tree_entry_name(e) else { continue }
            if let b, git_tree_entry_byname(b, name) != nil { continue }
            let path = prefix + String(cString: name)
            if git_tree_entry_type(e) == GIT_OBJECT_TREE {
                let sub = try lookupTree(ObjectID(git_tree_entry_id(e).pointee))
                defer { git_tree_free(sub) }
                try diffTrees(sub, nil, prefix: path + "/", into: &out)
            } else {
                out[path] = .some(nil)
            }
        }
    }
}
