/// Compiler-style lines for people: `path:line:column: severity: message [rule]`, the source line with
/// the flagged text underlined, a suggestion, and a one-line summary.
///
/// Severity words stay English (`error`, `warning`, `info`) in both languages so editors and `grep` can
/// match them. Everything that came from a file or a plugin is passed through `TerminalSafe.sanitize`.
public struct TextReporter: Reporter {
    public static let id = "text"
    public static let summary = "Text for people: each finding with its line underlined, then a summary"

    public init() {}

    public func render(_ findings: [Finding], summary: ReportSummary, context: ReportContext) -> String {
        let style = Style(isOn: context.color)
        var out = ""
        let shown = Finding.mergedAtSameSpot(findings)
        for finding in shown { write(finding, to: &out, style: style, context: context) }
        for problem in summary.problems {
            out += (context.language == .zh ? "问题：" : "problem: ") + TerminalSafe.sanitize(problem) + "\n"
        }
        // Counted as printed: one spot two rules flag is one problem to the editor.
        let filesWithFindings = Set(shown.lazy.filter { $0.fixed == nil }.map(\.path)).count
        out += Self.summaryLine(SeverityCounts(shown), filesWithFindings: filesWithFindings, summary: summary,
                                language: context.language) + "\n"
        return out
    }

    private func write(_ finding: Finding, to out: inout String, style: Style, context: ReportContext) {
        let language = context.language
        let safe = { (text: String) in TerminalSafe.sanitize(text) }
        out += style.bold("\(safe(finding.path)):\(finding.line):\(finding.column):") + " "
        out += style.paint("\(finding.severity.rawValue):", finding.severity) + " "
        out += "\(safe(finding.message.text(language))) [\(safe(finding.rule))]"
        out += Self.history(introduced: finding.introduced, fixed: finding.fixed, language: language) + "\n"
        let line = context.sourceLine(finding.path, finding.revision, finding.line)
        if let excerpt = SourceExcerpt(sourceLine: line, column: finding.column, text: finding.text) {
            out += excerpt.line + "\n"
            out += String(repeating: " ", count: excerpt.indent) + style.paint(excerpt.marks, finding.severity) + "\n"
        }
        if let replacement = finding.replacement {
            out += Self.suggestion(safe(replacement), fixable: finding.fixable, language: language) + "\n"
        }
    }

    /// `  建议：改为“…”（--fix 可自动修正）` or `  suggestion: “…” (--fix applies it)`.
    static func suggestion(_ replacement: String, fixable: Bool, language: Language) -> String {
        switch language {
        case .zh:
            let what = replacement.isEmpty ? "删除" : "改为“\(replacement)”"
            return "  建议：" + what + (fixable ? "（--fix 可自动修正）" : "")
        case .en:
            let what = replacement.isEmpty ? "delete it" : "“\(replacement)”"
            return "  suggestion: " + what + (fixable ? " (--fix applies it)" : "")
        }
    }

    /// `  (introduced in abc1234, fixed in def5678)`, or empty without either commit.
    static func history(introduced: String?, fixed: String?, language: Language) -> String {
        let short = { (id: String) in TerminalSafe.sanitize(String(id.prefix(7))) }
        var parts: [String] = []
        if let introduced { parts.append((language == .zh ? "引入于 " : "introduced in ") + short(introduced)) }
        if let fixed { parts.append((language == .zh ? "修正于 " : "fixed in ") + short(fixed)) }
        return parts.isEmpty ? "" : "  (" + parts.joined(separator: language == .zh ? "，" : ", ") + ")"
    }

    /// `3 errors, 2 warnings, 1 info in 3 of 4 files` or `共 3 个错误、2 个警告、1 条提示，涉及 3 个文件（已检查 4 个）`;
    /// over a range of revisions, how many were checked instead.
    static func summaryLine(_ counts: SeverityCounts, filesWithFindings: Int, summary: ReportSummary, language: Language) -> String {
        let problems = summary.problems.count
        let checked = summary.files
        switch language {
        case .zh:
            let scope: String
            if summary.revisions > 0 {
                scope = "检查了 \(summary.revisions) 个修订"
            } else if filesWithFindings == 0 {
                scope = "检查了 \(checked) 个文件"
            } else {
                scope = "涉及 \(filesWithFindings) 个文件" + (filesWithFindings < checked ? "（已检查 \(checked) 个）" : "")
            }
            var line = "共 \(counts.errors) 个错误、\(counts.warnings) 个警告、\(counts.info) 条提示，" + scope
            if counts.fixed > 0 { line += "；另有 \(counts.fixed) 处已在这些修订中改正" }
            if problems > 0 { line += "；另有 \(problems) 个问题" }
            return line
        case .en:
            let scope: String
            if summary.revisions > 0 {
                scope = "over " + counted(summary.revisions, "revision")
            } else if filesWithFindings == 0 || filesWithFindings >= checked {
                scope = "in " + counted(checked, "file")
            } else {
                scope = "in \(filesWithFindings) of " + counted(checked, "file")
            }
            var line = counted(counts.errors, "error") + ", " + counted(counts.warnings, "warning")
                + ", \(counts.info) info " + scope
            if counts.fixed > 0 { line += "; \(counts.fixed) fixed within the range" }
            if problems > 0 { line += "; " + counted(problems, "problem") }
            return line
        }
    }
}

/// ANSI styling that does nothing when colour is off.
private struct Style {
    let isOn: Bool

    func bold(_ text: String) -> String { wrap(text, "1") }

    func paint(_ text: String, _ severity: Severity) -> String {
        switch severity {
        case .error: wrap(text, "1;31")
        case .warning: wrap(text, "1;33")
        case .info: wrap(text, "1;36")
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        isOn ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
