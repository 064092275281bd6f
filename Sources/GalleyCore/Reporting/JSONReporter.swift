/// Machine-readable output: `{"findings": […], "summary": {…}}`, one finding per line, keys in a fixed order.
public struct JSONReporter: Reporter {
    public static let id = "json"
    public static let summary = "JSON: one object with the findings and a summary, for scripts"

    public init() {}

    public func render(_ findings: [Finding], summary: ReportSummary, context: ReportContext) -> String {
        var json = JSONWriter(lineBreakDepth: 2, capacity: 64 + findings.count * 400)
        json.beginObject()
        json.key("findings")
        json.beginArray()
        for finding in findings { write(finding, to: &json, language: context.language) }
        json.endArray()
        json.key("summary")
        write(summary, counts: SeverityCounts(findings), to: &json)
        json.endObject()
        return json.finish()
    }

    private func write(_ finding: Finding, to json: inout JSONWriter, language: Language) {
        json.beginObject()
        json.field("path", finding.path)
        json.field("revision", finding.revision)
        json.field("line", finding.line)
        json.field("column", finding.column)
        json.field("offset", finding.offset)
        json.field("length", finding.length)
        json.field("text", finding.text)
        json.field("rule", finding.rule)
        json.field("severity", finding.severity.rawValue)
        json.field("message", finding.message.text(language))
        json.field("replacement", finding.replacement)
        json.field("byte_offset", finding.byteOffset)
        json.field("byte_length", finding.byteLength)
        json.field("fixable", finding.fixable)
        json.field("message_en", finding.message.en)
        json.field("message_zh", finding.message.zh)
        if let introduced = finding.introduced { json.field("introduced", introduced) }
        if let fixed = finding.fixed { json.field("fixed", fixed) }
        json.endObject()
    }

    private func write(_ summary: ReportSummary, counts: SeverityCounts, to json: inout JSONWriter) {
        json.beginObject()
        json.field("errors", counts.errors)
        json.field("warnings", counts.warnings)
        json.field("info", counts.info)
        json.field("fixed", counts.fixed)
        json.field("files", summary.files)
        json.field("revisions", summary.revisions)
        json.key("cache")
        json.beginObject()
        json.field("hits", summary.cacheHits)
        json.field("misses", summary.cacheMisses)
        json.endObject()
        json.key("problems")
        json.beginArray()
        for problem in summary.problems { json.string(problem) }
        json.endArray()
        json.endObject()
    }
}
