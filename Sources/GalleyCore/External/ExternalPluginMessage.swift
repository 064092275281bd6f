/// The messages of the external plugin protocol, version 1: requests written as compact JSON lines,
/// responses parsed and validated. Everything taken from a response that may reach a terminal is
/// sanitized here, so the host and reporters never see raw plugin text.
enum ExternalPluginMessage {
    static let protocolVersion = 1

    /// Why a response line was refused. Every string in it is already sanitized.
    enum Violation: Error {
        case notUTF8
        case notJSON(excerpt: String)
        case notAnObject(excerpt: String)
        case wrongType(found: String?)
        case invalid(String)
    }

    // MARK: Requests

    static func describeRequest() -> [UInt8] {
        line(.object([("type", .string("describe")), ("protocol", .number(Double(protocolVersion)))]))
    }

    static func checkRequest(path: String, revision: String?, article: Article) -> [UInt8] {
        var frontMatter: [(key: String, value: JSONValue)] = []
        if let fm = article.frontMatter {
            for key in fm.fields.keys.sorted() where key != "credits" {
                frontMatter.append((key, .string(fm.fields[key] ?? "")))
            }
            let credits = fm.credits.map { JSONValue.object([("role", .string($0.role)), ("name", .string($0.name))]) }
            frontMatter.append(("credits", .array(credits)))
        }
        let articleValue = JSONValue.object([
            ("path", .string(path)),
            ("revision", revision.map(JSONValue.string) ?? .null),
            ("front_matter", .object(frontMatter)),
            ("body", .string(String(article.body))),
        ])
        return line(.object([("type", .string("check")), ("article", articleValue)]))
    }

    private static func line(_ value: JSONValue) -> [UInt8] {
        var out = value.serialized
        out.append(0x0A)
        return out
    }

    // MARK: Responses

    /// Parses a line into the object of a message of `type`.
    static func message(_ line: [UInt8], type expected: String) throws(Violation) -> JSONValue {
        guard let text = String(validating: line, as: UTF8.self) else { throw .notUTF8 }
        guard let value = JSONValue.parse(line) else { throw .notJSON(excerpt: excerpt(text)) }
        guard case .object = value else { throw .notAnObject(excerpt: excerpt(text)) }
        guard case .string(let type)? = value["type"] else { throw .wrongType(found: nil) }
        guard type == expected else { throw .wrongType(found: excerpt(type)) }
        return value
    }

    /// Validates a `description` message for the plugin called `name` in `galley.yml`.
    static func description(_ message: JSONValue, name: String) throws(Violation) -> ExternalDescription {
        let top = Fields(message, path: "")
        guard case .number(let spoken)? = message["protocol"] else { throw .invalid("it has no \"protocol\" number") }
        guard spoken == Double(protocolVersion) else {
            throw .invalid("it speaks protocol \(excerpt(JSONValue.number(spoken).text)); this galley speaks protocol \(protocolVersion)")
        }
        let claimed = try top.string("name")
        guard claimed == name else {
            throw .invalid("it calls itself \(quoted(claimed)) but galley.yml names it \(quoted(name))")
        }
        let version = TerminalSafe.sanitize(try top.string("version"))
        var rules: [ExternalRuleDescription] = []
        var seen: Set<String> = []
        for (i, item) in try top.array("rules").enumerated() {
            let fields = Fields(item, path: "rules[\(i)]")
            guard case .object = item else { throw .invalid("rules[\(i)] is not an object") }
            let id = try fields.string("id")
            guard RuleDescription.isValidID(id) else {
                throw .invalid("rules[\(i)].id \(quoted(id)) is not <plugin>.<rule> in lowercase kebab-case")
            }
            guard id.hasPrefix(name + ".") else {
                throw .invalid("rules[\(i)].id \(quoted(id)) does not start with \(quoted(name + "."))")
            }
            guard seen.insert(id).inserted else { throw .invalid("rule \(quoted(id)) is described twice") }
            let summary = TerminalSafe.sanitize(try fields.string("summary"))
            let severity = try fields.severity("severity")
            func examples(_ key: String) throws(Violation) -> [Example] {
                try fields.optionalArray(key).enumerated().map { (j, value) throws(Violation) -> Example in
                    guard case .string(let text) = value else { throw .invalid("rules[\(i)].\(key)[\(j)] is not a string") }
                    return Example(TerminalSafe.sanitize(text, keepNewlines: true), file: key, line: j + 1)
                }
            }
            var corrections: [Example] = []
            for (j, pair) in try fields.optionalArray("corrections").enumerated() {
                let pairFields = Fields(pair, path: "rules[\(i)].corrections[\(j)]")
                guard case .object = pair else { throw .invalid("rules[\(i)].corrections[\(j)] is not an object") }
                corrections.append(Example(TerminalSafe.sanitize(try pairFields.string("before"), keepNewlines: true),
                                           TerminalSafe.sanitize(try pairFields.string("after"), keepNewlines: true),
                                           file: "corrections", line: j + 1))
            }
            rules.append(ExternalRuleDescription(id: id, summary: summary, severity: severity,
                                                 triggering: try examples("triggering"),
                                                 nonTriggering: try examples("non_triggering"),
                                                 corrections: corrections))
        }
        return ExternalDescription(name: name, version: version, rules: rules)
    }

    /// Validates a `findings` message against the described rules and the body's length in scalars.
    static func findings(_ message: JSONValue, rules: Set<String>, bodyScalars: Int) throws(Violation) -> [ExternalFinding] {
        var out: [ExternalFinding] = []
        for (i, item) in try Fields(message, path: "").array("findings").enumerated() {
            let path = "findings[\(i)]"
            guard case .object = item else { throw .invalid("\(path) is not an object") }
            let fields = Fields(item, path: path)
            let rule = try fields.string("rule")
            guard rules.contains(rule) else {
                throw .invalid("\(path).rule \(quoted(rule)) is not a rule of this plugin (its description lists \(rules.sorted().joined(separator: ", ")))")
            }
            let severity = try fields.severity("severity")
            let message = TerminalSafe.sanitize(try fields.string("message"))
            let offset = try fields.count("offset")
            let length = try fields.count("length")
            guard offset <= bodyScalars, length <= bodyScalars - offset else {
                throw .invalid("\(path) has offset \(offset) and length \(length), outside the body (\(bodyScalars) Unicode scalars)")
            }
            let replacement = try fields.optionalString("replacement")
            if let replacement, TerminalSafe.sanitize(replacement, keepNewlines: true) != replacement {
                throw .invalid("\(path).replacement contains control characters or escape sequences")
            }
            out.append(ExternalFinding(rule: rule, severity: severity, message: message, offset: offset, length: length,
                                       replacement: replacement))
        }
        return out
    }

    // MARK: Helpers

    /// Typed access to the members of one object, with errors naming the JSON path.
    private struct Fields {
        let value: JSONValue
        let path: String

        init(_ value: JSONValue, path: String) {
            self.value = value
            self.path = path
        }

        func name(_ key: String) -> String { path.isEmpty ? "\"\(key)\"" : "\(path).\(key)" }

        func string(_ key: String) throws(Violation) -> String {
            guard let member = value[key] else { throw .invalid("\(name(key)) is missing") }
            guard case .string(let s) = member else { throw .invalid("\(name(key)) is not a string") }
            return s
        }

        func optionalString(_ key: String) throws(Violation) -> String? {
            switch value[key] {
            case nil, .null?: return nil
            case .string(let s)?: return s
            default: throw .invalid("\(name(key)) is not a string")
            }
        }

        func array(_ key: String) throws(Violation) -> [JSONValue] {
            guard let member = value[key] else { throw .invalid("\(name(key)) is missing") }
            guard case .array(let items) = member else { throw .invalid("\(name(key)) is not a list") }
            return items
        }

        func optionalArray(_ key: String) throws(Violation) -> [JSONValue] {
            if value[key] == nil { return [] }
            if case .null? = value[key] { return [] }
            return try array(key)
        }

        func count(_ key: String) throws(Violation) -> Int {
            guard let member = value[key] else { throw .invalid("\(name(key)) is missing") }
            guard case .number(let d) = member, d >= 0, d == d.rounded(), d < 1e15 else {
                throw .invalid("\(name(key)) is not a whole number ≥ 0")
            }
            return Int(d)
        }

        func severity(_ key: String) throws(Violation) -> Severity {
            let raw = try string(key)
            guard let severity = Severity(rawValue: raw) else {
                throw .invalid("\(name(key)) is \(quoted(raw)); expected error, warning or info")
            }
            return severity
        }
    }

    /// The start of a plugin-supplied text, sanitized and cut to about `limit` characters.
    static func excerpt(_ text: String, limit: Int = 60) -> String {
        let safe = TerminalSafe.sanitize(text)
        return safe.count > limit ? String(safe.prefix(limit)) + "…" : safe
    }

    /// A plugin-supplied text in quotes, sanitized and shortened.
    static func quoted(_ text: String) -> String { "\"\(excerpt(text, limit: 40))\"" }
}

extension JSONValue {
    /// The compact JSON text, for quoting a value in a message.
    var text: String { String(decoding: serialized, as: UTF8.self) }
}
