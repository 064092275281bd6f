/// One finding an external plugin reported, validated against its description and the body it checked.
public struct ExternalFinding: Sendable, Equatable {
    /// A rule id from the plugin's description.
    public let rule: String
    public let severity: Severity
    /// One line, sanitized for a terminal.
    public let message: String
    /// Start of the flagged range in Unicode scalars of the article body.
    public let offset: Int
    /// Length of the flagged range in Unicode scalars.
    public let length: Int
    /// Suggested text for the range; it never contains control characters other than line feeds and tabs.
    public let replacement: String?

    public init(rule: String, severity: Severity, message: String, offset: Int, length: Int, replacement: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.offset = offset
        self.length = length
        self.replacement = replacement
    }

    /// The flagged range as indices of `body` (and of the string `body` is a slice of), or nil when
    /// it does not fit `body`.
    public func range(in body: Substring) -> Range<String.Index>? {
        let scalars = body.unicodeScalars
        guard offset >= 0, length >= 0,
              let start = scalars.index(scalars.startIndex, offsetBy: offset, limitedBy: scalars.endIndex),
              let end = scalars.index(start, offsetBy: length, limitedBy: scalars.endIndex)
        else { return nil }
        return start..<end
    }

    /// The finding as a diagnosis of `context`, for the runner, reporters and the example harness.
    /// External plugins write one language, so the message serves both. With `certain`, `--fix` may
    /// apply the replacement by itself.
    public func diagnosis(in context: ArticleContext, certain: Bool = false) -> Diagnosis? {
        guard let range = range(in: context.body) else { return nil }
        return Diagnosis(range, Message(message, en: message), replacement: replacement, certain: certain)
    }
}
