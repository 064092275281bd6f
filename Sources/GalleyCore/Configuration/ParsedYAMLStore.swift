#if canImport(Glibc)
import Glibc
#endif

/// Newsroom YAML files (the roster, people and term lists) parsed once and kept between runs.
///
/// Every `galley checkin` reads these lists, and Yams takes about 25 µs per entry: 5 ms for a
/// 200-person roster, more for a term list of thousands of entries, at every check-in. A parsed file
/// is kept as a compact encoding of its `YAMLNode` in `<git dir>/galley/parsed/<blob id of the text>`,
/// which decodes in a fraction of that. The name is the content's hash, so an edited list is
/// parsed anew, and any store gives the right node for a text. Files that do not parse are not kept
/// (they are parsed each time, to report the error). Nothing here is versioned or shared.
public struct ParsedYAMLStore: Sendable {
    public let directory: String
    /// The files kept at most; older ones go when a new one is written.
    static let limit = 64
    /// Names the encoding and what parsing means: bump it when `YAML.compose` or `YAMLNode.convert`
    /// would give another node for some text, so that nodes stored before are parsed anew.
    static let magic = Array("galley-yaml-node 1 yams-6\n".utf8)

    public init(gitDirectory: String) {
        var dir = gitDirectory
        while dir.count > 1, dir.hasSuffix("/") { dir.removeLast() }
        directory = dir + "/galley/parsed"
    }

    /// The node for `text`: decoded from the store, else parsed (and stored when it parses).
    func parse(_ text: String, file: String) -> Result<YAMLNode?, YAMLError> {
        guard let key = Self.key(text) else { return YAMLNode.parse(text, file: file) }
        let path = directory + "/" + key
        if let bytes = try? FileSystem.readFile(path, limit: 64 << 20), let node = Self.decode(bytes) {
            // Marked as used, so pruning keeps the lists read at every check-in.
            utimensat(AT_FDCWD, path, nil, 0)
            return .success(node)
        }
        let parsed = YAMLNode.parse(text, file: file)
        if case .success(let node) = parsed { write(Self.encode(node), to: path) }
        return parsed
    }

    /// The text's git blob id, in hexadecimal: for a committed list, the id `git cat-file` shows it by.
    static func key(_ text: String) -> String? {
        BlobHash.of(Array(text.utf8))?.hex
    }

    /// Written under a temporary name and renamed (`FileSystem.writeFile`), so a reader never sees
    /// half a file; failures (a read-only repository) only mean the next run parses again.
    func write(_ bytes: [UInt8], to path: String) {
        guard (try? FileSystem.makeDirectories(directory)) != nil, (try? FileSystem.writeFile(path, bytes)) != nil else { return }
        prune(keeping: path)
    }

    /// Keeps the `limit` files used last (a hit sets the modification time), and removes temporary
    /// files a minute old (a process that exited while it wrote).
    func prune(keeping path: String) {
        let names = FileSystem.pruneTemporaryFiles(in: directory)
        guard names.count > Self.limit else { return }
        var dated: [(String, Double)] = []
        for name in names {
            var st = stat()
            guard stat(directory + "/" + name, &st) == 0 else { continue }
            dated.append((directory + "/" + name, Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9))
        }
        for (old, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(Self.limit) where old != path { unlink(old) }
    }

    // MARK: - Encoding: the magic line, then the node: a kind byte (0 no document, 1 scalar,
    // 2 sequence, 3 mapping), the line, then the text, or the count and the items (mapping items
    // are a key text and a node). Numbers and lengths are LEB128.

    static func encode(_ node: YAMLNode?) -> [UInt8] {
        var out = magic
        guard let node else {
            out.append(0)
            return out
        }
        encode(node, into: &out)
        return out
    }

    static func encode(_ node: YAMLNode, into out: inout [UInt8]) {
        switch node {
        case .scalar(let s, let line):
            out.append(1)
            number(line, into: &out)
            text(s, into: &out)
        case .sequence(let items, let line):
            out.append(2)
            number(line, into: &out)
            number(items.count, into: &out)
            for item in items { encode(item, into: &out) }
        case .mapping(let pairs, let line):
            out.append(3)
            number(line, into: &out)
            number(pairs.count, into: &out)
            for (key, value) in pairs {
                text(key, into: &out)
                encode(value, into: &out)
            }
        }
    }

    static func number(_ n: Int, into out: inout [UInt8]) {
        var n = UInt(max(0, n))
        while n >= 0x80 {
            out.append(UInt8(n & 0x7F) | 0x80)
            n >>= 7
        }
        out.append(UInt8(n))
    }

    static func text(_ s: String, into out: inout [UInt8]) {
        number(s.utf8.count, into: &out)
        out += s.utf8
    }

    /// The node, or nil when the bytes are not a whole, well-formed encoding (then the text is parsed).
    static func decode(_ bytes: [UInt8]) -> YAMLNode?? {
        guard bytes.count > magic.count, bytes[..<magic.count].elementsEqual(magic) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> YAMLNode?? in
            var reader = Reader(bytes: buffer, at: magic.count)
            if buffer[reader.at] == 0 { return reader.at + 1 == buffer.count ? .some(nil) : nil }
            guard let node = reader.node(depth: 0), reader.at == buffer.count else { return nil }
            return .some(node)
        }
    }

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at: Int

        mutating func number() -> Int? {
            var value = 0
            var shift = 0
            while at < bytes.count, shift < 63 {
                let b = bytes[at]
                at += 1
                value |= Int(b & 0x7F) << shift
                if b < 0x80 { return value }
                shift += 7
            }
            return nil
        }

        mutating func text() -> String? {
            guard let n = number(), n <= bytes.count - at else { return nil }
            defer { at += n }
            return String(validating: UnsafeBufferPointer(rebasing: bytes[at..<(at + n)]), as: UTF8.self)
        }

        mutating func node(depth: Int) -> YAMLNode? {
            guard depth < 512, at < bytes.count else { return nil }
            let kind = bytes[at]
            at += 1
            guard let line = number() else { return nil }
            switch kind {
            case 1:
                return text().map { .scalar($0, line: line) }
            case 2:
                guard let count = number(), count <= bytes.count - at else { return nil }
                var items: [YAMLNode] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    guard let item = node(depth: depth + 1) else { return nil }
                    items.append(item)
                }
                return .sequence(items, line: line)
            case 3:
                guard let count = number(), count <= bytes.count - at else { return nil }
                var pairs: [(key: String, value: YAMLNode)] = []
                pairs.reserveCapacity(count)
                for _ in 0..<count {
                    guard let key = text(), let value = node(depth: depth + 1) else { return nil }
                    pairs.append((key, value))
                }
                return .mapping(pairs, line: line)
            default:
                return nil
            }
        }
    }
}
