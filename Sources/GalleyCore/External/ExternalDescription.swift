/// What an external plugin says about itself in answer to `describe`: its name, version and rules.
public struct ExternalDescription: Sendable {
    /// The plugin's name; always equal to the `name` it has in `galley.yml`.
    public let name: String
    /// Free text such as `1.2.0`, sanitized for a terminal.
    public let version: String
    public let rules: [ExternalRuleDescription]

    public init(name: String, version: String, rules: [ExternalRuleDescription]) {
        self.name = name
        self.version = version
        self.rules = rules
    }
}

/// One rule of an external plugin, with the examples `galley plugins test` runs through the same
/// harness as built-in rules.
public struct ExternalRuleDescription: Sendable {
    /// `<plugin>.<rule>` in lowercase kebab-case (see `RuleDescription.isValidID`).
    public let id: String
    /// One line, sanitized for a terminal.
    public let summary: String
    public let severity: Severity
    /// Texts with `⟪ ⟫` around each range the rule must flag.
    public let triggering: [Example]
    public let nonTriggering: [Example]
    /// `before → after` pairs (`Example.marked` → `Example.corrected`).
    public let corrections: [Example]

    public init(id: String, summary: String, severity: Severity, triggering: [Example] = [],
                nonTriggering: [Example] = [], corrections: [Example] = [])
    {
        self.id = id
        self.summary = summary
        self.severity = severity
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.corrections = corrections
    }

    /// The same rule as a built-in description (summary in both languages), for listings and the example harness.
    public var ruleDescription: RuleDescription {
        RuleDescription(id: id, summary: Message(summary, en: summary), severity: severity,
                        triggering: triggering, nonTriggering: nonTriggering, corrections: corrections)
    }
}
