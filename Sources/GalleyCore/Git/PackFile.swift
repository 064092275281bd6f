internal import CGalleySupport
internal import Clibgit2
#if canImport(Glibc)
import Glibc
#endif

/// An object to store in a pack: its git type, id and uncompressed contents.
struct PackObject {
    enum Kind: UInt8 {
        case commit = 1, tree = 2, blob = 3
    }

    let kind: Kind
    let id: ObjectID
    let data: [UInt8]
    /// The content's length, kept when `data` is dropped (`withoutData`).
    let size: Int
    /// The CRC-32 of its pack entry (header and stream), when worked out ahead (on the thread that made the stream).
    private(set) var entryCRC: UInt32?

    init(kind: Kind, id: ObjectID, data: [UInt8]) {
        self.kind = kind
        self.id = id
        self.data = data
        size = data.count
    }

    private init(kind: Kind, id: ObjectID, size: Int) {
        self.kind = kind
        self.id = id
        data = []
        self.size = size
    }

    /// The object without its content, for when its zlib stream is kept to be packed instead: a
    /// run noting ten thousand versions then holds each note once, not twice. The entry's CRC is
    /// worked out now, from `stream`.
    func withoutData(packing stream: [UInt8]) -> PackObject {
        var stripped = PackObject(kind: kind, id: id, size: size)
        let header = Self.entryHeader(kind, size: size)
        let crc = header.withUnsafeBufferPointer { h in crc32(0, h.baseAddress, uInt(h.count)) }
        stripped.entryCRC = UInt32(stream.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) })
        return stripped
    }

    /// A pack entry's header: the type and the content's length, seven bits a byte after the first four.
    static func entryHeader(_ kind: Kind, size total: Int) -> [UInt8] {
        var size = total
        var out: [UInt8] = []
        var byte = kind.rawValue << 4 | UInt8(size & 0x0F)
        size >>= 4
        while size > 0 {
            out.append(byte | 0x80)
            byte = UInt8(size & 0x7F)
            size >>= 7
        }
        out.append(byte)
        return out
    }
}

extension GitRepository {
    /// Stores objects as one new pack, `objects/pack/pack-<checksum>.pack`, with its version-2 index:
    /// one file pair instead of a file per object, as `git fast-import` does. Objects are deflated at a
    /// fast level and not deltified; their ids must be right (they come from libgit2). The index is
    /// written last, so git and libgit2 see the pack whole or not at all. Returns the pack's name.
    /// `deflated` holds each object's zlib stream when already made (`Compressor`), in order.
    @discardableResult
    func storeAsPack(_ objects: [PackObject], deflated: [[UInt8]]? = nil) throws -> String? {
        guard !objects.isEmpty else { return nil }
        let streams = try deflated ?? {
            let compressor = Compressor()
            for object in objects { compressor.add(object.data) }
            return try compressor.finish()
        }()
        var seen: Set<ObjectID> = []
        seen.reserveCapacity(objects.count)
        // Commits, then trees, then blobs: the order a reader walks them.
        var ordered: [(PackObject, [UInt8])] = []
        ordered.reserveCapacity(objects.count)
        for kind in [PackObject.Kind.commit, .tree, .blob] {
            for i in objects.indices where objects[i].kind == kind && seen.insert(objects[i].id).inserted { ordered.append((objects[i], streams[i])) }
        }

        var pack: [UInt8] = Array("PACK".utf8) + Self.bigEndian32(2) + Self.bigEndian32(UInt32(ordered.count))
        pack.reserveCapacity(ordered.reduce(12) { $0 + $1.1.count + 8 })
        var entries: [(id: ObjectID, offset: UInt64, crc: UInt32)] = []
        entries.reserveCapacity(ordered.count)
        for (object, deflated) in ordered {
            let start = pack.count
            pack += PackObject.entryHeader(object.kind, size: object.size)
            pack.append(contentsOf: deflated)
            let crc = object.entryCRC ?? pack.withUnsafeBufferPointer { p in
                UInt32(crc32(0, p.baseAddress! + start, uInt(p.count - start)))
            }
            entries.append((object.id, UInt64(start), crc))
        }
        let packSum = Self.sha1(pack)
        pack += packSum

        // The index: fan-out table, sorted ids, CRCs, offsets (large ones in a second table), checksums.
        entries.sort { $0.id < $1.id }
        var idx: [UInt8] = [0xFF, 0x74, 0x4F, 0x63] + Self.bigEndian32(2)
        idx.reserveCapacity(1072 + entries.count * 28 + 40)
        var fanout = [UInt32](repeating: 0, count: 256)
        for e in entries { fanout[Int(e.id.firstByte)] += 1 }
        func append32(_ v: UInt32) { withUnsafeBytes(of: v.bigEndian) { idx.append(contentsOf: $0) } }
        var running: UInt32 = 0
        for i in 0..<256 {
            running += fanout[i]
            append32(running)
        }
        for e in entries { e.id.append(to: &idx) }
        for e in entries { append32(e.crc) }
        var large: [UInt64] = []
        for e in entries {
            if e.offset < 0x8000_0000 {
                append32(UInt32(e.offset))
            } else {
                append32(0x8000_0000 | UInt32(large.count))
                large.append(e.offset)
            }
        }
        for offset in large { withUnsafeBytes(of: offset.bigEndian) { idx.append(contentsOf: $0) } }
        idx += packSum
        idx += Self.sha1(idx)

        let dir = gitDir + "objects/pack/"
        try FileSystem.makeDirectories(String(dir.dropLast()))
        let name = "pack-" + ObjectID(bytes: packSum).hex
        try Self.writeReadOnly(dir, pack, as: name + ".pack")
        try Self.writeReadOnly(dir, idx, as: name + ".idx")
        return name
    }

    /// Writes a temporary file in `dir`, makes it read-only (as git does for packs), and renames it.
    static func writeReadOnly(_ dir: String, _ bytes: [UInt8], as name: String) throws {
        var template = Array((dir + "tmp_galley_XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw GitFailure(code: -1, message: "cannot create a file in \(dir): \(String(cString: strerror(errno)))", function: "mkstemp") }
        let tmp = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
        var ok = bytes.withUnsafeBytes { raw -> Bool in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                done += n
            }
            return true
        }
        ok = ok && fchmod(fd, 0o444) == 0
        close(fd)
        guard ok, rename(tmp, dir + name) == 0 else {
            let problem = String(cString: strerror(errno))
            unlink(tmp)
            throw GitFailure(code: -1, message: "cannot write \(dir + name): \(problem)", function: "storeAsPack")
        }
    }

    static func sha1(_ bytes: [UInt8]) -> [UInt8] {
        var sum = [UInt8](repeating: 0, count: 20)
        bytes.withUnsafeBytes { galley_sha1_once($0.baseAddress, $0.count, &sum) }
        return sum
    }
}
