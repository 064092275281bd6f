/// What a reporter needs to know about a rule that ran: its id, one-line summary and default severity.
public struct RuleSummary: Sendable, Hashable {
    public let id: String
    public let summary: Message
    public let severity: Severity

    public init(id: String, summary: Message, severity: Severity) {
        self.id = id
        self.summary = summary
        self.severity = severity
    }

    /// The summary of a rule from its description.
    public init(_ description: RuleDescription) {
        self.init(id: description.id, summary: description.summary, severity: description.severity)
    }
}

/// Totals of a run that reporters print next to the findings.
public struct ReportSummary: Sendable, Hashable {
    /// Files checked (not only those with findings); over revisions, the article files followed.
    public var files: Int
    /// Revisions checked; more than `files` with `galley check --each`.
    public var revisions: Int
    public var cacheHits: Int
    public var cacheMisses: Int
    /// Input errors and plugin failures, one line each.
    public var problems: [String]

    public init(files: Int = 0, revisions: Int = 0, cacheHits: Int = 0, cacheMisses: Int = 0, problems: [String] = []) {
        self.files = files
        self.revisions = revisions
        self.cacheHits = cacheHits
        self.cacheMisses = cacheMisses
        self.problems = problems
    }
}

/// How to render: language, colour, the rules that ran, and a way to read source lines.
public struct ReportContext: Sendable {
    /// The language of messages and summaries; `message.text(language)`.
    public var language: Language
    /// ANSI colour in the text reporter. The CLI decides: stdout is a terminal and `NO_COLOR` is unset.
    public var color: Bool
    /// Every rule that ran, for SARIF `tool.driver.rules`.
    public var rules: [RuleSummary]
    /// Galley's version; SARIF omits `tool.driver.version` when empty.
    public var toolVersion: String
    /// Galley's home page for SARIF `tool.driver.informationUri`; omitted when nil.
    public var informationURI: String?
    /// The text of a 1-based line of a file at a revision (nil for the working tree), without its newline;
    /// nil when unknown.
    public var sourceLine: @Sendable (_ path: String, _ revision: String?, _ line: Int) -> String?

    public init(language: Language = .zh, color: Bool = false, rules: [RuleSummary] = [], toolVersion: String = "",
                informationURI: String? = nil,
                sourceLine: @escaping @Sendable (_ path: String, _ revision: String?, _ line: Int) -> String? = {
                    _, _, _ in nil
                })
    {
        self.language = language
        self.color = color
        self.rules = rules
        self.toolVersion = toolVersion
        self.informationURI = informationURI
        self.sourceLine = sourceLine
    }
}
