import GalleyCore

/// Renders a check outcome with one of the core's reporters.
enum CheckReport {
    static func render(_ outcome: CheckOutcome, checker: Checker, format: String, language: Language, color: Bool) -> String {
        let sources = outcome.sources
        let context = ReportContext(
            language: language,
            color: color,
            rules: checker.ruleSummaries.map { RuleSummary(id: $0.id, summary: $0.summary, severity: $0.severity) },
            toolVersion: Galley.configuration.version,
            sourceLine: { path, revision, line in
                guard let text = sources[path + "\u{0}" + (revision ?? "")] else { return nil }
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                return line >= 1 && line <= lines.count ? String(lines[line - 1]) : nil
            })
        // In text the CLI prints problems to stderr as `galley: error:` lines; JSON and SARIF carry them.
        // Over revisions, the files are the articles followed: the same whether or not a checkpoint spared reading them.
        let files = outcome.revisions > 0 ? outcome.articles : outcome.files
        let summary = ReportSummary(files: files, revisions: outcome.revisions, cacheHits: outcome.cacheHits,
                                    cacheMisses: outcome.cacheMisses, problems: format == "text" ? [] : outcome.problems)
        return (Reporters.named(format) ?? TextReporter()).render(outcome.findings, summary: summary, context: context)
    }

    static func text(_ outcome: CheckOutcome, checker: Checker, color: Bool) -> String {
        render(outcome, checker: checker, format: "text", language: .zh, color: color)
    }
}
