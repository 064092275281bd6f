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

    /// Parses `galley.yml`; in a newsroom the parsed file is kept between runs (`store`), since every
    /// command reads it and a quoted command line sends it through Yams' slower resolver.
    public static func parse(_ text: String, store: ParsedYAMLStore? = nil) -> Configuration {
        var config = Configuration()
        let root: YAMLNode?
        switch store?.parse(text, file: fileName) ?? YAMLNode.parse(text, file: fileName) {
        case .failure(let e):
            config.warnings.append("galley.yml:\(e.line): not valid YAML (\(e.message)); using defaults")
            return config
        case .success(let node): root = node
        }
        guard case .mapping(let pairs, _)? = root else { return config }
        for (k, value) in pairs {
            switch k {
            case "newsroom":
                if let n = value.string { config.name = n } else { config.warnings.append("galley.yml: 'newsroom' must be a string") }
            case "statuses":
                let list = value.items?.compactMap(\.string) ?? []
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
