/// SARIF 2.1.0 for code-scanning tools: one run, columns in Unicode code points, one rule, notification or
/// result per line.
///
/// A finding's revision, `introduced` and `fixed` go in the result's `properties`: SARIF's
/// `versionControlProvenance` needs a repository URI, which a report does not have. A fixed
/// finding is a `pass` whose `baselineState` is `absent`, so code scanning does not list it as open.
public struct SARIFReporter: Reporter {
    public static let id = "sarif"
    public static let summary = "SARIF 2.1.0 for code-scanning tools and editors"

    static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The `partialFingerprints` key; bump the version if the hashed fields change.
    static let fingerprintKey: StaticString = "galley/v1"

    public init() {}

    public func render(_ findings: [Finding], summary: ReportSummary, context: ReportContext) -> String {
        let rules = RuleTable(listed: context.rules, findings: findings)
        var json = JSONWriter(capacity: 1024 + findings.count * 1200)
        json.beginObject()
        json.field("$schema", Self.schema)
        json.field("version", "2.1.0")
        json.key("runs")
        json.beginArray()
        json.beginObject()
        writeTool(rules, context: context, to: &json)
        writeInvocation(problems: summary.problems, to: &json)
        json.field("language", context.language == .zh ? "zh-CN" : "en-US")
        json.field("columnKind", "unicodeCodePoints")
        json.key("results")
        json.beginArray()
        for finding in findings {
            writeResult(finding, ruleIndex: rules.index[finding.rule] ?? 0, language: context.language, to: &json)
        }
        json.endArray()
        json.endObject()
        json.endArray()
        json.endObject()
        return json.finish()
    }

    private func writeTool(_ rules: RuleTable, context: ReportContext, to json: inout JSONWriter) {
        json.key("tool")
        json.beginObject()
        json.key("driver")
        json.beginObject()
        json.field("name", "galley")
        if !context.toolVersion.isEmpty { json.field("version", context.toolVersion) }
        if let uri = context.informationURI { json.field("informationUri", uri) }
        json.key("rules")
        json.beginArray()
        for (id, rule) in rules.entries {
            json.beginObject(compact: true)
            json.field("id", id)
            if let rule {
                let other: Language = context.language == .zh ? .en : .zh
                Self.writeMessage("shortDescription", rule.summary.text(context.language), to: &json)
                Self.writeMessage("fullDescription", rule.summary.text(other), to: &json)
                json.key("defaultConfiguration")
                json.beginObject()
                json.field("level", Self.level(rule.severity))
                json.endObject()
            }
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.endObject()
    }

    private func writeInvocation(problems: [String], to json: inout JSONWriter) {
        json.key("invocations")
        json.beginArray()
        json.beginObject()
        json.field("executionSuccessful", problems.isEmpty)
        if !problems.isEmpty {
            json.key("toolExecutionNotifications")
            json.beginArray()
            for problem in problems {
                json.beginObject(compact: true)
                json.field("level", "error")
                Self.writeMessage("message", problem, to: &json)
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
        json.endArray()
    }

    private func writeResult(_ finding: Finding, ruleIndex: Int, language: Language, to json: inout JSONWriter) {
        let artifact = ArtifactLocation(path: finding.path)
        json.beginObject(compact: true)
        json.field("ruleId", finding.rule)
        json.field("ruleIndex", ruleIndex)
        // A finding fixed within the range (`--each`) is no longer there: a pass against the range's start.
        if finding.fixed != nil {
            json.field("kind", "pass")
            json.field("level", "none")
            json.field("baselineState", "absent")
        } else {
            json.field("level", Self.level(finding.severity))
        }
        Self.writeMessage("message", finding.message.text(language), to: &json)
        json.key("locations")
        json.beginArray()
        json.beginObject()
        json.key("physicalLocation")
        json.beginObject()
        artifact.write(to: &json)
        Self.writeRegion(finding, snippet: true, to: &json, key: "region")
        json.endObject()
        json.endObject()
        json.endArray()
        json.key("partialFingerprints")
        json.beginObject()
        json.field(Self.fingerprintKey, Self.fingerprint(finding))
        json.endObject()
        if let replacement = finding.replacement, finding.fixed == nil {
            writeFix(finding, replacement: replacement, artifact: artifact, language: language, to: &json)
        }
        writeProperties(finding, to: &json)
        json.endObject()
    }

    private func writeFix(_ finding: Finding, replacement: String, artifact: ArtifactLocation, language: Language,
                          to json: inout JSONWriter)
    {
        json.key("fixes")
        json.beginArray()
        json.beginObject()
        let description = switch language {
        case .zh: replacement.isEmpty ? "删除" : "改为“\(replacement)”"
        case .en: replacement.isEmpty ? "Delete it" : "Replace with “\(replacement)”"
        }
        Self.writeMessage("description", description, to: &json)
        json.key("artifactChanges")
        json.beginArray()
        json.beginObject()
        artifact.write(to: &json)
        json.key("replacements")
        json.beginArray()
        json.beginObject()
        Self.writeRegion(finding, snippet: false, to: &json, key: "deletedRegion")
        Self.writeMessage("insertedContent", replacement, to: &json)
        json.endObject()
        json.endArray()
        json.endObject()
        json.endArray()
        json.key("properties")
        json.beginObject()
        json.field("fixable", finding.fixable)
        json.endObject()
        json.endObject()
        json.endArray()
    }

    private func writeProperties(_ finding: Finding, to json: inout JSONWriter) {
        guard finding.revision != nil || finding.introduced != nil || finding.fixed != nil else { return }
        json.key("properties")
        json.beginObject()
        if let revision = finding.revision { json.field("revision", revision) }
        if let introduced = finding.introduced { json.field("introduced", introduced) }
        if let fixed = finding.fixed { json.field("fixed", fixed) }
        json.endObject()
    }
}
