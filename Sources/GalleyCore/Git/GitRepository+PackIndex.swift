internal import Clibgit2
#if canImport(Glibc)
import Glibc
#endif

extension GitRepository {
    /// Writes `objects` as one pack with its version-2 index straight into `objects/pack/`, then lets
    /// libgit2 see it. libgit2's indexer would inflate and re-hash every object to learn what the
    /// writer already knows (ids, offsets, CRCs); for thousands of notes that is most of the cost.
    func writePackWithIndex(_ objects: [PackObject]) throws {
        var pack: [UInt8] = Array("PACK".utf8) + Self.bigEndian32(2) + Self.bigEndian32(UInt32(objects.count))
        var entries: [(id: ObjectID, offset: Int, crc: UInt32)] = []
        entries.reserveCapacity(objects.count)
        for object in objects {
            let start = pack.count
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
            let crc = pack[start...].withUnsafeBufferPointer { p in crc32(0, p.baseAddress, uInt(p.count)) }
            entries.append((object.id, start, UInt32(crc)))
        }
        var sha = SHA1()
        sha.update(pack)
        let checksum = sha.finish()
        pack += checksum

        entries.sort { $0.id.bytes.lexicographicallyPrecedes($1.id.bytes) }
        var index: [UInt8] = [0xFF, 0x74, 0x4F, 0x63] + Self.bigEndian32(2)
        var fanout = [UInt32](repeating: 0, count: 256)
        for e in entries { fanout[Int(e.id.bytes[0])] += 1 }
        var running: UInt32 = 0
        for i in 0..<256 {
            running += fanout[i]
            index += Self.bigEndian32(running)
        }
        for e in entries { index += e.id.bytes }
        for e in entries { index += Self.bigEndian32(e.crc) }
        var large: [UInt8] = []
        for e in entries {
            if e.offset < 0x8000_0000 {
                index += Self.bigEndian32(UInt32(e.offset))
            } else {
                index += Self.bigEndian32(0x8000_0000 | UInt32(large.count / 8))
                large += Self.bigEndian32(UInt32(e.offset >> 32)) + Self.bigEndian32(UInt32(truncatingIfNeeded: e.offset))
            }
        }
        index += large + checksum
        var indexSHA = SHA1()
        indexSHA.update(index)
        index += indexSHA.finish()

        // The pack first, then its index: readers find packs through their .idx files.
        let folder = gitDir + "objects/pack/"
        let name = folder + "pack-" + checksum.map { String(format2: $0) }.joined()
        try Self.writeFile(name + ".pack", pack, temporary: folder + "tmp_pack_galley")
        try Self.writeFile(name + ".idx", index, temporary: folder + "tmp_idx_galley")
        var odb: OpaquePointer?
        try gitCheck(git_repository_odb(&odb, handle), "git_repository_odb")
        defer { git_odb_free(odb) }
        try gitCheck(git_odb_refresh(odb), "git_odb_refresh")
    }

    /// Writes `bytes` to a temporary file next to `path`, then renames it into place, read-only as git keeps packs.
    private static func writeFile(_ path: String, _ bytes: [UInt8], temporary: String) throws {
        let tmp = temporary + "_\(getpid())"
        let fd = Glibc.open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o444)
        guard fd >= 0 else { throw GitFailure(code: -1, message: "cannot create \(tmp): errno \(errno)", function: "open") }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else {
                close(fd)
                unlink(tmp)
                throw GitFailure(code: -1, message: "cannot write \(tmp): errno \(errno)", function: "write")
            }
            written += n
        }
        close(fd)
        guard rename(tmp, path) == 0 else {
            unlink(tmp)
            throw GitFailure(code: -1, message: "cannot rename \(tmp): errno \(errno)", function: "rename")
        }
    }
}

extension String {
    /// Two lowercase hexadecimal digits.
    init(format2 byte: UInt8) {
        let digits = Array("0123456789abcdef")
        self = String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
    }
}
