/// A proofreading rule. Each capability has its own protocol with exactly one entry point.
/// Rules never throw and never write: they return diagnoses, and the runner turns them into findings.
/// A rule's answer must depend only on the article text, its options and the newsroom resources of
/// its plugin, because findings are cached by blob id.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init(options: RuleOptions)
}

/// Checks one article revision.
public protocol ArticleRule: Rule {
    func check(_ article: ArticleContext) -> [Diagnosis]
}

/// An article rule whose diagnoses may carry certain edits (`Diagnosis.fix`), applied by `--fix`.
/// It returns edits and never writes; its description carries correction examples.
public protocol CorrectableRule: ArticleRule {}

/// Checks one article revision against the previous revision of the same article (nil for a new one).
public protocol RevisionAwareRule: Rule {
    func check(_ article: ArticleContext, previous: ArticleContext?) -> [Diagnosis]
}

/// Sees every article of one issue of the paper at once, for consistency across articles.
public protocol CollectingRule: Rule {
    /// Diagnoses keyed by the index of the article in `articles`.
    func check(issue articles: [ArticleContext]) -> [(article: Int, diagnosis: Diagnosis)]
}

extension Rule {
    /// The rule's id, for convenience.
    public var id: String { Self.description.id }
}
