/// The ways `galley diff` prints an `ArticleDiff`.
public enum DiffFormat: String, Sendable, CaseIterable {
    /// For people at a terminal: changed lines of the new layout with marks (colour on a terminal,
    /// `[-…-]{+…+}` otherwise), each field first, then a summary.
    case terminal
    /// git's word-diff markers over the whole body on the new layout, for pipes and e-mail.
    case word
    /// A unified diff of the normalised paragraphs (one paragraph per line).
    case unified
    /// One self-contained HTML page: `<del>`/`<ins>`, moves styled, field headings.
    case html
    /// `{"fields":[…],"ops":[[op,text],…],…}`, ops as in the diff bench's contract.
    case json

    /// Renders `diff`. `color` applies to `terminal`; `context` is the lines (terminal) or paragraphs
    /// (unified) of unchanged text shown around each change.
    public func render(_ diff: ArticleDiff, color: Bool = false, context: Int = 1) -> String {
        switch self {
        case .terminal: return DiffTerminalFormat(color: color, context: context).render(diff)
        case .word: return DiffWordFormat.render(diff)
        case .unified: return DiffUnifiedFormat(context: context).render(diff)
        case .html: return DiffHTMLFormat.render(diff)
        case .json: return DiffJSONFormat.render(diff)
        }
    }
}
