/// How a finding counts in the 差错率 (weighted errors per 10,000 characters), after
/// 《报纸编校差错率计算方法》 (the annex of 《报纸期刊质量管理规定》, 2020).
public enum ErrorWeight: Sendable, Equatable, CustomStringConvertible {
    /// A fixed number of errors per occurrence.
    case fixed(Double)
    /// A wrong, extra or missing character: 1 for one character, 2 for two to five, 4 for more.
    case characters
    /// A number-form error (GB/T 15835): 0.1 each, at most 1 per issue.
    case numberForm

    public var description: String {
        switch self {
        case .fixed(let v): return ErrorRate.decimal(v)
        case .characters: return "char"
        case .numberForm: return "number-form"
        }
    }

    init?(_ text: String) {
        switch text {
        case "char", "chars", "characters": self = .characters
        case "number-form", "number": self = .numberForm
        default:
            guard let v = Double(text), v >= 0, v.isFinite else { return nil }
            self = .fixed(v)
        }
    }
}

/// The `report:` section of galley.yml: the pass mark and the weight of each rule.
public struct ErrorRateSettings: Sendable {
    /// Weighted errors per 10,000 characters an issue may have and pass (报纸 ≤ 3/10000).
    public var threshold: Double = 3
    /// Weights by rule id or by plugin id; rule ids win.
    public var weights: [String: ErrorWeight] = [:]
    public var warnings: [String] = []

    public init() {}

    /// The weight of a rule: configured, then the built-in table, then by severity (errors and
    /// warnings 1, info 0).
    public func weight(rule: String, severity: Severity) -> ErrorWeight {
        let plugin = String(rule.prefix { $0 != "." })
        return weights[rule] ?? weights[plugin] ?? Self.defaults[rule] ?? (severity == .info ? .fixed(0) : .fixed(1))
    }

    /// The built-in weights. Text errors count as the annex says; layout, metadata and style checks do
    /// not count (0): they are not 编校差错 in the printed text.
    public static let defaults: [String: ErrorWeight] = {
        var w: [String: ErrorWeight] = [
            // 错字、别字 and non-recommended variant forms: by the number of wrong characters.
            "terms.variant": .characters, "terms.typo": .characters,
            "terms.banned": .fixed(1), "terms.formulation": .fixed(1), "terms.careful": .fixed(0),
            // 重要名称 (a leader's title or name) count double: a fact error (1) × 2.
            "people.title": .fixed(2), "people.name": .fixed(2), "people.order": .fixed(1),
            "people.first-mention": .fixed(0), "people.title-consistency": .fixed(0),
            "byline.roster": .characters, "byline.format": .fixed(0.1), "byline.dateline-date": .fixed(1),
            "byline.wire-cut": .fixed(1), "byline.credits-match": .fixed(0), "byline.dateline-form": .fixed(0),
            "byline.caption-credit": .fixed(0), "byline.issue-consistency": .fixed(0),
            "typography.fullwidth-alphanumeric": .numberForm, "typography.chinese-numeral-zero": .numberForm,
        ]
        // Punctuation: 0.1 per mark, as the punctuation clause of the 图书 and 期刊 calculation methods has it.
        for rule in ["repeated-punctuation", "ellipsis-form", "dash-form", "halfwidth-punctuation", "mixed-sign-forms",
                     "unbalanced-pairs", "deng-after-ellipsis", "title-quote-enumeration-comma", "range-connector"] {
            w["typography." + rule] = .fixed(0.1)
        }
        // Spacing a PDF column or a keyboard left: fixed at layout, not counted.
        for rule in ["han-digit-spacing", "han-latin-spacing", "letter-spacing", "punctuation-spacing", "bracket-inner-spacing",
                     "line-edge-spaces", "split-number", "split-name"] {
            w["typography." + rule] = .fixed(0)
        }
        return w
    }()

    /// Reads the `report:` section of galley.yml text; bad values are warnings and the defaults apply.
    public static func parse(_ galleyYML: String?) -> ErrorRateSettings {
        var s = ErrorRateSettings()
        guard let galleyYML, case .success(let root?) = YAMLNode.parse(galleyYML, file: Configuration.fileName),
              let report = root["report"] else { return s }
        guard case .mapping(let fields, _) = report else {
            s.warnings.append("galley.yml: 'report' must be a mapping with threshold and weights; using the defaults")
            return s
        }
        for (key, value) in fields {
            switch key {
            case "threshold":
                if let v = value.string.flatMap(Double.init), v >= 0, v.isFinite { s.threshold = v } else {
                    s.warnings.append("galley.yml: report.threshold must be a number of errors per 10,000 characters; using 3")
                }
            case "weights":
                guard case .mapping(let rules, _) = value else {
                    s.warnings.append("galley.yml: report.weights must map rule or plugin ids to weights; ignored")
                    continue
                }
                for (rule, w) in rules {
                    if let text = w.string, let weight = ErrorWeight(text) { s.weights[rule] = weight } else {
                        s.warnings.append("galley.yml: report.weights.\(rule): expected a number, char or number-form; using the default")
                    }
                }
            default: s.warnings.append("galley.yml: unknown key 'report.\(key)' ignored")
            }
        }
        return s
    }
}

extension ErrorRateSettings {
    /// The `report:` section of the newsroom's galley.yml (the defaults outside a newsroom).
    public static func load(_ newsroom: Newsroom?) -> ErrorRateSettings {
        guard let newsroom, let bytes = try? FileSystem.readFile(newsroom.root + "/" + Configuration.fileName, limit: SourceText.maximumBytes)
        else { return ErrorRateSettings() }
        return parse(String(decoding: bytes, as: UTF8.self))
    }
}
