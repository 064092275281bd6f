import Yams

/// `galley.yml` at the root of a newsroom repository. Unknown keys and bad values become warnings,
/// and the defaults apply.
public struct Configuration: Sendable {
    public var name: String = "Galley newsroom"
    public var statuses: [String] = Configuration.defaultStatuses
    public var warnings: [String] = []
    /// Per-rule settings keyed by rule id, checked against the rules when a rule set is built.
    public var ruleSettings: [String: RuleSetting] = [:]
    public var externalPlugins: [ExternalPluginConfig] = []
    public var profile: Profile = .print

    public static let fileName = "galley.yml"
    public static let defaultStatuses = ["draft", "submitted", "edited", "proofread", "approved", "published", "spiked"]
    static let knownKeys: Set<String> = ["newsroom", "statuses", "rules", "plugins", "profile", "layout", "terms", "report"]

    public init() {}

    public static func parse(_ text: String) -> Configuration {
        var config = Configuration()
        let node: Node?
        do {
            node = try YAML.compose(text)
        } catch {
            config.warnings.append("galley.yml is not valid YAML (\(error)); using defaults")
            return config
        }
        guard let mapping = node?.mapping else { return config }
        for (key, value) in mapping {
            let k = key.string ?? "?"
            switch k {
            case "newsroom":
                if let n = value.string { config.name = n } else { config.warnings.append("galley.yml: 'newsroom' must be a string") }
            case "statuses":
                let list = value.sequence?.compactMap(\.string) ?? []
                if list.isEmpty { config.warnings.append("galley.yml: 'statuses' must be a non-empty list; using defaults") } else { config.statuses = list }
            case "rules": config.parseRules(value)
            case "plugins": config.parsePlugins(value)
            case "profile":
                if let p = value.string.flatMap(Profile.init(rawValue:)) { config.profile = p } else {
                    config.warnings.append("galley.yml: 'profile' must be print or web; using print")
                }
            default:
                if !knownKeys.contains(k) { config.warnings.append("galley.yml: unknown key '\(k)' ignored") }
            }
        }
        return config
    }

    /// What `galley init` writes.
    public static let template = """
        # Galley newsroom configuration.
        newsroom: Galley newsroom
        # Allowed values of an article's `status`, in workflow order.
        statuses: [draft, submitted, edited, proofread, approved, published, spiked]

        """
}
