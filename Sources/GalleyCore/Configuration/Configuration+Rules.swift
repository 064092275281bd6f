/// What `galley.yml` says about one rule, before it is checked against the rule's description.
public struct RuleSetting: Sendable {
    public var enabled: Bool?
    public var severity: Severity?
    /// Raw option values: a scalar or a list of scalars.
    public var options: [String: RawOption] = [:]
    /// Keys of the rule's mapping that are not `enabled`, `severity` or `options`.
    public var unknownKeys: [String] = []
    public var badValues: [String] = []
}

/// An option value as written, typed later against the rule's `OptionSpec`.
public struct RawOption: Sendable {
    public let scalar: String?
    public let list: [String]?
}

/// An external plugin program from `plugins.external`.
public struct ExternalPluginConfig: Sendable, Equatable {
    public var name: String
    public var command: [String]
    /// Seconds allowed per article.
    public var timeout: Double = 10
    /// Bytes of output allowed per response line.
    public var outputLimit: Int = 4 << 20
}

extension Configuration {
    mutating func parseRules(_ node: YAMLNode) {
        guard case .mapping(let mapping, _) = node else {
            warnings.append("galley.yml: 'rules' must be a mapping of rule ids; ignored")
            return
        }
        for (id, value) in mapping {
            var setting = RuleSetting()
            if let flag = value.string {
                // `typography.x: false` is short for `enabled: false`.
                switch flag.lowercased() {
                case "true", "on", "yes": setting.enabled = true
                case "false", "off", "no": setting.enabled = false
                default:
                    if let s = Severity(rawValue: flag) { setting.severity = s } else { setting.badValues.append("'\(flag)'") }
                }
            } else if case .mapping(let fields, _) = value {
                for (field, fv) in fields {
                    switch field {
                    case "enabled":
                        switch fv.string?.lowercased() {
                        case "true", "on", "yes": setting.enabled = true
                        case "false", "off", "no": setting.enabled = false
                        default: setting.badValues.append("enabled (expected true or false)")
                        }
                    case "severity":
                        if let s = fv.string.flatMap(Severity.init(rawValue:)) { setting.severity = s } else {
                            setting.badValues.append("severity (expected error, warning or info)")
                        }
                    case "options":
                        guard case .mapping(let options, _) = fv else {
                            setting.badValues.append("options (expected a mapping)")
                            continue
                        }
                        for (name, ov) in options {
                            setting.options[name] = RawOption(scalar: ov.string, list: ov.items?.compactMap(\.string))
                        }
                    default: setting.unknownKeys.append(field)
                    }
                }
            } else {
                setting.badValues.append("(expected a mapping with enabled, severity, options)")
            }
            ruleSettings[id] = setting
        }
    }

    mutating func parsePlugins(_ node: YAMLNode) {
        guard case .mapping(let mapping, _) = node else {
            warnings.append("galley.yml: 'plugins' must be a mapping; ignored")
            return
        }
        for (key, value) in mapping {
            guard key == "external" else {
                warnings.append("galley.yml: unknown key 'plugins.\(key)' ignored")
                continue
            }
            for (i, item) in (value.items ?? []).enumerated() {
                guard case .mapping(let fields, _) = item, let name = item["name"]?.string, !name.isEmpty else {
                    warnings.append("galley.yml: plugins.external[\(i)] needs a 'name'; ignored")
                    continue
                }
                let command = item["command"]?.items?.compactMap(\.string) ?? item["command"]?.string.map { [$0] } ?? []
                guard !command.isEmpty else {
                    warnings.append("galley.yml: plugins.external '\(name)' needs a 'command' list; ignored")
                    continue
                }
                var plugin = ExternalPluginConfig(name: name, command: command)
                for (fk, fv) in fields {
                    switch fk {
                    case "name", "command": break
                    case "timeout":
                        if let t = fv.string.flatMap(Double.init), t > 0, t <= 3600 { plugin.timeout = t } else {
                            warnings.append("galley.yml: plugins.external '\(name)': timeout must be more than 0 and at most 3600 seconds; using 10")
                        }
                    case "output-limit":
                        if let n = fv.string.flatMap(Int.init), n > 0 { plugin.outputLimit = n } else {
                            warnings.append("galley.yml: plugins.external '\(name)': output-limit must be a positive number of bytes")
                        }
                    default: warnings.append("galley.yml: unknown key 'plugins.external.\(fk)' in '\(name)' ignored")
                    }
                }
                if externalPlugins.contains(where: { $0.name == name }) {
                    warnings.append("galley.yml: plugins.external '\(name)' is listed twice; the first one is used")
                } else {
                    externalPlugins.append(plugin)
                }
            }
        }
    }
}
