extension SARIFReporter {
    /// `tool.driver.rules`: the rules that ran, then any rule id found in findings but not listed.
    struct RuleTable {
        private(set) var entries: [(id: String, rule: RuleSummary?)] = []
        private(set) var index: [String: Int] = [:]

        init(listed: [RuleSummary], findings: [Finding]) {
            for rule in listed where index[rule.id] == nil {
                index[rule.id] = entries.count
                entries.append((rule.id, rule))
            }
            for finding in findings where index[finding.rule] == nil {
                index[finding.rule] = entries.count
                entries.append((finding.rule, nil))
            }
        }
    }

    /// An `artifactLocation`: relative paths are URI references against `SRCROOT`, absolute ones `file:` URIs.
    struct ArtifactLocation {
        let uri: String
        let baseID: String?

        init(path: String) {
            let encoded = Self.percentEncoded(path)
            if path.hasPrefix("/") {
                uri = "file://" + encoded
                baseID = nil
            } else {
                uri = encoded
                baseID = "SRCROOT"
            }
        }

        func write(to json: inout JSONWriter) {
            json.key("artifactLocation")
            json.beginObject()
            json.field("uri", uri)
            if let baseID { json.field("uriBaseId", baseID) }
            json.endObject()
        }

        /// `path` with every byte but unreserved characters and `/` percent-encoded (RFC 3986).
        static func percentEncoded(_ path: String) -> String {
            let hex = Array("0123456789ABCDEF".utf8)
            var out: [UInt8] = []
            out.reserveCapacity(path.utf8.count)
            for byte in path.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                     UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                     UInt8(ascii: "~"), UInt8(ascii: "/"):
                    out.append(byte)
                default:
                    out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// A region by line/column, with `endLine`/`endColumn` worked out from the flagged text so that the
    /// line/column form agrees with `charLength`.
    static func writeRegion(_ finding: Finding, snippet: Bool, to json: inout JSONWriter, key: StaticString) {
        var endLine = finding.line
        var endColumn = finding.column
        for scalar in finding.text.unicodeScalars {
            if scalar == "\n" {
                endLine += 1
                endColumn = 1
            } else {
                endColumn += 1
            }
        }
        json.key(key)
        json.beginObject()
        json.field("startLine", finding.line)
        json.field("startColumn", finding.column)
        json.field("endLine", endLine)
        json.field("endColumn", endColumn)
        json.field("charLength", finding.length)
        if snippet { writeMessage("snippet", finding.text, to: &json) }
        json.endObject()
    }

    /// `"key": {"text": text}`, the shape of SARIF messages, descriptions and artifact contents.
    static func writeMessage(_ key: StaticString, _ text: String, to json: inout JSONWriter) {
        json.key(key)
        json.beginObject()
        json.field("text", text)
        json.endObject()
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// FNV-1a (64-bit) of rule, path, text and the message in both languages, as 16 hex digits: stable
    /// across runs, languages and line moves.
    static func fingerprint(_ finding: Finding) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for field in [finding.rule, finding.path, finding.text, finding.message.zh, finding.message.en] {
            for byte in field.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            // 0xFF never occurs in UTF-8, so it separates the fields unambiguously.
            hash = (hash ^ 0xFF) &* 0x0000_0100_0000_01B3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
