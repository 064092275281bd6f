internal import Clibgit2
#if canImport(Glibc)
import Glibc
#endif

/// One path-based change to a tree: a blob to put at `path`, or a removal when `blob` is nil.
struct TreeUpdate {
    let path: String
    let blob: ObjectID?
}

extension GitRepository {
    /// Applies path-based updates to `base` (nil: the empty tree); intermediate trees are made as needed.
    func updatedTree(base: ObjectID?, updates: [TreeUpdate]) throws -> ObjectID {
        var baseTree: OpaquePointer?
        if let base {
            var oid = base.raw
            try gitCheck(git_tree_lookup(&baseTree, handle, &oid), "git_tree_lookup")
        }
        defer { git_tree_free(baseTree) }
        // Paths are handed to C as strdup'ed copies that outlive the array of updates.
        let cPaths = updates.map { strdup($0.path) }
        defer { cPaths.forEach { free($0) } }
        var cUpdates = updates.enumerated().map { i, u in
            git_tree_update(
                action: u.blob == nil ? GIT_TREE_UPDATE_REMOVE : GIT_TREE_UPDATE_UPSERT,
                id: u.blob?.raw ?? git_oid(), filemode: GIT_FILEMODE_BLOB, path: UnsafePointer(cPaths[i]))
        }
        var out = git_oid()
        // A NULL baseline means the empty tree: no stray empty tree object is written.
        try gitCheck(git_tree_create_updated(&out, handle, baseTree, cUpdates.count, &cUpdates), "git_tree_create_updated")
        return ObjectID(out)
    }

    /// Writes a commit object without moving any reference.
    func createCommit(tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature, message: String) throws -> ObjectID {
        var treeOID = tree.raw
        var treePtr: OpaquePointer?
        try gitCheck(git_tree_lookup(&treePtr, handle, &treeOID), "git_tree_lookup")
        defer { git_tree_free(treePtr) }
        var parentPtrs: [OpaquePointer?] = []
        defer { parentPtrs.forEach { git_commit_free($0) } }
        for parent in parents {
            var oid = parent.raw
            var p: OpaquePointer?
            try gitCheck(git_commit_lookup(&p, handle, &oid), "git_commit_lookup")
            parentPtrs.append(p)
        }
        var out = git_oid()
        try author.withGitSignature { a in
            try committer.withGitSignature { c in
                let count = parentPtrs.count
                _ = try parentPtrs.withUnsafeMutableBufferPointer { buffer in
                    // Encoding nil: git never writes an `encoding UTF-8` header.
                    try gitCheck(git_commit_create(&out, handle, nil, a, c, nil, message, treePtr, count, buffer.baseAddress), "git_commit_create")
                }
            }
        }
        return ObjectID(out)
    }

    /// Compare-and-swap of a branch: moves `name` to `target` only if it still points at `expected`
    /// (nil: only if it does not exist yet). Throws GIT_EMODIFIED / GIT_EEXISTS / GIT_ELOCKED on a race.
    func setReference(_ name: String, to target: ObjectID, expected: ObjectID?, log: String) throws {
        var newOID = target.raw
        var ref: OpaquePointer?
        defer { git_reference_free(ref) }
        if var old = expected?.raw {
            try gitCheck(git_reference_create_matching(&ref, handle, name, &newOID, 1, &old, log), "git_reference_create_matching")
        } else {
            try gitCheck(git_reference_create(&ref, handle, name, &newOID, 0, log), "git_reference_create")
        }
    }

    /// The user's configured identity (user.name / user.email), if any.
    func defaultSignature() -> Signature? {
        var sig: UnsafeMutablePointer<git_signature>?
        guard git_signature_default(&sig, handle) == 0, let sig else { return nil }
        defer { git_signature_free(sig) }
        return Signature(sig)
    }
}
