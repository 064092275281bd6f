internal import Clibgit2

extension GitRepository {
    /// Commits reachable from `tip` along first parents, newest first.
    func firstParentCommits(from tip: ObjectID, limit: Int = Int.max) throws -> [ObjectID] {
        var walk: OpaquePointer?
        try gitCheck(git_revwalk_new(&walk, handle), "git_revwalk_new")
        defer { git_revwalk_free(walk) }
        // GIT_SORT_TIME alone mis-orders equal timestamps in 1.5; a first-parent walk needs no sort.
        try gitCheck(git_revwalk_sorting(walk, GIT_SORT_NONE.rawValue), "git_revwalk_sorting")
        try gitCheck(git_revwalk_simplify_first_parent(walk), "git_revwalk_simplify_first_parent")
        var start = tip.raw
        try gitCheck(git_revwalk_push(walk, &start), "git_revwalk_push")
        var out: [ObjectID] = []
        var oid = git_oid()
        while out.count < limit {
            let rc = git_revwalk_next(&oid, walk)
            if rc == GIT_ITEROVER.rawValue { break }
            try gitCheck(rc, "git_revwalk_next")
            out.append(ObjectID(oid))
        }
        return out
    }
}
