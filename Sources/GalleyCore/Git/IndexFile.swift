internal import CGalleySupport
internal import Clibgit2
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
/// that collides with a file or folder — makes `parse`/`write` return nil or false, and libgit2
/// stages instead.
///
/// The value is a view of bytes owned by the caller (a mapped file), valid while they are.
struct IndexFile {
    let base: UnsafePointer<UInt8>
    /// Where the trailing checksum starts.
    let end: Int
    let version: UInt32
    /// Where each entry starts; `offsets[count]` is where the entries end.
    let offsets: [Int32]
    let tree: TreeCache?

    /// A file about to be staged: its entry, built from the stat of the bytes that were hashed.
    struct NewEntry {
        let path: [UInt8]
        let header: [UInt8]
    }

    static let gitlinkMode: UInt32 = 0o160000

    var count: Int { offsets.count - 1 }

    // MARK: - Reading

    /// Parses and checks an index file; nil when it is not one this code edits. With `verify`, the
    /// trailing checksum is checked, as libgit2 does before it rewrites an index.
    static func parse(_ bytes: UnsafeRawBufferPointer, verify: Bool = true) -> IndexFile? {
        let n = bytes.count
        guard n >= 32, n < Int(Int32.max), let raw = bytes.baseAddress else { return nil }
        let p = raw.assumingMemoryBound(to: UInt8.self)
        guard p[0] == 0x44, p[1] == 0x49, p[2] == 0x52, p[3] == 0x43 else { return nil }  // "DIRC"
        let end = n - 20
        if verify {
            var sum = [UInt8](repeating: 0, count: 20)
            galley_sha1_once(p, end, &sum)
            guard memcmp(sum, p + end, 20) == 0 else { return nil }
        }
        let version = be32(p, 4)
        guard version == 2 || version == 3 else { return nil }
        let count = Int(be32(p, 8))
        var offsets: [Int32] = []
        offsets.reserveCapacity(count + 1)
        var pos = 12
        var lastPath = -1, lastLength = 0, lastStage = 0
        for _ in 0..<count {
            guard pos + 62 <= end else { return nil }
            let flags = UInt16(p[pos + 60]) << 8 | UInt16(p[pos + 61])
            guard flags & 0x4000 == 0 else { return nil }  // extended flags (skip-worktree, intent-to-add)
            let pathStart = pos + 62
            var length = Int(flags & 0x0FFF)
            if length == 0x0FFF {
                while pathStart + length < end, p[pathStart + length] != 0 { length += 1 }
            }
            guard pathStart + length < end, p[pathStart + length] == 0 else { return nil }
            let size = (62 + length + 8) & ~7
            guard pos + size <= end else { return nil }
            // Strictly sorted by path, then stage, as git and libgit2 keep it.
            let stage = Int(flags >> 12) & 3
            if lastPath >= 0 {
                let order = compare(p + lastPath, lastLength, p + pathStart, length)
                guard order < 0 || (order == 0 && lastStage < stage) else { return nil }
            }
            (lastPath, lastLength, lastStage) = (pathStart, length, stage)
            offsets.append(Int32(pos))
            pos += size
        }
        offsets.append(Int32(pos))
        var tree: TreeCache?
        while pos < end {
            guard pos + 8 <= end else { return nil }
            let size = Int(be32(p, pos + 4))
            guard pos + 8 + size <= end else { return nil }
            let signature = String(decoding: UnsafeBufferPointer(start: p + pos, count: 4), as: UTF8.self)
            switch signature {
            case "TREE":
                guard let parsed = TreeCache.parse(UnsafeBufferPointer(start: p + pos + 8, count: size)) else { return nil }
                tree = parsed
            case "REUC", "NAME":
                return nil  // resolve-undo and conflict names: after a merge, left to libgit2
            default:
                // An optional extension (uppercase) libgit2 skips and does not write back; a required one
                // it refuses.
                guard p[pos] >= 0x41 && p[pos] <= 0x5A else { return nil }
            }
            pos += 8 + size
        }
        return IndexFile(base: p, end: end, version: version, offsets: offsets, tree: tree)
    }

    // MARK: - Entries

    func offset(_ i: Int) -> Int { Int(offsets[i]) }
    func pathStart(_ i: Int) -> Int { offset(i) + 62 }

    func pathLength(_ i: Int) -> Int {
        let length = Int(IndexFile.be16(base, offset(i) + 60) & 0x0FFF)
        return length < 0x0FFF ? length : strlen(UnsafeRawPointer(base + pathStart(i)).assumingMemoryBound(to: CChar.self))
    }

    func path(_ i: Int) -> [UInt8] { Array(UnsafeBufferPointer(start: base + pathStart(i), count: pathLength(i))) }
    func stage(_ i: Int) -> Int { Int(IndexFile.be16(base, offset(i) + 60) >> 12) & 3 }
    func mode(_ i: Int) -> UInt32 { IndexFile.be32(base, offset(i) + 24) }
    func mtimeSeconds(_ i: Int) -> Int32 { Int32(bitPattern: IndexFile.be32(base, offset(i) + 8)) }
    func mtimeNanoseconds(_ i: Int) -> UInt32 { IndexFile.be32(base, offset(i) + 12) }
    func fileSize(_ i: Int) -> UInt32 { IndexFile.be32(base, offset(i) + 36) }
    func id(_ i: Int) -> [UInt8] { Array(UnsafeBufferPointer(start: base + offset(i) + 40, count: 20)) }

    /// Byte order of entry `i`'s path and `path` (memcmp, then length): <0, 0, >0.
    func compare(_ i: Int, _ path: [UInt8]) -> Int {
        path.withUnsafeBufferPointer { IndexFile.compare(base + pathStart(i), pathLength(i), $0.baseAddress, $0.count) }
    }

    /// The first entry whose path is not before `path`.
    func lowerBound(_ path: [UInt8]) -> Int {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if compare(mid, path) < 0 { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The entry at `path` (any stage), if any.
    func find(_ path: [UInt8]) -> Int? {
        let i = lowerBound(path)
        return i < count && compare(i, path) == 0 ? i : nil
    }

    /// True when entry `i`'s path starts with `prefix`.
    func hasPrefix(_ i: Int, _ prefix: [UInt8]) -> Bool {
        pathLength(i) >= prefix.count && prefix.withUnsafeBufferPointer { memcmp(base + pathStart(i), $0.baseAddress!, $0.count) == 0 }
    }

    // MARK: - Writing

    /// Writes the new file to `fd`: `staged` (sorted by path, no duplicates) replacing or joining the
    /// entries, and the entries at `smudged` with their size set to 0 so that git and libgit2 look at
    /// their content again. False, having written nothing, when a staged path is in conflict or
    /// collides with a file or folder in the index. Throws when writing fails.
    ///
    /// The cached trees (TREE extension, created when missing) of the folders on the staged paths are
    /// brought up to date as `git add` and `git commit` keep them: each is recomputed from the new
    /// entries, and kept only when `stored` (given the tree object's id and content) says it is or
    /// will be stored; otherwise it is invalidated, as libgit2 does. A valid cache tells which folders
    /// of the index match a commit without reading the commit's trees (`sameTree`).
    func write(staged: [NewEntry], smudged: Set<Int>, to fd: Int32, stored: (ObjectID, [UInt8]) -> Bool) throws -> Bool {
        // Where each staged path goes: an existing stage-0 entry it replaces, or an insertion point.
        var placements: [(index: Int, replaces: Bool)] = []
        for (k, new) in staged.enumerated() {
            if k > 0 {
                let previous = staged[k - 1].path
                guard IndexFile.compare(previous, new.path) < 0, !IndexFile.isFolder(previous, of: new.path) else { return false }
            }
            let i = lowerBound(new.path)
            let replaces = i < count && compare(i, new.path) == 0
            if replaces {
                // Stages 1-3 of the same path: a conflict, which `git add` resolves (moving it to REUC).
                guard stage(i) == 0, i + 1 == count || compare(i + 1, new.path) != 0 else { return false }
            } else {
                // A file where a folder is, or a folder where a file is: libgit2 removes the other side.
                let folder = new.path + [UInt8(ascii: "/")]
                let j = lowerBound(folder)
                if j < count, hasPrefix(j, folder) { return false }
                var slash = new.path.lastIndex(of: UInt8(ascii: "/"))
                while let s = slash {
                    if find(Array(new.path[..<s])) != nil { return false }
                    slash = new.path[..<s].lastIndex(of: UInt8(ascii: "/"))
                }
            }
            placements.append((i, replaces))
        }

        var out = ChecksummedWriter(fd: fd)
        try out.write(base, 8)
        try out.write(IndexFile.bigEndian32(UInt32(count + placements.filter { !$0.replaces }.count)))
        var next = 0
        func copy(upTo limit: Int) throws {
            // Runs of untouched entries go out straight from the old file.
            var runStart = offset(next)
            while next < limit {
                if smudged.contains(next) {
                    let o = offset(next)
                    try out.write(base + runStart, o + 36 - runStart)
                    try out.write([0, 0, 0, 0])
                    runStart = o + 40
                }
                next += 1
            }
            try out.write(base + runStart, offset(next) - runStart)
        }
        for (new, place) in zip(staged, placements) {
            try copy(upTo: place.index)
            try out.write(new.header)
            try out.write(new.path)
            let size = (62 + new.path.count + 8) & ~7
            try out.write([UInt8](repeating: 0, count: size - 62 - new.path.count))
            if place.replaces { next += 1 }
        }
        try copy(upTo: count)
        if !staged.isEmpty {
            var tree = self.tree ?? TreeCache(nodes: [TreeCache.Node(name: [], entryCount: -1, id: nil, children: [])])
            let replaced = Set(placements.filter(\.replaces).map(\.index))
            updateCache(&tree, staged: staged, replaced: replaced, stored: stored)
            let body = tree.serialized()
            try out.write(Array("TREE".utf8))
            try out.write(IndexFile.bigEndian32(UInt32(body.count)))
            try out.write(body)
        }
        try out.finish()
        return true
    }

    // MARK: - Cached trees

    /// Recomputes the cached tree of each folder on the staged paths, deepest first.
    private func updateCache(_ tree: inout TreeCache, staged: [NewEntry], replaced: Set<Int>, stored: (ObjectID, [UInt8]) -> Bool) {
        var folders: Set<[UInt8]> = [[]]
        for new in staged {
            var end = new.path.lastIndex(of: UInt8(ascii: "/"))
            while let e = end {
                folders.insert(Array(new.path[...e]))
                end = new.path[..<e].lastIndex(of: UInt8(ascii: "/"))
            }
        }
        let slash = UInt8(ascii: "/")
        for folder in folders.sorted(by: { $0.count(of: slash) > $1.count(of: slash) }) {
            let node = tree.ensureNode(folder.split(separator: slash).map(Array.init))
            if let (id, entries, body) = cachedTree(folder, tree: tree, staged: staged, replaced: replaced), stored(id, body) {
                tree.nodes[node].entryCount = entries
                tree.nodes[node].id = id.bytes
            } else {
                tree.nodes[node].entryCount = -1
                tree.nodes[node].id = nil
            }
        }
    }

    /// The tree object id of `folder` (empty, or ending in `/`) in the new index, how many entries it
    /// holds and the tree object's content, built as `git write-tree` builds it; nil when an entry
    /// there is in conflict or a subfolder has no valid cached tree.
    private func cachedTree(_ folder: [UInt8], tree: TreeCache, staged: [NewEntry], replaced: Set<Int>) -> (ObjectID, Int, [UInt8])? {
        let upper = IndexFile.upperBound(of: folder)
        var i = folder.isEmpty ? 0 : lowerBound(folder)
        let end = upper.map { lowerBound($0) } ?? count
        var k = staged.firstIndex { IndexFile.compare($0.path, folder) >= 0 } ?? staged.count
        let kEnd = upper.map { u in staged.firstIndex { IndexFile.compare($0.path, u) >= 0 } ?? staged.count } ?? staged.count
        let inserted = staged[k..<kEnd].count - replaced.filter { $0 >= i && $0 < end }.count
        let entries = end - i + inserted
        let components = folder.split(separator: UInt8(ascii: "/")).map(Array.init)
        var body: [UInt8] = []
        while true {
            while i < end, replaced.contains(i) { i += 1 }
            let takeStaged: Bool
            if k < kEnd, i < end { takeStaged = compare(i, staged[k].path) > 0 } else if k < kEnd { takeStaged = true } else if i < end { takeStaged = false } else { break }
            let path = takeStaged ? staged[k].path : self.path(i)
            let rest = path[folder.count...]
            if let slash = rest.firstIndex(of: UInt8(ascii: "/")) {
                // A subfolder: its cached tree, then past all its entries.
                let name = Array(rest[..<slash])
                guard let child = tree.node(components + [name]), tree.nodes[child].entryCount >= 0, let id = tree.nodes[child].id else { return nil }
                body += Array("40000 ".utf8) + name + [0] + id
                let sub = folder + name + [UInt8(ascii: "/")]
                let subUpper = IndexFile.upperBound(of: sub)!
                i = max(i, lowerBound(subUpper))
                while k < kEnd, IndexFile.compare(staged[k].path, subUpper) < 0 { k += 1 }
            } else if takeStaged {
                let header = staged[k].header
                body += IndexFile.octal(IndexFile.be32(header, 24)) + [0x20] + Array(rest) + [0] + Array(header[40..<60])
                k += 1
            } else {
                guard stage(i) == 0 else { return nil }
                body += IndexFile.octal(mode(i)) + [0x20] + Array(rest) + [0] + id(i)
                i += 1
            }
        }
        guard let id = BlobHash.of(body, type: GIT_OBJECT_TREE) else { return nil }
        return (id, entries, body)
    }

    /// A mode as a tree entry spells it (octal, no leading zero).
    static func octal(_ mode: UInt32) -> [UInt8] {
        var digits: [UInt8] = []
        var m = mode
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(m & 7))
            m >>= 3
        } while m > 0
        return digits.reversed()
    }

    /// A non-negative number in decimal, or -1.
    static func decimal(_ n: Int) -> [UInt8] {
        if n < 0 { return Array("-".utf8) + decimal(-n) }
        var digits: [UInt8] = []
        var m = n
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(m % 10))
            m /= 10
        } while m > 0
        return digits.reversed()
    }

    /// The smallest path after every path that starts with `prefix` (its last byte raised by one);
    /// nil for the empty prefix.
    static func upperBound(of prefix: [UInt8]) -> [UInt8]? {
        guard let last = prefix.last else { return nil }
        return prefix.dropLast() + [last + 1]
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

    static func be16(_ p: UnsafePointer<UInt8>, _ o: Int) -> UInt16 { UInt16(p[o]) << 8 | UInt16(p[o + 1]) }

    static func be32(_ d: [UInt8], _ o: Int) -> UInt32 {
        UInt32(d[o]) << 24 | UInt32(d[o + 1]) << 16 | UInt32(d[o + 2]) << 8 | UInt32(d[o + 3])
    }

    static func be32(_ p: UnsafePointer<UInt8>, _ o: Int) -> UInt32 {
        UInt32(p[o]) << 24 | UInt32(p[o + 1]) << 16 | UInt32(p[o + 2]) << 8 | UInt32(p[o + 3])
    }

    static func bigEndian32(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v)]
    }

    /// Byte order of two paths (memcmp, then length), as git sorts index entries: <0, 0, >0.
    static func compare(_ a: UnsafePointer<UInt8>?, _ aLength: Int, _ b: UnsafePointer<UInt8>?, _ bLength: Int) -> Int {
        let n = min(aLength, bLength)
        let c = n == 0 ? 0 : Int(memcmp(a!, b!, n))
        return c != 0 ? c : aLength - bLength
    }

    static func compare(_ a: [UInt8], _ b: [UInt8]) -> Int {
        a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in compare(pa.baseAddress, a.count, pb.baseAddress, b.count) } }
    }

    /// True when `folder` + "/" starts `path`.
    static func isFolder(_ folder: [UInt8], of path: [UInt8]) -> Bool {
        path.count > folder.count && path[folder.count] == UInt8(ascii: "/") && path.starts(with: folder)
    }
}

/// Writes to a file through a buffer, keeping the SHA-1 of everything written, and appends it.
struct ChecksummedWriter {
    let fd: Int32
    private var sha: OpaquePointer? = galley_sha1_new()
    private var buffer: [UInt8] = []

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    mutating func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try write($0.baseAddress!, $0.count) }
    }

    mutating func write(_ p: UnsafePointer<UInt8>, _ n: Int) throws {
        guard n > 0 else { return }
        galley_sha1_update(sha, p, n)
        if buffer.count + n <= buffer.capacity {
            buffer.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
            return
        }
        try flush()
        if n >= buffer.capacity { try ChecksummedWriter.writeAll(fd, p, n) } else { buffer.append(contentsOf: UnsafeBufferPointer(start: p, count: n)) }
    }

    /// Appends the checksum and writes out what is buffered.
    mutating func finish() throws {
        var sum = [UInt8](repeating: 0, count: 20)
        galley_sha1_finish(sha, &sum)
        sha = nil
        buffer += sum
        try flush()
    }

    private mutating func flush() throws {
        try buffer.withUnsafeBufferPointer { try ChecksummedWriter.writeAll(fd, $0.baseAddress!, $0.count) }
        buffer.removeAll(keepingCapacity: true)
    }

    static func writeAll(_ fd: Int32, _ p: UnsafePointer<UInt8>, _ n: Int) throws {
        var done = 0
        while done < n {
            let k = Glibc.write(fd, p + done, n - done)
            if k < 0 && errno == EINTR { continue }
            guard k > 0 else { throw GitFailure(code: -1, message: "cannot write the index: \(String(cString: strerror(errno)))", function: "write") }
            done += k
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
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> TreeCache? {
        var cache = TreeCache(nodes: [])
        var pos = 0
        guard cache.read(bytes, &pos) != nil, pos == bytes.count else { return nil }
        return cache
    }

    private mutating func read(_ b: UnsafeBufferPointer<UInt8>, _ pos: inout Int) -> Int? {
        guard let nul = b[pos...].firstIndex(of: 0) else { return nil }
        let name = Array(b[pos..<nul])
        pos = nul + 1
        guard let entryCount = number(b, &pos, signed: true), pos < b.count, b[pos] == UInt8(ascii: " ") else { return nil }
        pos += 1
        guard let childCount = number(b, &pos, signed: false), pos < b.count, b[pos] == UInt8(ascii: "\n") else { return nil }
        pos += 1
        var id: [UInt8]?
        if entryCount >= 0 {
            guard pos + 20 <= b.count else { return nil }
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
    private func number(_ b: UnsafeBufferPointer<UInt8>, _ pos: inout Int, signed: Bool) -> Int? {
        var negative = false
        if signed, pos < b.count, b[pos] == UInt8(ascii: "-") {
            negative = true
            pos += 1
        }
        let start = pos
        var value = 0
        while pos < b.count, b[pos] >= 0x30, b[pos] <= 0x39, pos - start < 18 {
            value = value * 10 + Int(b[pos] - 0x30)
            pos += 1
        }
        guard pos > start else { return nil }
        return negative ? -value : value
    }

    /// The node of the folder at `components` (none: the root), if cached.
    func node(_ components: [[UInt8]]) -> Int? {
        guard !nodes.isEmpty else { return nil }
        var current = 0
        for component in components {
            guard let child = nodes[current].children.first(where: { nodes[$0].name == component }) else { return nil }
            current = child
        }
        return current
    }

    /// The node of the folder at `components`, made (invalid) where missing. Children are kept in
    /// git's order (by name length, then bytes), which git searches them in.
    mutating func ensureNode(_ components: [[UInt8]]) -> Int {
        var current = 0
        for component in components {
            if let child = nodes[current].children.first(where: { nodes[$0].name == component }) {
                current = child
                continue
            }
            let child = nodes.count
            nodes.append(Node(name: component, entryCount: -1, id: nil, children: []))
            let siblings = nodes[current].children
            let position = siblings.firstIndex { s in
                let name = nodes[s].name
                return name.count > component.count || (name.count == component.count && IndexFile.compare(name, component) > 0)
            } ?? siblings.count
            nodes[current].children.insert(child, at: position)
            current = child
        }
        return current
    }

    /// libgit2's `write_tree`: `name NUL count SP children LF [id]`, depth first.
    func serialized() -> [UInt8] {
        var out: [UInt8] = []
        func write(_ i: Int) {
            let node = nodes[i]
            out += node.name
            out.append(0)
            out += IndexFile.decimal(node.entryCount) + [0x20] + IndexFile.decimal(node.children.count) + [0x0A]
            if node.entryCount >= 0, let id = node.id { out += id }
            for child in node.children { write(child) }
        }
        if !nodes.isEmpty { write(0) }
        return out
    }
}

extension Array where Element == UInt8 {
    func count(of byte: UInt8) -> Int { reduce(0) { $0 + ($1 == byte ? 1 : 0) } }
}
