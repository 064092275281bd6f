internal import Clibgit2

/// An object to write into a pack, with its id computed up front.
struct PackObject {
    enum Kind: UInt8 {
        case tree = 2, blob = 3

        var libgit2: git_object_t { self == .tree ? GIT_OBJECT_TREE : GIT_OBJECT_BLOB }
    }

    let type: Kind
    let data: [UInt8]
    let id: ObjectID
    /// The zlib stream of `data`, as the pack holds it.
    let compressed: [UInt8]

    init(type: Kind, data: [UInt8]) throws {
        LibGit2.ensure()
        var oid = git_oid()
        let bytes = data.isEmpty ? [0] : data
        let rc = bytes.withUnsafeBytes { raw in git_odb_hash(&oid, raw.baseAddress, data.count, type.libgit2) }
        guard rc == 0 else { throw GitFailure(code: rc, message: "cannot hash an object", function: "git_odb_hash") }
        self.type = type
        self.data = data
        id = ObjectID(oid)
        compressed = try GitRepository.deflate(data)
    }
}

extension GitRepository {
    /// Writes blobs as one undeltified pack through libgit2's pack indexer, instead of one loose file
    /// each: thousands of small notes per run would otherwise mean thousands of files. Returns their ids.
    func writeBlobsAsPack(_ blobs: [[UInt8]]) throws -> [ObjectID] {
        let objects = try blobs.map { try PackObject(type: .blob, data: $0) }
        try writePack(objects)
        return objects.map(\.id)
    }

    /// Writes objects as one undeltified pack through libgit2's pack indexer.
    func writePack(_ objects: [PackObject]) throws {
        var pack: [UInt8] = Array("PACK".utf8) + Self.bigEndian32(2) + Self.bigEndian32(UInt32(objects.count))
        for object in objects {
            // Object header: the type and the size, 4 bits then 7 bits per byte.
            var size = object.data.count
            var byte = object.type.rawValue << 4 | UInt8(size & 0x0f)
            size >>= 4
            while size > 0 {
                pack.append(byte | 0x80)
                byte = UInt8(size & 0x7f)
                size >>= 7
            }
            pack.append(byte)
            pack += object.compressed
        }
        var sha = SHA1()
        sha.update(pack)
        pack += sha.finish()

        var odb: OpaquePointer?
        try gitCheck(git_repository_odb(&odb, handle), "git_repository_odb")
        defer { git_odb_free(odb) }
        var writer: UnsafeMutablePointer<git_odb_writepack>?
        try gitCheck(git_odb_write_pack(&writer, odb, nil, nil), "git_odb_write_pack")
        guard let writer else { throw GitFailure(code: -1, message: "no writer", function: "git_odb_write_pack") }
        defer { writer.pointee.free(writer) }
        var progress = git_indexer_progress()
        _ = try pack.withUnsafeBytes { buffer in
            try gitCheck(writer.pointee.append(writer, buffer.baseAddress, buffer.count, &progress), "git_odb_writepack.append")
        }
        try gitCheck(writer.pointee.commit(writer, &progress), "git_odb_writepack.commit")
    }

    static func bigEndian32(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v)]
    }

    /// zlib stream of `data` at a fast level: notes are small and written once.
    static func deflate(_ data: [UInt8]) throws -> [UInt8] {
        var bound = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(bound))
        let rc = data.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                compress2(dst.baseAddress, &bound, src.baseAddress, uLong(data.count), 1)
            }
        }
        guard rc == Z_OK else { throw GitFailure(code: -1, message: "zlib error \(rc)", function: "compress2") }
        return Array(out[..<Int(bound)])
    }
}
