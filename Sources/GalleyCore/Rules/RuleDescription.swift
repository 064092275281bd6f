/// Everything `galley plugins` prints about a rule, and the examples its tests run.
public struct RuleDescription: Sendable {
    /// `<plugin>.<rule>`, lowercase kebab-case, e.g. `typography.repeated-punctuation`.
    public let id: String
    public let summary: Message
    public let severity: Severity
    public let options: [OptionSpec]
    /// What the rule needs to run; rules whose needs are unmet are skipped.
    public let needs: Set<RuleNeed>
    // The examples are made when asked for (by the example harness and `galley plugins`), not with
    // the description, which every run reads for every rule: a check-in would otherwise build
    // hundreds of example articles it never looks at.
    private let makeTriggering: @Sendable () -> [Example]
    private let makeNonTriggering: @Sendable () -> [Example]
    private let makeCorrections: @Sendable () -> [Example]
    public var triggering: [Example] { makeTriggering() }
    public var nonTriggering: [Example] { makeNonTriggering() }
    /// `before → after` pairs for correctable rules (`Example(before, after)`).
    public var corrections: [Example] { makeCorrections() }
    /// The rule reads the opening of the body (a dateline): the example harness then puts its
    /// multi-byte prefix in the front matter rather than before the body.
    public let readsBodyStart: Bool
    /// How far the text a diagnosis depends on may reach; `--fix` re-checks only what its edits touched
    /// for `.paragraph` rules.
    public let scope: RuleScope

    public init(id: String, summary: Message, severity: Severity, options: [OptionSpec] = [],
                needs: Set<RuleNeed> = [], readsBodyStart: Bool = false, scope: RuleScope = .article,
                triggering: @autoclosure @escaping @Sendable () -> [Example],
                nonTriggering: @autoclosure @escaping @Sendable () -> [Example],
                corrections: @autoclosure @escaping @Sendable () -> [Example] = [])
    {
        self.readsBodyStart = readsBodyStart
        self.scope = scope
        self.id = id
        self.summary = summary
        self.severity = severity
        self.options = options
        self.needs = needs
        makeTriggering = triggering
        makeNonTriggering = nonTriggering
        makeCorrections = corrections
    }

    /// The plugin part of the id.
    public var plugin: Substring { id.prefix { $0 != "." } }

    /// True for ids of the form `plugin.rule`, both parts lowercase kebab-case.
    public static func isValidID(_ id: String) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy(isKebab)
    }

    static func isKebab(_ s: Substring) -> Bool {
        guard let first = s.first, let last = s.last, first != "-", last != "-", !s.contains("--") else { return false }
        return s.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

/// How much of the body a rule's diagnoses depend on.
public enum RuleScope: Sendable {
    /// Any of it (the safe default): counts across the article, pairs across paragraphs, the body's start.
    case article
    /// Only the stretch between two empty lines (`\n\n`) it lies in, besides the front matter and the
    /// newsroom files: the rule never looks past an empty line, and flags nothing on one.
    case paragraph
}

/// What a rule needs beyond the article text.
public enum RuleNeed: String, Sendable, Hashable {
    /// Front matter (headline, credits, …); plain text files lack it.
    case frontMatter
    /// The newsroom repository (galley.yml, staff.yml, …).
    case repository
}
