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

    public init(id: String, version: String, summary: Message, rules: [any Rule.Type], resourcePaths: [String] = []) {
        self.id = id
        self.version = version
        self.summary = summary
        self.rules = rules
        self.resourcePaths = resourcePaths
    }
}

/// Turns a layout into an output file (the layout issue implements exporters).
public protocol Exporter: Sendable {
    /// `<plugin>.<format>`, e.g. `layout.pdf`.
    static var id: String { get }
    static var summary: Message { get }
    /// Writes the export of `articles` to `path`.
    func export(_ articles: [ArticleContext], to path: String) throws(GalleyError)
}
