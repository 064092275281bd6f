internal import CGalleySupport
#if canImport(Glibc)
import Glibc
#endif

/// Objects read straight from a repository's pack files (index v2), for walks that read tens of
/// thousands of trees: through libgit2 each read takes its process-wide pack locks, which a second
/// thread reading blobs at the same time then waits on, and parses more than a walk needs.
///
/// One reader per thread. It only reads: an object it cannot find or decode (loose, in an
/// alternate, a pack written after it opened, a damaged entry) is nil, and the caller asks
/// libgit2, which also reports any real damage properly.
final class PackReader {
    enum Kind: UInt8 {
        case commit = 1, tree = 2, blob = 3, tag = 4
    }

    struct Object {
        let kind: Kind
        let data: [UInt8]
    }

    private let packs: [PackIndex]
    private let inflater: OpaquePointer
    /// Resolved trees and blobs by (pack, offset): delta bases and recently read objects.
    private var cache: [Int: Object] = [:]
    private var cacheOrder: [Int] = []
    private var cacheNext = 0
    private var cacheBytes = 0
    private static let cacheBudget = 32 << 20
    private static let largestCached = 1 << 20
    private static let largestObject = 256 << 20

    /// Opens the packs under `objectsDirectory`/pack; nil when none can be read.
    init?(objectsDirectory: String) {
        let folder = objectsDirectory + "/pack"
        let names = FileSystem.list(folder)
        let packs = names.filter { $0.hasPrefix("pack-") && $0.hasSuffix(".idx") }.sorted().compactMap { name in
            PackIndex(index: folder + "/" + name, pack: folder + "/" + name.dropLast(4) + ".pack")
        }
        guard !packs.isEmpty, let inflater = galley_inflater_new() else { return nil }
        self.packs = packs
        self.inflater = inflater
    }

    deinit { galley_inflater_free(inflater) }

    /// The object `id`, or nil when it is not in these packs or cannot be decoded here.
    func read(_ id: ObjectID) -> Object? {
        for p in packs.indices {
            if let offset = packs[p].offset(of: id) { return object(pack: p, at: offset) }
        }
        return nil
    }

    /// The first `length` bytes of a commit stored whole (all a first-parent walk reads: its tree
    /// and first parent, 94 bytes), inflating no further; a delta-stored one is read whole.
    func commitStart(_ id: ObjectID, length: Int) -> [UInt8]? {
        for p in packs.indices {
            guard let offset = packs[p].offset(of: id) else { continue }
            guard let entry = packs[p].entry(at: offset), entry.type == Kind.commit.rawValue, entry.size > length,
                  let (pointer, available) = packs[p].bytes(from: entry.data)
            else {
                guard let object = object(pack: p, at: offset), object.kind == .commit else { return nil }
                return object.data
            }
            var n = -1
            let out = [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
                n = galley_inflate_prefix(inflater, pointer, available, buffer.baseAddress, length)
                count = max(0, n)
            }
            return n == length ? out : nil
        }
        return nil
    }

    /// A pack entry, its delta chain applied: the chain is followed down to a whole object (or a
    /// cached one), then the deltas are applied upward, each result cached as a possible base.
    private func object(pack p: Int, at start: Int) -> Object? {
        var deltas: [(key: Int, pack: Int, data: Int, size: Int)] = []
        var pack = p
        var offset = start
        var base: Object
        while true {
            let key = pack << 44 | offset
            if let hit = cache[key] {
                base = hit
                break
            }
            guard deltas.count < 10_000, let entry = packs[pack].entry(at: offset) else { return nil }
            switch entry.type {
            case 1...4:
                guard let data = inflate(pack: pack, at: entry.data, size: entry.size) else { return nil }
                base = Object(kind: Kind(rawValue: UInt8(entry.type))!, data: data)
                remember(key, base)
            case 6:
                guard let baseOffset = entry.baseOffset else { return nil }
                deltas.append((key, pack, entry.data, entry.size))
                offset = baseOffset
                continue
            case 7:
                guard let baseID = entry.baseID else { return nil }
                deltas.append((key, pack, entry.data, entry.size))
                guard let found = packs.indices.lazy.compactMap({ q in self.packs[q].offset(of: baseID).map { (q, $0) } }).first else { return nil }
                (pack, offset) = found
                continue
            default:
                return nil
            }
            break
        }
        for delta in deltas.reversed() {
            guard let instructions = inflate(pack: delta.pack, at: delta.data, size: delta.size),
                  let result = Self.apply(instructions, to: base.data)
            else { return nil }
            base = Object(kind: base.kind, data: result)
            remember(delta.key, base)
        }
        return base
    }

    private func inflate(pack: Int, at data: Int, size: Int) -> [UInt8]? {
        guard size <= Self.largestObject, let (pointer, available) = packs[pack].bytes(from: data) else { return nil }
        var ok = false
        let out = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            ok = galley_inflate(inflater, pointer, available, buffer.baseAddress, size) == 0
            count = ok ? size : 0
        }
        return ok ? out : nil
    }

    private func remember(_ key: Int, _ object: Object) {
        // Not commits: a walk reads each once. Trees and blobs are the next version's delta base.
        guard object.kind != .commit, object.data.count <= Self.largestCached else { return }
        // First in, first out: walks read forward, and each version is the next one's base.
        while cacheBytes + object.data.count > Self.cacheBudget, cacheNext < cacheOrder.count {
            if let old = cache.removeValue(forKey: cacheOrder[cacheNext]) { cacheBytes -= old.data.count }
            cacheNext += 1
        }
        if cacheNext > 4096 {
            cacheOrder.removeFirst(cacheNext)
            cacheNext = 0
        }
        cache[key] = object
        cacheOrder.append(key)
        cacheBytes += object.data.count
    }

    /// Git's delta format: the base and result sizes, then copy (from the base) and insert
    /// instructions. Nil when the delta does not fit its base.
    static func apply(_ delta: [UInt8], to base: [UInt8]) -> [UInt8]? {
        var i = 0
        func size() -> Int? {
            var value = 0
            var shift = 0
            while i < delta.count, shift < 63 {
                let byte = delta[i]
                i += 1
                value |= Int(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }
        guard let baseSize = size(), baseSize == base.count, let resultSize = size(), resultSize <= largestObject else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(resultSize)
        while i < delta.count {
            let op = delta[i]
            i += 1
            if op & 0x80 != 0 {
                var offset = 0
                var length = 0
                for bit in 0..<4 where op & (1 << bit) != 0 {
                    guard i < delta.count else { return nil }
                    offset |= Int(delta[i]) << (8 * bit)
                    i += 1
                }
                for bit in 0..<3 where op & (0x10 << bit) != 0 {
                    guard i < delta.count else { return nil }
                    length |= Int(delta[i]) << (8 * bit)
                    i += 1
                }
                if length == 0 { length = 0x10000 }
                guard offset + length <= base.count, out.count + length <= resultSize else { return nil }
                out.append(contentsOf: base[offset..<offset + length])
            } else if op != 0 {
                let length = Int(op)
                guard i + length <= delta.count, out.count + length <= resultSize else { return nil }
                out.append(contentsOf: delta[i..<i + length])
                i += length
            } else {
                return nil
            }
        }
        return out.count == resultSize ? out : nil
    }
}

/// One pack and its index (version 2), both mapped read-only.
private final class PackIndex {
    struct Entry {
        let type: Int
        let size: Int
        /// Where the zlib stream starts.
        let data: Int
        let baseOffset: Int?
        let baseID: ObjectID?
    }

    private let index: MappedFile
    private let pack: MappedFile
    private let count: Int

    init?(index path: String, pack packPath: String) {
        guard let index = MappedFile(path), let pack = MappedFile(packPath), index.count >= 8 + 1024, pack.count >= 12 + 20 else { return nil }
        let header = index.base.loadUnaligned(as: UInt32.self).bigEndian
        let version = index.base.loadUnaligned(fromByteOffset: 4, as: UInt32.self).bigEndian
        let packMagic = pack.base.loadUnaligned(as: UInt32.self).bigEndian
        guard header == 0xFF74_4F63, version == 2, packMagic == 0x5041_434B else { return nil }
        count = Int(index.base.loadUnaligned(fromByteOffset: 8 + 255 * 4, as: UInt32.self).bigEndian)
        // Ids, CRCs and offsets, then the two checksums; large offsets may lie between.
        guard index.count >= 8 + 1024 + count * 28 + 40 else { return nil }
        self.index = index
        self.pack = pack
    }

    private func fanout(_ byte: Int) -> Int {
        Int(index.base.loadUnaligned(fromByteOffset: 8 + byte * 4, as: UInt32.self).bigEndian)
    }

    /// The offset of `id` in the pack, by binary search in its fan-out bucket.
    func offset(of id: ObjectID) -> Int? {
        var target = id
        return withUnsafeBytes(of: &target) { key -> Int? in
            let first = Int(key[0])
            var low = first == 0 ? 0 : fanout(first - 1)
            var high = fanout(first)
            guard low <= high, high <= count else { return nil }
            let ids = index.base + 8 + 1024
            while low < high {
                let mid = (low + high) / 2
                let order = memcmp(ids + mid * 20, key.baseAddress!, 20)
                if order == 0 { return packOffset(mid) }
                if order < 0 { low = mid + 1 } else { high = mid }
            }
            return nil
        }
    }

    private func packOffset(_ i: Int) -> Int? {
        let table = 8 + 1024 + count * 24
        let small = index.base.loadUnaligned(fromByteOffset: table + i * 4, as: UInt32.self).bigEndian
        guard small & 0x8000_0000 != 0 else { return Int(small) }
        let large = table + count * 4 + Int(small & 0x7FFF_FFFF) * 8
        guard large + 8 <= index.count - 40 else { return nil }
        let value = index.base.loadUnaligned(fromByteOffset: large, as: UInt64.self).bigEndian
        return value < UInt64(pack.count) ? Int(value) : nil
    }

    /// The entry header at `offset`: type, inflated size and, for deltas, where the base is.
    func entry(at offset: Int) -> Entry? {
        let end = pack.count - 20
        guard offset >= 12, offset < end else { return nil }
        var i = offset
        var byte = pack.base.load(fromByteOffset: i, as: UInt8.self)
        i += 1
        let type = Int(byte >> 4) & 7
        var size = Int(byte & 0x0F)
        var shift = 4
        while byte & 0x80 != 0 {
            guard i < end, shift < 57 else { return nil }
            byte = pack.base.load(fromByteOffset: i, as: UInt8.self)
            i += 1
            size |= Int(byte & 0x7F) << shift
            shift += 7
        }
        switch type {
        case 6:
            guard i < end else { return nil }
            byte = pack.base.load(fromByteOffset: i, as: UInt8.self)
            i += 1
            var distance = Int(byte & 0x7F)
            while byte & 0x80 != 0 {
                guard i < end, distance < 1 << 48 else { return nil }
                byte = pack.base.load(fromByteOffset: i, as: UInt8.self)
                i += 1
                distance = ((distance + 1) << 7) | Int(byte & 0x7F)
            }
            guard distance > 0, distance <= offset else { return nil }
            return Entry(type: type, size: size, data: i, baseOffset: offset - distance, baseID: nil)
        case 7:
            guard i + 20 <= end else { return nil }
            return Entry(type: type, size: size, data: i + 20, baseOffset: nil, baseID: ObjectID(raw: pack.base + i))
        default:
            return Entry(type: type, size: size, data: i, baseOffset: nil, baseID: nil)
        }
    }

    /// The mapped bytes from `offset` to the pack's trailing checksum.
    func bytes(from offset: Int) -> (UnsafeRawPointer, Int)? {
        let end = pack.count - 20
        guard offset >= 12, offset < end else { return nil }
        return (pack.base + offset, end - offset)
    }
}

/// A whole file mapped read-only (a pack and its index stay valid while mapped, even if a
/// `git gc` deletes them meanwhile).
private final class MappedFile {
    let base: UnsafeRawPointer
    let count: Int

    init?(_ path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return nil }
        let mapped = mmap(nil, Int(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0)
        guard let mapped, mapped != MAP_FAILED else { return nil }
        base = UnsafeRawPointer(mapped)
        count = Int(info.st_size)
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), count) }
}
