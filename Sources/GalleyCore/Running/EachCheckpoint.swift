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

    func encode() -> [UInt8] {
        var out = "\(Self.format)\t\(key)\t\(revisions)\n"
        for path in tracks.keys.sorted() {
            let t = tracks[path]!
            out += "P\t\(Self.escape(path))\t\(t.blob?.hex ?? "-")\n"
            for live in t.current { out += "C\t" + Self.line(live.finding) + "\n" }
        }
        for f in gone { out += "G\t" + Self.line(f) + "\n" }
        return Array(out.utf8)
    }

    /// Nil when the text is not a checkpoint for `key`.
    static func decode(_ bytes: [UInt8], key: String) -> EachCheckpoint? {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
        guard let header = lines.next()?.split(separator: "\t", omittingEmptySubsequences: false), header.count == 3,
              header[0] == format, header[1] == key, let revisions = Int(header[2])
        else { return nil }
        var tracks: [String: Track] = [:]
        var gone: [Finding] = []
        var currentPath: String?
        while let line = lines.next() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch fields.first {
            case "P":
                guard fields.count == 3 else { return nil }
                let path = unescape(fields[1])
                var track = Track()
                track.blob = fields[2] == "-" ? nil : ObjectID(hex: String(fields[2]))
                tracks[path] = track
                currentPath = path
            case "C":
                guard let path = currentPath, let f = finding(fields) else { return nil }
                tracks[path]!.current.append(Track.Live(finding: f))
            case "G":
                guard let f = finding(fields) else { return nil }
                gone.append(f)
            default: return nil
            }
        }
        return EachCheckpoint(key: key, revisions: revisions, tracks: tracks, gone: gone)
    }

    static func line(_ f: Finding) -> String {
        func opt(_ v: Int?) -> String { v.map(String.init) ?? "-" }
        let fields: [String] = [
            f.path, f.revision ?? "-", f.introduced ?? "-", f.fixed ?? "-", f.rule, f.severity.rawValue,
            String(f.line), String(f.column), opt(f.offset), String(f.length), opt(f.byteOffset), String(f.byteLength),
            f.fixable ? "1" : "0", f.text, f.message.zh, f.message.en, f.replacement.map { "=" + $0 } ?? "-", f.anchor,
        ]
        return fields.map(escape).joined(separator: "\t")
    }

    static func finding(_ fields: [Substring]) -> Finding? {
        guard fields.count == 19, let severity = Severity(rawValue: String(fields[6])),
              let line = Int(fields[7]), let column = Int(fields[8]), let length = Int(fields[10]), let byteLength = Int(fields[12])
        else { return nil }
        func opt(_ s: Substring) -> String? { s == "-" ? nil : unescape(s) }
        var f = Finding(rule: unescape(fields[5]), severity: severity, path: unescape(fields[1]), revision: opt(fields[2]),
                        line: line, column: column, offset: Int(fields[9]), length: length, byteOffset: Int(fields[11]),
                        byteLength: byteLength, text: unescape(fields[14]), message: Message(unescape(fields[15]), en: unescape(fields[16])),
                        replacement: fields[17] == "-" ? nil : String(unescape(fields[17]).dropFirst()), fixable: fields[13] == "1")
        f.introduced = opt(fields[3])
        f.fixed = opt(fields[4])
        f.anchor = unescape(fields[18])
        return f
    }

    /// Backslash escapes for tab, newline, CR and backslash, so every field stays on its line.
    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 9 || $0 == 10 || $0 == 13 || $0 == 92 }) else { return s }
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    static func unescape(_ s: Substring) -> String {
        guard s.utf8.contains(92) else { return String(s) }
        var out = ""
        var escaped = false
        for ch in s.unicodeScalars {
            if escaped {
                switch ch {
                case "t": out += "\t"
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.unicodeScalars.append(ch)
                }
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
