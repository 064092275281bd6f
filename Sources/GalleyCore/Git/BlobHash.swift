internal import Clibgit2

/// Git's id of an object's content, as `git hash-object` prints it, computed by libgit2 (SHA-1 with
/// collision detection), so content fingerprints need no hashing code of our own.
enum BlobHash {
    /// The id of `bytes` as an object of `type` (a blob unless said), or nil if libgit2 refuses.
    static func of(_ bytes: [UInt8], type: git_object_t = GIT_OBJECT_BLOB) -> ObjectID? {
        LibGit2.ensure()
        var oid = git_oid()
        // An empty array may have no base address; libgit2 wants a pointer even for zero bytes.
        let data = bytes.isEmpty ? [0] : bytes
        let rc = data.withUnsafeBytes { raw in git_odb_hash(&oid, raw.baseAddress, bytes.count, type) }
        return rc == 0 ? ObjectID(oid) : nil
    }
}
