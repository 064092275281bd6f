internal import Clibgit2

/// An open libgit2 repository. Not `Sendable`: libgit2 handles belong to one thread.
final class GitRepository {
    let handle: OpaquePointer

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        git_repository_free(handle)
    }

    /// Opens the repository containing `path`, searching upward like git.
    static func discover(from path: String) throws -> GitRepository {
        LibGit2.ensure()
        var repo: OpaquePointer?
        try gitCheck(git_repository_open_ext(&repo, path, 0, nil), "git_repository_open_ext")
        return GitRepository(handle: repo!)
    }

    /// Opens exactly the repository at `path` (a work tree or a `.git` folder).
    static func open(_ path: String) throws -> GitRepository {
        LibGit2.ensure()
        var repo: OpaquePointer?
        try gitCheck(git_repository_open_ext(&repo, path, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil), "git_repository_open_ext")
        return GitRepository(handle: repo!)
    }

    /// Creates a non-bare repository whose unborn `HEAD` points at `branch`.
    static func create(at path: String, branch: String) throws -> GitRepository {
        LibGit2.ensure()
        var opts = git_repository_init_options()
        try gitCheck(git_repository_init_options_init(&opts, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)), "git_repository_init_options_init")
        opts.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_NO_REINIT.rawValue
        var repo: OpaquePointer?
        let rc = branch.withCString { head -> Int32 in
            opts.initial_head = head
            return git_repository_init_ext(&repo, path, &opts)
        }
        try gitCheck(rc, "git_repository_init_ext")
        return GitRepository(handle: repo!)
    }

    /// The work tree with a trailing slash, or nil for a bare repository.
    var workdir: String? {
        git_repository_workdir(handle).map { String(cString: $0) }
    }

    /// The `.git` folder, with a trailing slash.
    var gitDir: String { String(cString: git_repository_path(handle)) }

    /// The branch `HEAD` names (`refs/heads/main`), even while it is unborn.
    func headBranch() throws -> String? {
        var ref: OpaquePointer?
        try gitCheck(git_reference_lookup(&ref, handle, "HEAD"), "git_reference_lookup")
        defer { git_reference_free(ref) }
        guard git_reference_type(ref) == GIT_REFERENCE_SYMBOLIC, let target = git_reference_symbolic_target(ref) else { return nil }
        return String(cString: target)
    }

    /// The commit a direct reference points at, or nil when it does not exist.
    func referenceTarget(_ name: String) throws -> ObjectID? {
        var oid = git_oid()
        let rc = git_reference_name_to_id(&oid, handle, name)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try gitCheck(rc, "git_reference_name_to_id")
        return ObjectID(oid)
    }

    /// Resolves any revision expression libgit2 understands to a commit.
    func resolveCommit(_ spec: String) throws -> ObjectID {
        var obj: OpaquePointer?
        try gitCheck(git_revparse_single(&obj, handle, spec), "git_revparse_single")
        defer { git_object_free(obj) }
        var commit: OpaquePointer?
        try gitCheck(git_object_peel(&commit, obj, GIT_OBJECT_COMMIT), "git_object_peel")
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit).pointee)
    }

    func commit(_ id: ObjectID) throws -> CommitInfo {
        var oid = id.raw
        var commit: OpaquePointer?
        try gitCheck(git_commit_lookup(&commit, handle, &oid), "git_commit_lookup")
        defer { git_commit_free(commit) }
        var parents: [ObjectID] = []
        for i in 0..<git_commit_parentcount(commit) {
            if let p = ObjectID(git_commit_parent_id(commit, i)) { parents.append(p) }
        }
        let message = git_commit_message_raw(commit).map { String(decoding: bytesOfCString($0), as: UTF8.self) } ?? ""
        return CommitInfo(
            id: id, tree: ObjectID(git_commit_tree_id(commit).pointee), parents: parents,
            author: Signature(git_commit_author(commit)), committer: Signature(git_commit_committer(commit)),
            message: message)
    }

    /// The id of the blob at `path` in `tree`, or nil when there is none.
    func entry(at path: String, inTree tree: ObjectID) throws -> (id: ObjectID, isBlob: Bool)? {
        var treeOID = tree.raw
        var treePtr: OpaquePointer?
        try gitCheck(git_tree_lookup(&treePtr, handle, &treeOID), "git_tree_lookup")
        defer { git_tree_free(treePtr) }
        var entry: OpaquePointer?
        let rc = git_tree_entry_bypath(&entry, treePtr, path)
        if rc == GIT_ENOTFOUND.rawValue { return nil }
        try gitCheck(rc, "git_tree_entry_bypath")
        defer { git_tree_entry_free(entry) }
        return (ObjectID(git_tree_entry_id(entry).pointee), git_tree_entry_type(entry) == GIT_OBJECT_BLOB)
    }

    func blobID(at path: String, inTree tree: ObjectID) throws -> ObjectID? {
        guard let found = try entry(at: path, inTree: tree), found.isBlob else { return nil }
        return found.id
    }

    func blobData(_ id: ObjectID) throws -> [UInt8] {
        var oid = id.raw
        var blob: OpaquePointer?
        try gitCheck(git_blob_lookup(&blob, handle, &oid), "git_blob_lookup")
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: size))
    }

    func writeBlob(_ bytes: [UInt8]) throws -> ObjectID {
        var oid = git_oid()
        _ = try bytes.withUnsafeBytes { buffer in
            try gitCheck(git_blob_create_from_buffer(&oid, handle, buffer.baseAddress, buffer.count), "git_blob_create_from_buffer")
        }
        return ObjectID(oid)
    }

    /// Entries (name, id, is-tree) of the tree at `path` in `tree`, or empty when absent.
    func listTree(_ tree: ObjectID, path: String? = nil) throws -> [(name: String, id: ObjectID, isTree: Bool)] {
        var target = tree
        if let path {
            guard let found = try entry(at: path, inTree: tree), !found.isBlob else { return [] }
            target = found.id
        }
        var oid = target.raw
        var treePtr: OpaquePointer?
        try gitCheck(git_tree_lookup(&treePtr, handle, &oid), "git_tree_lookup")
        defer { git_tree_free(treePtr) }
        var out: [(String, ObjectID, Bool)] = []
        for i in 0..<git_tree_entrycount(treePtr) {
            guard let e = git_tree_entry_byindex(treePtr, i) else { continue }
            out.append((String(cString: git_tree_entry_name(e)), ObjectID(git_tree_entry_id(e).pointee), git_tree_entry_type(e) == GIT_OBJECT_TREE))
        }
        return out
    }
}

extension GitRepository {
    /// Names of the folders under `articles/` in a commit's tree that hold a file called `name`.
    func issueFolders(containing name: String, inTreeOf commit: ObjectID) throws -> [String] {
        let tree = try self.commit(commit).tree
        guard let articles = try entry(at: "articles", inTree: tree), !articles.isBlob else { return [] }
        var oid = articles.id.raw
        var top: OpaquePointer?
        try gitCheck(git_tree_lookup(&top, handle, &oid), "git_tree_lookup")
        defer { git_tree_free(top) }
        var out: [String] = []
        for i in 0..<git_tree_entrycount(top) {
            guard let folder = git_tree_entry_byindex(top, i), git_tree_entry_type(folder) == GIT_OBJECT_TREE else { continue }
            var sub: OpaquePointer?
            try gitCheck(git_tree_lookup(&sub, handle, git_tree_entry_id(folder)), "git_tree_lookup")
            defer { git_tree_free(sub) }
            if git_tree_entry_byname(sub, name) != nil { out.append(String(cString: git_tree_entry_name(folder))) }
        }
        return out
    }
}

/// What a commit says, copied out of libgit2.
struct CommitInfo: Sendable {
    let id: ObjectID
    let tree: ObjectID
    let parents: [ObjectID]
    let author: Signature
    let committer: Signature
    let message: String
}

func bytesOfCString(_ p: UnsafePointer<CChar>) -> [UInt8] {
    let length = strlenSafe(p)
    return p.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
}

private func strlenSafe(_ p: UnsafePointer<CChar>) -> Int {
    var n = 0
    while p[n] != 0 { n += 1 }
    return n
}
