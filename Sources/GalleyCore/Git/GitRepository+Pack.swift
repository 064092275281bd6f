internal import Clibgit2

extension PackObject {
    /// An object whose id libgit2 computes from its type and contents.
    init(hashing kind: Kind, _ data: [UInt8]) throws {
        let type: git_object_t = kind == .tree ? GIT_OBJECT_TREE : kind == .commit ? GIT_OBJECT_COMMIT : GIT_OBJECT_BLOB
        guard let id = BlobHash.of(data, type: type) else { throw GitFailure(code: -1, message: "cannot hash an object", function: "git_odb_hash") }
        self.init(kind: kind, id: id, data: data)
    }
}

extension GitRepository {
    static func bigEndian32(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v)]
    }
}
