internal import CGalleySupport
internal import Clibgit2

/// Objects written in memory and stored together as one pack.
///
/// The batch has its own handle on the repository, whose object database has libgit2's in-memory
/// backend (mempack) in front: blobs, trees and commits written through it stay in memory, while
/// everything already on disk is read as usual. `store` writes what the batch made as one pack
/// (`storeAsPack`), so a bulk import creates two files instead of one per object.
final class ObjectBatch {
    /// The handle to write through (reads see disk and memory).
    let repo: GitRepository
    private let odb: OpaquePointer
    /// The object database without automatic pack rescans, when the repository has no alternates.
    private let quiet: OpaquePointer?
    /// Made since the last `store`, in order.
    private var pending: [PackObject] = []
    private var known: Set<ObjectID> = []
    /// Deflates `pending` in the background as it grows.
    private let compressor = Compressor()

    init(path: String) throws {
        repo = try GitRepository.open(path)
        let objects = repo.gitDir + "objects"
        if !FileSystem.exists(objects + "/info/alternates") {
            // Memory in front of the repository's own packs and loose objects, without the pack
            // folder rescan libgit2 does before writing each new object (`galley_batch_odb_new`).
            var batch: OpaquePointer?
            try gitCheck(galley_batch_odb_new(&batch, objects), "galley_batch_odb_new")
            quiet = batch
            odb = OpaquePointer(galley_batch_odb_get(batch))
            do {
                try gitCheck(git_repository_set_odb(repo.handle, odb), "git_repository_set_odb")
            } catch {
                galley_batch_odb_free(batch)
                throw error
            }
            return
        }
        quiet = nil
        var odb: OpaquePointer?
        try gitCheck(git_repository_odb(&odb, repo.handle), "git_repository_odb")
        var backend: OpaquePointer?
        do {
            try gitCheck(git_mempack_new(&backend), "git_mempack_new")
            // Highest priority: writes go to memory (libgit2 skips writing objects already on disk).
            try gitCheck(git_odb_add_backend(odb, backend, 999), "git_odb_add_backend")
        } catch {
            git_odb_free(odb)
            throw error
        }
        self.odb = odb!
    }

    deinit {
        if let quiet { galley_batch_odb_free(quiet) } else { git_odb_free(odb) }
    }

    /// Looks for packs another writer added (the batch's object database does not by itself).
    func refresh() throws {
        if let quiet { try gitCheck(galley_batch_odb_refresh(quiet), "git_odb_refresh") } else { try gitCheck(git_odb_refresh(odb), "git_odb_refresh") }
    }

    /// Writes a blob into memory; returns its id.
    func writeBlob(_ bytes: [UInt8]) throws -> ObjectID {
        let id = try repo.writeBlob(bytes)
        if known.insert(id).inserted { append(PackObject(kind: .blob, id: id, data: bytes)) }
        return id
    }

    /// Records a commit made through `repo` with `git_tree_create_updated` from `base` (the parent's
    /// tree) at `paths`: the commit and the trees it brought, which are the folders on those paths
    /// whose tree differs from `base`'s at the same place (the updated tree makes no others).
    func record(commit: ObjectID, tree: ObjectID, base: ObjectID?, paths: [String]) throws {
        var folders: Set<String> = []
        for path in paths {
            var end = path.lastIndex(of: "/")
            while let e = end {
                folders.insert(String(path[..<e]))
                end = path[..<e].lastIndex(of: "/")
            }
        }
        if tree != base { try add(.tree, tree) }
        for folder in folders {
            guard let new = try repo.subtree(folder, inTree: tree) else { continue }
            let old = try base.flatMap { try repo.subtree(folder, inTree: $0) }
            if new != old { try add(.tree, new) }
        }
        try add(.commit, commit)
    }

    private func add(_ kind: PackObject.Kind, _ id: ObjectID) throws {
        if known.insert(id).inserted { append(PackObject(kind: kind, id: id, data: try read(id))) }
    }

    private func append(_ object: PackObject) {
        pending.append(object)
        compressor.add(object.data)
    }

    /// An object's raw contents, from memory or disk.
    private func read(_ id: ObjectID) throws -> [UInt8] {
        var oid = id.raw
        var object: OpaquePointer?
        try gitCheck(git_odb_read(&object, odb, &oid), "git_odb_read")
        defer { git_odb_object_free(object) }
        let size = git_odb_object_size(object)
        guard size > 0, let data = git_odb_object_data(object) else { return [] }
        return Array(UnsafeRawBufferPointer(start: data, count: size))
    }

    /// Writes what was made since the last call as one pack into `target`'s object database.
    func store(into target: GitRepository) throws {
        guard !pending.isEmpty else { return }
        try target.storeAsPack(pending, deflated: try compressor.finish())
        pending = []
    }
}
