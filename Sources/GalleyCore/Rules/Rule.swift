/// A proofreading rule. Each capability has its own protocol with exactly one entry point.
/// Rules never throw and never write: they return diagnoses, and the runner turns them into findings.
/// A rule's answer must depend only on the article text, its options and the newsroom resources of
/// its plugin, because findings are cached by blob id.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init(options: RuleOptions)
    // The rule as each capability, or nil. The extensions below answer these from the conformance
    // the compiler sees; a rule never writes them. A cast (`rule as? any ArticleRule`) would scan
    // every conformance in the binary the first time for each rule type: milliseconds per process.
    var asArticleRule: (any ArticleRule)? { get }
    var asCorrectable: (any CorrectableRule)? { get }
    var asTallying: (any TallyingRule)? { get }
    var asRevisionAware: (any RevisionAwareRule)? { get }
    var asCollecting: (any CollectingRule)? { get }
}

/// Checks one article revision.
public protocol ArticleRule: Rule {
    func check(_ article: ArticleContext) -> [Diagnosis]
}

/// An article rule whose diagnoses may carry certain edits (`Diagnosis.fix`), applied by `--fix`.
/// It returns edits and never writes; its description carries correction examples.
public protocol CorrectableRule: ArticleRule {}

/// The stored revisions of an article a revision-aware rule compares with.
public struct ArticleHistory: Sendable {
    /// The revision before this one (nil for a new article).
    public let previous: ArticleContext?
    /// The article's first revision on the branch (nil when there is no earlier revision).
    public let first: ArticleContext?

    public init(previous: ArticleContext? = nil, first: ArticleContext? = nil) {
        self.previous = previous
        self.first = first
    }

    public static let none = ArticleHistory()
}

/// Checks one article revision against its earlier revisions on the branch.
public protocol RevisionAwareRule: Rule {
    func check(_ article: ArticleContext, history: ArticleHistory) -> [Diagnosis]
    /// Whether this article's findings can depend on its earlier revisions. When no rule says so, the
    /// runner does not read them (finding an article's first version walks the branch's history), and
    /// `check` gets `ArticleHistory.none`. True unless the rule says otherwise.
    func needsHistory(_ article: ArticleContext) -> Bool
}

/// Sees every article of one issue of the paper at once, for consistency across articles.
public protocol CollectingRule: Rule {
    /// Diagnoses keyed by the index of the article in `articles`.
    func check(issue articles: [ArticleContext]) -> [(article: Int, diagnosis: Diagnosis)]
}

extension Rule {
    /// The rule's id, for convenience.
    public var id: String { Self.description.id }

    public var asArticleRule: (any ArticleRule)? { nil }
    public var asCorrectable: (any CorrectableRule)? { nil }
    public var asTallying: (any TallyingRule)? { nil }
    public var asRevisionAware: (any RevisionAwareRule)? { nil }
    public var asCollecting: (any CollectingRule)? { nil }
}

extension ArticleRule {
    public var asArticleRule: (any ArticleRule)? { self }
}

extension CorrectableRule {
    public var asCorrectable: (any CorrectableRule)? { self }
}

extension TallyingRule {
    public var asTallying: (any TallyingRule)? { self }
}

extension RevisionAwareRule {
    public var asRevisionAware: (any RevisionAwareRule)? { self }
    public func needsHistory(_ article: ArticleContext) -> Bool { true }
}

extension CollectingRule {
    public var asCollecting: (any CollectingRule)? { self }
}

/// A correctable rule whose diagnoses in a stretch between empty lines depend on that stretch and on a tally
/// of the whole body (how often each form occurs, for a majority), the tally being the sum of the stretches'.
/// `--fix` then re-checks only the stretches its edits touched while the body's tally stays the same.
public protocol TallyingRule: CorrectableRule {
    /// The tally of the stretches of `article`'s body within `ranges` (UTF-8 offsets of the body, in order,
    /// each a run of whole stretches), or of the whole body: the element-wise sum of the stretches' tallies
    /// (zero for line feeds alone).
    func tally(_ article: ArticleContext, in ranges: [Range<Int>]?) -> [Int]
    /// The diagnoses `check` gives, for a body whose tally is `tally`; `article` may hold only some of its stretches.
    func check(_ article: ArticleContext, tally: [Int]) -> [Diagnosis]
}
