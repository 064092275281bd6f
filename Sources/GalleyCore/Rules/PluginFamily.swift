/// A built-in plugin: one family of rules, one library target under `Plugins/`.
public struct PluginFamily: Sendable {
    /// The prefix of its rule ids, e.g. `typography`.
    public let id: String
    /// Bump when a rule's behaviour changes: it is part of the findings cache key.
    public let version: String
    public let summary: Message
    public let rules: [any Rule.Type]
    /// Newsroom files the rules read (e.g. `staff.yml`); their content is part of the cache key.
    public let resourcePaths: [String]
    /// Checks the newsroom files once per run: errors stop the run's input (exit 2), warnings are printed.
    public let checkResources: @Sendable (NewsroomResources) -> [ResourceIssue]
    /// Makes what the rules will build from the newsroom's files (rosters, compiled term lists) into the
    /// family's process-wide caches, ahead of the rules (`Checker.warmNewsroomLists`).
    public let warm: @Sendable (NewsroomResources) -> Void

    public init(id: String, version: String, summary: Message, rules: [any Rule.Type], resourcePaths: [String] = [],
                checkResources: @escaping @Sendable (NewsroomResources) -> [ResourceIssue] = { _ in [] },
                warm: @escaping @Sendable (NewsroomResources) -> Void = { _ in })
    {
        self.id = id
        self.version = version
        self.summary = summary
        self.rules = rules
        self.resourcePaths = resourcePaths
        self.checkResources = checkResources
        self.warm = warm
    }
}

/// A problem with a newsroom file a plugin reads (staff.yml, term lists…), reported once per run.
/// It names the rules that read the file when only some of the family do: with those rules all off
/// in galley.yml, nothing is reported.
public struct ResourceIssue: Sendable, Equatable {
    public let isError: Bool
    public let message: String
    /// The rules the file is for; empty: the whole family.
    public var rules: [String] = []

    public static func error(_ message: String, rules: [String] = []) -> ResourceIssue {
        ResourceIssue(isError: true, message: message, rules: rules)
    }

    public static func warning(_ message: String, rules: [String] = []) -> ResourceIssue {
        ResourceIssue(isError: false, message: message, rules: rules)
    }
}
