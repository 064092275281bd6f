/// Everything `galley plugins` prints about a rule, and the examples its tests run.
public struct RuleDescription: Sendable {
    /// `<plugin>.<rule>`, lowercase kebab-case, e.g. `typography.repeated-punctuation`.
    public let id: String
    public let summary: Message
    public let severity: Severity
    public let options: [OptionSpec]
    /// What the rule needs to run; rules whose needs are unmet are skipped.
    public let needs: Set<RuleNeed>
    public let triggering: [Example]
    public let nonTriggering: [Example]
    /// `before → after` pairs for correctable rules (`Example(before, after)`).
    public let corrections: [Example]
    /// The rule reads the opening of the body (a dateline): the example harness then puts its
    /// multi-byte prefix in the front matter rather than before the body.
    public let readsBodyStart: Bool

    public init(id: String, summary: Message, severity: Severity, options: [OptionSpec] = [],
                needs: Set<RuleNeed> = [], readsBodyStart: Bool = false, triggering: [Example], nonTriggering: [Example],
                corrections: [Example] = [])
    {
        self.readsBodyStart = readsBodyStart
        self.id = id
        self.summary = summary
        self.severity = severity
        self.options = options
        self.needs = needs
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.corrections = corrections
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

/// What a rule needs beyond the article text.
public enum RuleNeed: String, Sendable, Hashable {
    /// Front matter (headline, credits, …); plain text files lack it.
    case frontMatter
    /// The newsroom repository (galley.yml, staff.yml, …).
    case repository
}
