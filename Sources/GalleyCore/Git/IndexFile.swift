internal import CGalleySupport
#if canImport(Glibc)
import Glibc
#endif

/// `.git/index` edited as bytes: the entries being staged are replaced or inserted, the cached trees
/// above them invalidated, and every other entry copied as it is.
///
/// libgit2 reads the whole index into memory (about 6 ms for 10,000 entries) and writes it back
/// (5 ms) for each `git_index_add_bypath`; this does the same edit in about 2 ms. It produces the
/// bytes libgit2 would: version kept, entries sorted, stat data as libgit2 records it (`dev` is
/// `st_rdev`), racily clean entries smudged, the TREE extension invalidated along each path, the
/// other optional extensions dropped. Whatever it does not handle — versions other than 2 and 3,
/// extended entry flags, conflicts, resolve-undo or conflict-name data, a malformed file, a path
/// that collides with a file or folder — makes `parse`/`render` return nil, and libgit2 stages instead.
enum IndexFile {
    /// Where one entry lies in the file, and the fields the edit looks at.
    struct Entry {
        var offset: Int
        var size: Int
        var pathStart: Int
        var pathLength: Int
        var stage: Int
        var mode: UInt32
        var mtimeSeconds: Int32
        var mtimeNanoseconds: UInt32
        var fileSize: UInt32
    }

    /// The index as read: version, entries in order, and the TREE extension if any.
    struct Parsed {
        let data: [UInt8]
        let version: UInt32
        let entries: [Entry]
        let tree: TreeCache?
    }

    /// A file about to be staged: its entry, built from the stat of the bytes that were hashed.
    struct NewEntry {
        let path: [UInt8]
        let header: [UInt8]
    }

    static let gitlinkMode: UInt32 = 0o160000

    // MARK: - Reading

    /// Parses and checks an index file; nil when it is not one this code edits.
    static func parse(_ data: [UInt8]) -> Parsed? {
        let n = data.count
        guard n >= 32, data[0] == 0x44, data[1] == 0x49, data[2] == 0x52, data[3] == 0x43 else { return nil }  // "DIRC"
        let end = n - 20
        // The trailing checksum, as libgit2 verifies it.
        var sum = [UInt8](repeating: 0, count: 20)
        data.withUnsafeBytes { galley_sha1_once($0.baseAddress, end, &sum) }
        guard sum.elementsEqual(data[end...]) else { return nil }
        let version = be32(data, 4)
        guard version == 2 || version == 3 else { return nil }
        let count = Int(be32(data, 8))
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var pos = 12
        let ok: Bool = data.withUnsafeBufferPointer { p in
            for _ in 0..<count {
                guard pos + 62 <= end else { return false }
                let flags = UInt16(p[pos + 60]) << 8 | UInt16(p[pos + 61])
                guard flags & 0x4000 == 0 else { return false }  // extended flags (skip-worktree, intent-to-add)
                let pathStart = pos + 62
                var length = Int(flags & 0x0FFF)
                if length == 0x0FFF {
                    while pathStart + length < end, p[pathStart + length] != 0 { length += 1 }
                }
                guard pathStart + length < end, p[pathStart + length] == 0 else { return false }
                let size = (62 + length + 8) & ~7
                guard pos + size <= end else { return false }
                let entry = Entry(
                    offset: pos, size: size, pathStart: pathStart, pathLength: length, stage: Int(flags >> 12) & 3,
                    mode: be32(p, pos + 24), mtimeSeconds: Int32(bitPattern: be32(p, pos + 8)),
                    mtimeNanoseconds: be32(p, pos + 12), fileSize: be32(p, pos + 36))
                // Strictly sorted by path, then stage, as git and libgit2 keep it.
                if let last = entries.last {
                    let order = compare(p, last.pathStart, last.pathLength, p, entry.pathStart, entry.pathLength)
                    guard order < 0 || (order == 0 && last.stage < entry.stage) else { return false }
                }
                entries.append(entry)
                pos += size
            }
            return true
        }
        guard ok else { return nil }
        var tree: TreeCache?
        while pos < end {
            guard pos + 8 <= end else { return nil }
            let signature = data[pos..<pos + 4]
            let size = Int(be32(data, pos + 4))
            guard pos + 8 + size <= end else { return nil }
            switch String(decoding: signature, as: UTF8.self) {
            case "TREE":
                guard let parsed = TreeCache.parse(data[pos + 8..<pos + 8 + size]) else { return nil }
                tree = parsed
            case "REUC", "NAME":
                return nil  // resolve-undo and conflict names: after a merge, left to libgit2
            default:
                // An optional extension (uppercase) libgit2 skips and does not write back; a required one
                // it refuses.
                guard signature.first.map({ $0 >= 0x41 && $0 <= 0x5A }) == true else { return nil }
            }
            pos += 8 + size
        }
        return Parsed(data: data, version: version, entries: entries, tree: tree)
    }

    // MARK: - Writing

    /// The new file: `staged` (sorted by path, no duplicates) replacing or joining the entries, and
    /// the entries at `smudged` (indexes into `parsed.entries`) with their size set to 0 so that git
    /// and libgit2 look at their content again. Nil when a staged path is in conflict, or collides
    /// with a file or folder in the index.
    static func render(_ parsed: Parsed, staged: [NewEntry], smudged: Set<Int>) -> [UInt8]? {
        let data = parsed.data
        let entries = parsed.entries
        // Where each staged path goes: an existing stage-0 entry it replaces, or an insertion point.
        var placements: [(index: Int, replaces: Bool)] = []
        for (k, new) in staged.enumerated() {
            if k > 0 {
                let previous = staged[k - 1].path
                guard compare(previous, new.path) < 0, !isFolder(previous, of: new.path) else { return nil }
            }
            let i = lowerBound(entries, data, new.path)
            let replaces = i < entries.count && compare(data, entries[i], new.path) == 0
            if replaces {
                // Stages 1-3 of the same path: a conflict, which `git add` resolves (moving it to REUC).
                guard entries[i].stage == 0, i + 1 == entries.count || compare(data, entries[i + 1], new.path) != 0 else { return nil }
            } else {
                // A file where a folder is, or a folder where a file is: libgit2 removes the other side.
                let folder = new.path + [UInt8(ascii: "/")]
                let j = lowerBound(entries, data, folder)
                if j < entries.count, hasPrefix(data, entries[j], folder) { return nil }
                var slash = new.path.lastIndex(of: UInt8(ascii: "/"))
                while let s = slash {
                    let parent = Array(new.path[..<s])
                    let j = lowerBound(entries, data, parent)
                    if j < entries.count, compare(data, entries[j], parent) == 0 { return nil }
                    slash = new.path[..<s].lastIndex(of: UInt8(ascii: "/"))
                }
            }
            placements.append((i, replaces))
        }

        var out: [UInt8] = []
        out.reserveCapacity(data.count + staged.count * 160)
        out += data[0..<8]
        let count = entries.count + placements.filter { !$0.replaces }.count
        out += bigEndian32(UInt32(count))
        var next = 0
        func copy(upTo limit: Int) {
            while next < limit {
                let e = entries[next]
                if smudged.contains(next) {
                    out += data[e.offset..<e.offset + 36]
                    out += [0, 0, 0, 0]
                    out += data[e.offset + 40..<e.offset + e.size]
                } else {
                    out += data[e.offset..<e.offset + e.size]
                }
                next += 1
            }
        }
        for (new, place) in zip(staged, placements) {
            copy(upTo: place.index)
            out += new.header
            out += new.path
            let size = (62 + new.path.count + 8) & ~7
            out += [UInt8](repeating: 0, count: size - 62 - new.path.count)
            if place.replaces { next += 1 }
        }
        copy(upTo: entries.count)
        if var tree = parsed.tree {
            for new in staged { tree.invalidate(new.path) }
            let body = tree.serialized()
            out += Array("TREE".utf8)
            out += bigEndian32(UInt32(body.count))
            out += body
        }
        var sum = [UInt8](repeating: 0, count: 20)
        out.withUnsafeBytes { galley_sha1_once($0.baseAddress, $0.count, &sum) }
        out += sum
        return out
    }

    /// The fixed part of an entry (62 bytes) for a file, as libgit2's `git_index_entry__init_from_stat`
    /// fills it in.
    static func header(stat st: stat, mode: UInt32, id: ObjectID, pathLength: Int) -> [UInt8] {
        var h: [UInt8] = []
        h.reserveCapacity(62)
        for value in [
            UInt32(truncatingIfNeeded: st.st_ctim.tv_sec), UInt32(truncatingIfNeeded: st.st_ctim.tv_nsec),
            UInt32(truncatingIfNeeded: st.st_mtim.tv_sec), UInt32(truncatingIfNeeded: st.st_mtim.tv_nsec),
            UInt32(truncatingIfNeeded: st.st_rdev), UInt32(truncatingIfNeeded: st.st_ino), mode,
            UInt32(truncatingIfNeeded: st.st_uid), UInt32(truncatingIfNeeded: st.st_gid), UInt32(truncatingIfNeeded: st.st_size),
        ] {
            h += bigEndian32(value)
        }
        h += id.bytes
        let flags = UInt16(min(pathLength, 0x0FFF))
        h += [UInt8(flags >> 8), UInt8(flags & 0xFF)]
        return h
    }

    // MARK: - Helpers

    static func be32(_ p: UnsafeBufferPointer<UInt8>, _ o: Int) -> UInt32 {
        UInt32(p[o]) << 24 | UInt32(p[o + 1]) << 16 | UInt32(p[o + 2]) << 8 | UInt32(p[o + 3])
    }

    static func be32(_ d: [UInt8], _ o: Int) -> UInt32 {
        UInt32(d[o]) << 24 | UInt32(d[o + 1]) << 16 | UInt32(d[o + 2]) << 8 | UInt32(d[o + 3])
    }

    static func bigEndian32(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v)]
    }

    /// Byte order of two paths (memcmp, then length), as git sorts index entries: <0, 0, >0.
    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ aStart: Int, _ aLength: Int,
                        _ b: UnsafeBufferPointer<UInt8>, _ bStart: Int, _ bLength: Int) -> Int {
        let n = min(aLength, bLength)
        let c = n == 0 ? 0 : Int(memcmp(a.baseAddress! + aStart, b.baseAddress! + bStart, n))
        return c != 0 ? c : aLength - bLength
    }

    static func compare(_ a: [UInt8], _ b: [UInt8]) -> Int {
        a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in compare(pa, 0, a.count, pb, 0, b.count) } }
    }

    static func compare(_ data: [UInt8], _ e: Entry, _ path: [UInt8]) -> Int {
        data.withUnsafeBufferPointer { pd in path.withUnsafeBufferPointer { pp in compare(pd, e.pathStart, e.pathLength, pp, 0, path.count) } }
    }

    /// The first entry whose path is not before `path`.
    static func lowerBound(_ entries: [Entry], _ data: [UInt8], _ path: [UInt8]) -> Int {
        var lo = 0
        var hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if compare(data, entries[mid], path) < 0 { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// True when `folder` + "/" starts `path`.
    static func isFolder(_ folder: [UInt8], of path: [UInt8]) -> Bool {
        path.count > folder.count && path[folder.count] == UInt8(ascii: "/") && path.starts(with: folder)
    }

    /// True when the entry's path starts with `prefix`.
    static func hasPrefix(_ data: [UInt8], _ e: Entry, _ prefix: [UInt8]) -> Bool {
        guard e.pathLength >= prefix.count else { return false }
        return data.withUnsafeBufferPointer { p in
            prefix.withUnsafeBufferPointer { q in memcmp(p.baseAddress! + e.pathStart, q.baseAddress!, prefix.count) == 0 }
        }
    }
}

/// The TREE extension: cached tree ids of folders, in git's pre-order text form.
struct TreeCache {
    struct Node {
        var name: [UInt8]
        var entryCount: Int
        var id: [UInt8]?
        var children: [Int]
    }

    var nodes: [Node]

    /// Reads it as libgit2 does (`read_tree_internal`); nil when malformed or not fully used.
    static func parse(_ bytes: ArraySlice<UInt8>) -> TreeCache? {
        var cache = TreeCache(nodes: [])
        var pos = bytes.startIndex
        guard cache.read(bytes, &pos) != nil, pos == bytes.endIndex else { return nil }
        return cache
    }

    private mutating func read(_ b: ArraySlice<UInt8>, _ pos: inout Int) -> Int? {
        guard let nul = b[pos...].firstIndex(of: 0) else { return nil }
        let name = Array(b[pos..<nul])
        pos = nul + 1
        guard let entryCount = number(b, &pos, signed: true), pos < b.endIndex, b[pos] == UInt8(ascii: " ") else { return nil }
        pos += 1
        guard let childCount = number(b, &pos, signed: false), pos < b.endIndex, b[pos] == UInt8(ascii: "\n") else { return nil }
        pos += 1
        var id: [UInt8]?
        if entryCount >= 0 {
            guard pos + 20 <= b.endIndex else { return nil }
            id = Array(b[pos..<pos + 20])
            pos += 20
        }
        let index = nodes.count
        nodes.append(Node(name: name, entryCount: entryCount, id: id, children: []))
        for _ in 0..<childCount {
            guard let child = read(b, &pos) else { return nil }
            nodes[index].children.append(child)
        }
        return index
    }

    /// A decimal number, as git writes it (an optional minus sign, digits).
    private func number(_ b: ArraySlice<UInt8>, _ pos: inout Int, signed: Bool) -> Int? {
        var negative = false
        if signed, pos < b.endIndex, b[pos] == UInt8(ascii: "-") {
            negative = true
            pos += 1
        }
        let start = pos
        var value = 0
        while pos < b.endIndex, b[pos] >= 0x30, b[pos] <= 0x39, pos - start < 18 {
            value = value * 10 + Int(b[pos] - 0x30)
            pos += 1
        }
        guard pos > start else { return nil }
        return negative ? -value : value
    }

    /// Marks the root and each cached folder on the way to `path` as changed (libgit2's
    /// `git_tree_cache_invalidate_path`).
    mutating func invalidate(_ path: [UInt8]) {
        guard !nodes.isEmpty else { return }
        var current = 0
        nodes[0].entryCount = -1
        nodes[0].id = nil
        var components = path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        components.removeLast()  // the file itself
        for component in components {
            guard let child = nodes[current].children.first(where: { nodes[$0].name.elementsEqual(component) }) else { return }
            nodes[child].entryCount = -1
            nodes[child].id = nil
            current = child
        }
    }

    /// libgit2's `write_tree`: `name NUL count SP children LF [id]`, depth first.
    func serialized() -> [UInt8] {
        var out: [UInt8] = []
        func write(_ i: Int) {
            let node = nodes[i]
            out += node.name
            out.append(0)
            out += Array("\(node.entryCount) \(node.children.count)\n".utf8)
            if node.entryCount >= 0, let id = node.id { out += id }
            for child in node.children { write(child) }
        }
        if !nodes.isEmpty { write(0) }
        return out
    }
}
