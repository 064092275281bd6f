/// What one check run found, for reporters and the exit code.
public struct CheckOutcome: Sendable {
    public var findings: [Finding] = []
    /// Input errors and plugin failures, one line each (already safe for a terminal).
    public var problems: [String] = []
    public var inputErrors = 0
    public var pluginFailures = 0
    /// Soft warnings: untrusted plugins, skipped rules.
    public var warnings: [String] = []
    /// Files read and checked in this run (with `--each`, article versions; none when resumed).
    public var files = 0
    public var revisions = 0
    /// With `--each`: the article files the range followed, however many versions were read.
    public var articles = 0
    /// With `--each`: revisions walked in this run, and the commit whose checkpoint the run resumed from.
    public var walked = 0
    public var resumedFrom: String?
    /// Where the time went.
    public var phases = PhaseClock()
    public var cacheHits = 0
    public var cacheMisses = 0
    public var fixesApplied = 0
    public var fixedFiles: [String] = []
    /// Text of each checked file keyed by `path` + NUL + revision (empty for the working tree).
    public var sources: [String: String] = [:]

    public init() {}

    /// Findings still present (with `--each`, those not fixed within the range).
    public var current: [Finding] { findings.filter { $0.fixed == nil } }

    /// 2 for input errors, 1 for error-level findings or a failed plugin, else 0.
    public var exitCode: Int32 {
        if inputErrors > 0 { return 2 }
        if pluginFailures > 0 || current.contains(where: { $0.severity == .error }) { return 1 }
        return 0
    }

    static func sourceKey(_ path: String, _ revision: String?) -> String { path + "\u{0}" + (revision ?? "") }
}
