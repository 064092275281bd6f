/// One rule as configured: instance, severity and effective options. A class: the runner passes
/// rules around per article, and a struct of this size costs a dozen retains per copy.
public final class ConfiguredRule: Sendable {
    public let rule: any Rule
    public let description: RuleDescription
    public let severity: Severity
    public let options: RuleOptions

    init(rule: any Rule, description: RuleDescription, severity: Severity, options: RuleOptions) {
        self.rule = rule
        self.description = description
        self.severity = severity
        self.options = options
    }
}

/// One built-in plugin with its enabled rules.
public struct ConfiguredPlugin: Sendable {
    public let family: PluginFamily
    public let rules: [ConfiguredRule]
    /// Every enabled rule's id, severity and options: the options part of the cache key.
    let settingsDigest: String
}

/// The built-in rules as `galley.yml` configures them, with a warning for every setting that did not apply.
public struct RuleSet: Sendable {
    public let plugins: [ConfiguredPlugin]
    public let warnings: [String]
    public let profile: Profile

    public init(families: [PluginFamily], configuration: Configuration, externalNames: Set<String> = []) {
        var warnings: [String] = []
        var plugins: [ConfiguredPlugin] = []
        var known: Set<String> = []
        for family in families {
            var rules: [ConfiguredRule] = []
            for type in family.rules {
                let d = type.description
                known.insert(d.id)
                let setting = configuration.ruleSettings[d.id]
                let where_ = "galley.yml: rules.\(d.id)"
                for key in setting?.unknownKeys ?? [] { warnings.append("\(where_): unknown key '\(key)' ignored") }
                for bad in setting?.badValues ?? [] { warnings.append("\(where_): bad value for \(bad); using the default") }
                if setting?.enabled == false { continue }
                var overrides: [String: OptionValue] = [:]
                for (name, raw) in setting?.options ?? [:] {
                    guard let spec = d.options.first(where: { $0.name == name }) else {
                        warnings.append("\(where_).options: unknown option '\(name)' ignored")
                        continue
                    }
                    if let v = spec.defaultValue.sameKind(from: raw.scalar, list: raw.list) {
                        if !spec.allowed.isEmpty, !spec.allowed.contains(v.description) {
                            warnings.append("\(where_).options.\(name): expected one of \(spec.allowed.joined(separator: ", ")); using the default \(spec.defaultValue)")
                            continue
                        }
                        overrides[name] = v
                    } else {
                        warnings.append("\(where_).options.\(name): expected \(spec.defaultValue.typeName); using the default \(spec.defaultValue)")
                    }
                }
                let options = RuleOptions(defaultsOf: d, overrides: overrides, profile: configuration.profile)
                rules.append(ConfiguredRule(rule: type.init(options: options), description: d,
                                            severity: setting?.severity ?? d.severity, options: options))
            }
            let digest = rules.map { "\($0.description.id)|\($0.severity.rawValue)|\($0.options.canonical)" }.joined(separator: "\n")
            plugins.append(ConfiguredPlugin(family: family, rules: rules, settingsDigest: digest))
        }
        for id in configuration.ruleSettings.keys.sorted() where !known.contains(id) {
            let plugin = String(id.prefix { $0 != "." })
            if !externalNames.contains(plugin) { warnings.append("galley.yml: rules: unknown rule '\(id)' ignored") }
        }
        self.plugins = plugins
        self.warnings = warnings
        self.profile = configuration.profile
    }
}

/// FNV-1a, 64 bits: a short stable digest for cache keys (not for security).
func stableDigest(_ text: String) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 {
        h ^= UInt64(b)
        h = h &* 0x100_0000_01b3
    }
    let hex = String(h, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}
