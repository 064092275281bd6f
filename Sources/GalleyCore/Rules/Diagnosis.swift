/// What a rule reports: a range of the article file, a message and an optional replacement.
public struct Diagnosis: Sendable {
    /// Indices into `ArticleContext.source` (the body is a slice of it, so body indices work too).
    public var range: Range<String.Index>
    public var message: Message
    /// Suggested text for the range.
    public var replacement: String?
    /// True when `replacement` is certainly right, so `--fix` may apply it without a person looking.
    public var isCertain: Bool

    public init(_ range: Range<String.Index>, _ message: Message, replacement: String? = nil, certain: Bool = false) {
        self.range = range
        self.message = message
        self.replacement = replacement
        self.isCertain = replacement != nil && certain
    }

    /// A certain fix: `--fix` applies it.
    public static func fix(_ range: Range<String.Index>, _ message: Message, with replacement: String) -> Diagnosis {
        Diagnosis(range, message, replacement: replacement, certain: true)
    }
}
