/// Turns findings into output: a small stateless type with an id for `--reporter`.
public protocol Reporter: Sendable {
    /// The name `galley check --reporter` takes, e.g. `json`.
    static var id: String { get }
    /// One line for `galley reporters`.
    static var summary: String { get }
    init()
    /// The whole output for `findings`, in the order given, ending with a newline.
    func render(_ findings: [Finding], summary: ReportSummary, context: ReportContext) -> String
}

/// The built-in reporters.
public enum Reporters {
    public static let all: [any Reporter.Type] = [TextReporter.self, JSONReporter.self, SARIFReporter.self]

    /// The reporter with id `id`, or nil when there is none.
    public static func named(_ id: String) -> (any Reporter)? {
        all.first { $0.id == id }.map { $0.init() }
    }
}

/// Counts of findings by severity.
struct SeverityCounts {
    var errors = 0
    var warnings = 0
    var info = 0
    /// Findings fixed within a `--each` range: listed, but not counted as present.
    var fixed = 0

    init(_ findings: [Finding]) {
        for finding in findings {
            if finding.fixed != nil {
                fixed += 1
                continue
            }
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: info += 1
            }
        }
    }
}
