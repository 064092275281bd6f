/// A value of a rule option as written in `galley.yml`.
public enum OptionValue: Sendable, Hashable, CustomStringConvertible {
    case bool(Bool)
    case int(Int)
    case string(String)
    case strings([String])

    public var description: String {
        switch self {
        case .bool(let b): return String(b)
        case .int(let i): return String(i)
        case .string(let s): return s
        case .strings(let l): return "[" + l.joined(separator: ", ") + "]"
        }
    }

    var typeName: String {
        switch self {
        case .bool: return "true or false"
        case .int: return "an integer"
        case .string: return "a string"
        case .strings: return "a list of strings"
        }
    }

    /// The same kind of value as `self`, parsed from a YAML scalar or list, or nil when it does not fit.
    func sameKind(from scalar: String?, list: [String]?) -> OptionValue? {
        switch self {
        case .bool:
            switch scalar?.lowercased() {
            case "true", "yes", "on": return .bool(true)
            case "false", "no", "off": return .bool(false)
            default: return nil
            }
        case .int: return scalar.flatMap { Int($0) }.map(OptionValue.int)
        case .string: return scalar.map(OptionValue.string)
        case .strings: return list.map(OptionValue.strings) ?? scalar.map { .strings([$0]) }
        }
    }
}

/// One option a rule accepts, with its default.
public struct OptionSpec: Sendable {
    public let name: String
    public let defaultValue: OptionValue
    public let summary: String
    /// For string options with a fixed set of values: the values accepted.
    public let allowed: [String]
    public init(_ name: String, default defaultValue: OptionValue, _ summary: String, allowed: [String] = []) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
        self.allowed = allowed
    }
}

/// The typing profile of the paper: `print` (no spaces between Han and Latin/digits) or `web`.
public enum Profile: String, Sendable, CaseIterable {
    case print, web
}

/// A rule's effective options: the configured values over the defaults of its description.
public struct RuleOptions: Sendable, Hashable {
    public private(set) var values: [String: OptionValue]
    public var profile: Profile

    public init(_ values: [String: OptionValue] = [:], profile: Profile = .print) {
        self.values = values
        self.profile = profile
    }

    /// The defaults of `description`, overridden by `overrides`.
    public init(defaultsOf description: RuleDescription, overrides: [String: OptionValue] = [:], profile: Profile = .print) {
        var v: [String: OptionValue] = [:]
        for spec in description.options { v[spec.name] = overrides[spec.name] ?? spec.defaultValue }
        self.init(v, profile: profile)
    }

    public func bool(_ name: String) -> Bool {
        if case .bool(let b)? = values[name] { return b }
        return false
    }
    public func int(_ name: String) -> Int {
        if case .int(let i)? = values[name] { return i }
        return 0
    }
    public func string(_ name: String) -> String {
        if case .string(let s)? = values[name] { return s }
        return ""
    }
    public func strings(_ name: String) -> [String] {
        if case .strings(let l)? = values[name] { return l }
        return []
    }

    /// A stable text form, part of the findings cache key.
    var canonical: String {
        "profile=\(profile.rawValue);" + values.keys.sorted().map { "\($0)=\(values[$0]!)" }.joined(separator: ";")
    }
}
