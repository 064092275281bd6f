#if canImport(Glibc)
import Glibc
#endif

/// Findings cached by content under `refs/notes/galley`: one note per article blob, holding one entry
/// per plugin key (`<plugin>@<version>#<options digest>`). The notes tree is written fanned out
/// (`ab/cdef…`, git's own layout) in one commit per run, because libgit2's `git_note_create`
/// rewrites a flat tree per note. `git notes --ref=galley show <blob>` prints a note.
final class FindingsCache {
    static let reference = "refs/notes/galley"
    static let format = "galley-findings/1"

    private let repo: GitRepository
    private var loadedTip: ObjectID?
    private var loaded = false
    /// Blob id → (note blob id, path of the note in the notes tree).
    private var index: [ObjectID: (note: ObjectID, path: String)] = [:]
    private var notes: [ObjectID: [String: [CachedFinding]]] = [:]
    private var pending: [ObjectID: [String: [CachedFinding]]] = [:]
    /// Whole notes to write as they are (the `--each` checkpoints on commits).
    private var pendingRaw: [ObjectID: [UInt8]] = [:]
    private(set) var hits = 0
    private(set) var misses = 0
    /// Encode sealed notes on a second thread (for `--each`, which stores thousands).
    var encodeAhead = false
    private var encoder: NoteEncoder?
    private var sealed: [(ObjectID, [String: [CachedFinding]])] = []

    init(repo: GitRepository) {
        self.repo = repo
    }

    deinit { encoder?.stop() }

    /// Every plugin has stored its entry for `blob`: a new note can be encoded now.
    func seal(_ blob: ObjectID) {
        guard encodeAhead, loaded, index[blob] == nil, let entries = pending[blob] else { return }
        sealed.append((blob, entries))
        if sealed.count >= 256 { handOver() }
    }

    private func handOver() {
        guard !sealed.isEmpty else { return }
        if encoder == nil { encoder = NoteEncoder() }
        encoder!.enqueue(sealed)
        sealed.removeAll(keepingCapacity: true)
    }

    /// Cached findings of `key` for `blob`, placed at `path` and `revision`; nil on a miss.
    /// With `counting` false the lookup is a peek that leaves the hit and miss counts alone.
    func lookup(blob: ObjectID, key: String, path: String, revision: String?, counting: Bool = true) -> [Finding]? {
        if let p = pending[blob]?[key] {
            if counting { hits += 1 }
            return p.map { $0.finding(path: path, revision: revision) }
        }
        loadIndexIfNeeded()
        guard let entry = index[blob], let cached = note(blob: blob, id: entry.note)[key] else {
            if counting { misses += 1 }
            return nil
        }
        if counting { hits += 1 }
        return cached.map { $0.finding(path: path, revision: revision) }
    }

    func countHits(_ n: Int) { hits += n }

    func store(blob: ObjectID, key: String, findings: [Finding]) {
        pending[blob, default: [:]][key] = findings.map(CachedFinding.init)
    }

    var hasPending: Bool { !pending.isEmpty || !pendingRaw.isEmpty }

    /// Nothing cached yet (no note, none pending).
    var isEmpty: Bool {
        loadIndexIfNeeded()
        return index.isEmpty && !hasPending
    }

    /// The note on any object (a commit's checkpoint), read by path without loading the whole index.
    func rawNote(on object: ObjectID) -> [UInt8]? {
        if let p = pendingRaw[object] { return p }
        if loaded { return index[object].flatMap { readNote($0.note) } }
        guard let tip = try? repo.referenceTarget(Self.reference), let tree = try? repo.commitTree(tip) else { return nil }
        for path in [Self.fannedPath(object), object.hex] {
            if let id = (try? repo.blobID(at: path, inTree: tree)) ?? nil { return readNote(id) }
        }
        return nil
    }

    /// A note blob, from the packs when there: libgit2 checks every object it reads against its id
    /// with a collision-detecting SHA-1, 5 ms for a 600 KB checkpoint (which a damaged one fails to decode anyway).
    private func readNote(_ id: ObjectID) -> [UInt8]? {
        if let object = packs?.read(id), object.kind == .blob { return object.data }
        return try? repo.blobData(id)
    }

    /// The pack reader for notes, made on first use.
    private lazy var packs: PackReader? = PackReader(objectsDirectory: repo.gitDir + "objects")

    /// Objects that have a note, for searching checkpoints along a history.
    func hasNote(_ object: ObjectID) -> Bool {
        loadIndexIfNeeded()
        return index[object] != nil || pendingRaw[object] != nil
    }

    func storeRaw(on object: ObjectID, _ bytes: [UInt8]) { pendingRaw[object] = bytes }

    /// Writes the pending entries as one notes commit, merged with what is there, and moves the ref
    /// with compare-and-swap (rebuilding when another writer moved it first).
    func flush(author: Signature) throws {
        guard hasPending else { return }
        handOver()
        let ready = encoder?.drain() ?? [:]
        for _ in 0..<20 {
            let tip = try repo.referenceTarget(Self.reference)
            if tip != loadedTip || !loaded {
                loaded = false
                loadIndexIfNeeded()
            }
            var updates: [TreeUpdate] = []
            var notes: [(ObjectID, PackObject, [UInt8]?)] = []
            // Encoded notes carry only their zlib stream, which only the pack path takes.
            let packing = pending.count + pendingRaw.count >= 16
            for (blob, entries) in pending {
                if packing, index[blob] == nil, let encoded = ready[blob], encoded.entries == entries.count {
                    notes.append((blob, encoded.object, encoded.deflated))
                    continue
                }
                var merged: [String: [CachedFinding]] = [:]
                if let existing = index[blob] {
                    merged = note(blob: blob, id: existing.note)
                    let fanned = Self.fannedPath(blob)
                    if existing.path != fanned { updates.append(TreeUpdate(path: existing.path, blob: nil)) }
                }
                for key in entries.keys {
                    // Entries of the same plugin with another version or options are stale: drop them.
                    let base = Self.baseKey(key)
                    merged = merged.filter { Self.plugin(of: $0.key) != Self.plugin(of: key) || Self.baseKey($0.key) == base }
                }
                merged.merge(entries) { _, new in new }
                notes.append((blob, try PackObject(hashing: .blob, Self.encode(blob: blob, merged)), nil))
            }
            for (object, bytes) in pendingRaw {
                if let existing = index[object], existing.path != Self.fannedPath(object) {
                    updates.append(TreeUpdate(path: existing.path, blob: nil))
                }
                notes.append((object, try PackObject(hashing: .blob, bytes), nil))
            }
            let baseTree = try tip.map { try repo.commit($0).tree }
            let tree: ObjectID
            if packing {
                // Many notes: blobs and the fanned-out trees go into one pack.
                let deflater = try Deflater.stored()
                let blobs = try notes.map { (annotated: $0.0, note: $0.1, deflated: try $0.2 ?? deflater.deflate($0.1.data)) }
                if updates.isEmpty, let fanned = try repo.fannedNotesTreeAsPack(base: baseTree, notes: blobs) {
                    tree = fanned
                } else {
                    tree = try repo.updatedTreeAsPack(base: baseTree, removals: updates.map(\.path),
                                                      blobs: blobs.map { (Self.fannedPath($0.annotated), $0.note, $0.deflated) })
                }
            } else {
                for (object, note, _) in notes { updates.append(TreeUpdate(path: Self.fannedPath(object), blob: try repo.writeBlob(note.data))) }
                tree = try repo.updatedTree(base: baseTree, updates: updates)
            }
            let commit = try repo.createCommit(tree: tree, parents: tip.map { [$0] } ?? [], author: author, committer: author,
                                               message: "galley: cache findings of \(pending.count) article versions\n")
            do {
                try repo.setReference(Self.reference, to: commit, expected: tip, log: "galley: cache findings")
                pending.removeAll()
                pendingRaw.removeAll()
                loaded = false
                return
            } catch let f as GitFailure where f.isModified || f.isExists || f.isLocked {
                usleep(2_000)
                continue
            }
        }
        throw GalleyError.git(function: "refs/notes/galley", message: "another process kept updating the findings cache")
    }

    // MARK: Reading

    private func loadIndexIfNeeded() {
        guard !loaded else { return }
        loaded = true
        index.removeAll()
        notes.removeAll()
        loadedTip = try? repo.referenceTarget(Self.reference)
        guard let tip = loadedTip, let tree = try? repo.commit(tip).tree else { return }
        collect(tree: tree, prefix: "", pathPrefix: "")
    }

    /// Notes trees may be flat or fanned out at any depth; the object id is the concatenated names.
    private func collect(tree: ObjectID, prefix: String, pathPrefix: String) {
        for e in (try? repo.listTree(tree)) ?? [] {
            let name = prefix + e.name
            if e.isTree {
                if name.count < 40 { collect(tree: e.id, prefix: name, pathPrefix: pathPrefix + e.name + "/") }
            } else if name.count == 40, let blob = ObjectID(hex: name) {
                index[blob] = (e.id, pathPrefix + e.name)
            }
        }
    }

    private func note(blob: ObjectID, id: ObjectID) -> [String: [CachedFinding]] {
        if let n = notes[blob] { return n }
        let parsed = (try? repo.blobData(id)).flatMap(Self.decode) ?? [:]
        notes[blob] = parsed
        return parsed
    }

    static func fannedPath(_ blob: ObjectID) -> String {
        let hex = blob.hex
        return String(hex.prefix(2)) + "/" + String(hex.dropFirst(2))
    }

    static func plugin(of key: String) -> Substring { key.prefix { $0 != "@" } }
    static func baseKey(_ key: String) -> Substring { key.prefix { $0 != "~" } }

    // MARK: Format

    /// One note: a header line, then per plugin key its findings one per line (readable with `git notes show`).
    static func encode(blob: ObjectID, _ entries: [String: [CachedFinding]]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + entries.values.reduce(0) { $0 + $1.count * 400 })
        out.append(contentsOf: "{\"format\":\"\(format)\",\"blob\":\"\(blob.hex)\",\"entries\":{".utf8)
        let keys = entries.keys.sorted()
        for (i, key) in keys.enumerated() {
            out.append(0x0A)
            JSONValue.writeString(key, into: &out)
            let findings = entries[key]!
            out += [0x3A, 0x5B]
            for (j, f) in findings.enumerated() {
                out += j == 0 ? [0x0A, 0x20, 0x20] : [0x2C, 0x0A, 0x20, 0x20]
                f.writeJSON(into: &out)
            }
            if !findings.isEmpty { out.append(0x0A) }
            out.append(0x5D)
            if i < keys.count - 1 { out.append(0x2C) }
        }
        out += [0x0A, 0x7D, 0x7D, 0x0A]
        return out
    }

    static func decode(_ bytes: [UInt8]) -> [String: [CachedFinding]]? {
        guard let object = JSONValue.parse(bytes), object["format"]?.stringValue == format,
              case .object(let entries)? = object["entries"]
        else { return nil }
        var out: [String: [CachedFinding]] = [:]
        for (key, value) in entries {
            guard case .array(let list) = value else { continue }
            let decoded = list.compactMap(CachedFinding.init(json:))
            if decoded.count == list.count { out[key] = decoded }
        }
        return out
    }
}

/// A finding without path and revision: what depends on the blob alone.
struct CachedFinding: Sendable {
    let rule: String
    let severity: Severity
    let line: Int
    let column: Int
    let offset: Int?
    let length: Int
    let byteOffset: Int?
    let byteLength: Int
    let text: String
    let message: Message
    let replacement: String?
    let fixable: Bool
    let anchor: String

    init(_ f: Finding) {
        anchor = f.anchor
        rule = f.rule
        severity = f.severity
        line = f.line
        column = f.column
        offset = f.offset
        length = f.length
        byteOffset = f.byteOffset
        byteLength = f.byteLength
        text = f.text
        message = f.message
        replacement = f.replacement
        fixable = f.fixable
    }

    init?(json o: JSONValue) {
        guard let rule = o["rule"]?.stringValue, let severity = o["severity"]?.stringValue.flatMap(Severity.init(rawValue:)),
              let line = o["line"]?.intValue, let column = o["column"]?.intValue, let length = o["length"]?.intValue,
              let byteLength = o["byte_length"]?.intValue, let text = o["text"]?.stringValue,
              let zh = o["message"]?.stringValue, let en = o["message_en"]?.stringValue
        else { return nil }
        self.rule = rule
        self.severity = severity
        self.line = line
        self.column = column
        self.offset = o["offset"]?.intValue
        self.length = length
        self.byteOffset = o["byte_offset"]?.intValue
        self.byteLength = byteLength
        self.text = text
        self.message = Message(zh, en: en)
        self.replacement = o["replacement"]?.stringValue
        if case .bool(let b)? = o["fixable"] { self.fixable = b } else { self.fixable = false }
        self.anchor = o["anchor"]?.stringValue ?? ""
    }

    func writeJSON(into out: inout [UInt8]) {
        func key(_ name: StaticString) {
            name.withUTF8Buffer { out.append(contentsOf: $0) }
        }
        func int(_ v: Int?) { out.append(contentsOf: (v.map(String.init) ?? "null").utf8) }
        key("{\"rule\":")
        JSONValue.writeString(rule, into: &out)
        key(",\"severity\":")
        JSONValue.writeString(severity.rawValue, into: &out)
        key(",\"line\":")
        int(line)
        key(",\"column\":")
        int(column)
        key(",\"offset\":")
        int(offset)
        key(",\"length\":")
        int(length)
        key(",\"byte_offset\":")
        int(byteOffset)
        key(",\"byte_length\":")
        int(byteLength)
        key(",\"text\":")
        JSONValue.writeString(text, into: &out)
        key(",\"message\":")
        JSONValue.writeString(message.zh, into: &out)
        key(",\"message_en\":")
        JSONValue.writeString(message.en, into: &out)
        key(",\"replacement\":")
        if let replacement { JSONValue.writeString(replacement, into: &out) } else { key("null") }
        key(fixable ? ",\"fixable\":true" : ",\"fixable\":false")
        key(",\"anchor\":")
        JSONValue.writeString(anchor, into: &out)
        out.append(0x7D)
    }

    func finding(path: String, revision: String?) -> Finding {
        var f = Finding(rule: rule, severity: severity, path: path, revision: revision, line: line, column: column, offset: offset,
                length: length, byteOffset: byteOffset, byteLength: byteLength, text: text, message: message,
                        replacement: replacement, fixable: fixable)
        f.anchor = anchor
        return f
    }
}
