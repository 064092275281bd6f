/// The state of a `check --each` walk at one commit, stored as a note on that commit so that a later
/// run over the same history resumes there instead of walking and diffing every revision again.
/// Tab-separated text: a header line, one `P` line per article path, then one `C` (current) or `G`
/// (gone) line per finding.
struct EachCheckpoint {
    static let format = "galley-each/1"

    var key: String
    var revisions: Int
    var tracks: [String: Track]
    var gone: [Finding]

    /// Written as bytes field by field: building a string per field took 10 ms for 2,500 findings.
    func encode() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 * (gone.count + tracks.count * 2))
        out += Array("\(Self.format)\t\(key)\t\(revisions)\n".utf8)
        for path in tracks.keys.sorted() {
            let t = tracks[path]!
            out += [UInt8(ascii: "P"), 9]
            Self.appendEscaped(path, to: &out)
            out.append(9)
            out += Array((t.blob?.hex ?? "-").utf8)
            out.append(10)
            for live in t.current { Self.append(live.finding, kind: "C", to: &out) }
        }
        for f in gone { Self.append(f, kind: "G", to: &out) }
        return out
    }

    /// Nil when the text is not a checkpoint for `key`. Reads the bytes field by field: a warm
    /// `check --each` spends most of its time here, and splitting a String by Characters was half of it.
    static func decode(_ bytes: [UInt8], key: String) -> EachCheckpoint? {
        bytes.withUnsafeBufferPointer { buffer in decode(buffer, key: key) }
    }

    private static func decode(_ b: UnsafeBufferPointer<UInt8>, key: String) -> EachCheckpoint? {
        var tracks: [String: Track] = [:]
        var gone: [Finding] = []
        var currentPath: String?
        var revisions: Int?
        var fields: [Range<Int>] = []
        fields.reserveCapacity(19)
        var start = 0
        while start < b.count {
            var end = start
            while end < b.count, b[end] != 10 { end += 1 }
            defer { start = end + 1 }
            if end == start { continue }
            fields.removeAll(keepingCapacity: true)
            var fieldStart = start
            for i in start..<end where b[i] == 9 {
                fields.append(fieldStart..<i)
                fieldStart = i + 1
            }
            fields.append(fieldStart..<end)
            if revisions == nil {  // the header line
                guard fields.count == 3, text(b, fields[0]) == format, text(b, fields[1]) == key,
                      let n = Int(text(b, fields[2])) else { return nil }
                revisions = n
                continue
            }
            let kind = fields[0].count == 1 ? b[fields[0].lowerBound] : 0
            switch kind {
            case UInt8(ascii: "P"):
                guard fields.count == 3 else { return nil }
                let path = unescape(b, fields[1])
                var track = Track()
                let blob = text(b, fields[2])
                track.blob = blob == "-" ? nil : ObjectID(hex: blob)
                tracks[path] = track
                currentPath = path
            case UInt8(ascii: "C"):
                guard let path = currentPath, let f = finding(b, fields) else { return nil }
                tracks[path]!.current.append(Track.Live(finding: f))
            case UInt8(ascii: "G"):
                guard let f = finding(b, fields) else { return nil }
                gone.append(f)
            default: return nil
            }
        }
        guard let revisions else { return nil }
        return EachCheckpoint(key: key, revisions: revisions, tracks: tracks, gone: gone)
    }

    private static func text(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
    }

    private static func isDash(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        r.count == 1 && b[r.lowerBound] == UInt8(ascii: "-")
    }

    /// A decimal number, or nil (also for `-`).
    private static func int(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        guard !r.isEmpty, r.count <= 18 else { return nil }
        var v = 0
        for i in r {
            let d = Int(b[i]) - 48
            guard (0...9).contains(d) else { return nil }
            v = v * 10 + d
        }
        return v
    }

    private static func finding(_ b: UnsafeBufferPointer<UInt8>, _ fields: [Range<Int>]) -> Finding? {
        guard fields.count == 19, let severity = Severity(rawValue: text(b, fields[6])),
              let line = int(b, fields[7]), let column = int(b, fields[8]), let length = int(b, fields[10]),
              let byteLength = int(b, fields[12])
        else { return nil }
        func opt(_ r: Range<Int>) -> String? { isDash(b, r) ? nil : unescape(b, r) }
        var f = Finding(rule: unescape(b, fields[5]), severity: severity, path: unescape(b, fields[1]), revision: opt(fields[2]),
                        line: line, column: column, offset: int(b, fields[9]), length: length, byteOffset: int(b, fields[11]),
                        byteLength: byteLength, text: unescape(b, fields[14]),
                        message: Message(unescape(b, fields[15]), en: unescape(b, fields[16])),
                        replacement: isDash(b, fields[17]) ? nil : String(unescape(b, fields[17]).dropFirst()),
                        fixable: fields[13].count == 1 && b[fields[13].lowerBound] == UInt8(ascii: "1"))
        f.introduced = opt(fields[3])
        f.fixed = opt(fields[4])
        f.anchor = unescape(b, fields[18])
        return f
    }

    /// The field with `escape`'s backslash escapes undone, read from the bytes once.
    private static func unescape(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        guard b[r].contains(92) else { return text(b, r) }
        var out: [UInt8] = []
        out.reserveCapacity(r.count)
        var escaped = false
        for byte in b[r] {
            if escaped {
                switch byte {
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                default: out.append(byte)
                }
                escaped = false
            } else if byte == 92 {
                escaped = true
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One finding's line: its kind, then 18 tab-separated fields.
    static func append(_ f: Finding, kind: Unicode.Scalar, to out: inout [UInt8]) {
        out.append(UInt8(ascii: kind))
        func field(_ s: String) {
            out.append(9)
            appendEscaped(s, to: &out)
        }
        func number(_ v: Int?) {
            out.append(9)
            if let v { out += Array(String(v).utf8) } else { out.append(UInt8(ascii: "-")) }
        }
        field(f.path)
        field(f.revision ?? "-")
        field(f.introduced ?? "-")
        field(f.fixed ?? "-")
        field(f.rule)
        field(f.severity.rawValue)
        number(f.line)
        number(f.column)
        number(f.offset)
        number(f.length)
        number(f.byteOffset)
        number(f.byteLength)
        field(f.fixable ? "1" : "0")
        field(f.text)
        field(f.message.zh)
        field(f.message.en)
        field(f.replacement.map { "=" + $0 } ?? "-")
        field(f.anchor)
        out.append(10)
    }

    /// Backslash escapes for tab, newline, CR and backslash, so every field stays on its line.
    static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        for byte in s.utf8 {
            switch byte {
            case 9: out += [92, UInt8(ascii: "t")]
            case 10: out += [92, UInt8(ascii: "n")]
            case 13: out += [92, UInt8(ascii: "r")]
            case 92: out += [92, 92]
            default: out.append(byte)
            }
        }
    }
}
