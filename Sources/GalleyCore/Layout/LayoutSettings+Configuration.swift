/// The `layout:` section of galley.yml: the newsroom's grid and headline styles, under the command line.
///
///     layout:
///       measure: 13            # 基本栏
///       lines: 70
///       columns: 1
///       prohibition: gb        # basic, gb or strict
///       resolution: push-out   # or squeeze
///       indent: 2
///       compress-adjacent: true  # `。”` in 1.5 em (default: only when squeezing)
///       styles:
///         headline: {scale: 2.2, lines: 3}   # size relative to the body, body lines per line (占行)
public struct LayoutDefaults: Sendable {
    public var settings = LayoutSettings()
    public var warnings: [String] = []

    public init() {}

    public static func parse(_ galleyYML: String?) -> LayoutDefaults {
        var d = LayoutDefaults()
        guard let galleyYML, case .success(let root?) = YAMLNode.parse(galleyYML, file: Configuration.fileName),
              let layout = root["layout"] else { return d }
        guard case .mapping(let fields, _) = layout else {
            d.warnings.append("galley.yml: 'layout' must be a mapping (measure, lines, columns, prohibition, resolution, indent, styles); using the defaults")
            return d
        }
        for (key, value) in fields {
            switch key {
            case "measure": d.settings.measure = d.int(value, "layout.measure", LayoutSettings.measureRange) ?? d.settings.measure
            case "lines": d.settings.linesPerColumn = d.int(value, "layout.lines", LayoutSettings.linesRange) ?? d.settings.linesPerColumn
            case "columns": d.settings.columns = d.int(value, "layout.columns", LayoutSettings.columnsRange) ?? d.settings.columns
            case "indent": d.settings.indent = d.int(value, "layout.indent", 0...10) ?? d.settings.indent
            case "prohibition":
                if let v = value.string.flatMap(ProhibitionLevel.init(rawValue:)) { d.settings.prohibition = v } else {
                    d.warnings.append("galley.yml: layout.prohibition must be basic, gb or strict; using gb")
                }
            case "resolution":
                if let v = value.string.flatMap(ProhibitionResolution.init(rawValue:)) { d.settings.resolution = v } else {
                    d.warnings.append("galley.yml: layout.resolution must be push-out or squeeze; using push-out")
                }
            case "compress-adjacent":
                switch value.string {
                case "true", "yes", "on": d.settings.compressAdjacentPunctuation = true
                case "false", "no", "off": d.settings.compressAdjacentPunctuation = false
                default: d.warnings.append("galley.yml: layout.compress-adjacent must be true or false; using the resolution's default")
                }
            case "styles": d.styles(value)
            default: d.warnings.append("galley.yml: unknown key 'layout.\(key)' ignored")
            }
        }
        return d
    }

    private mutating func int(_ node: YAMLNode, _ name: String, _ range: ClosedRange<Int>) -> Int? {
        if let v = node.string.flatMap({ Int($0) }), range.contains(v) { return v }
        warnings.append("galley.yml: \(name) must be a whole number from \(range.lowerBound) to \(range.upperBound); using the default")
        return nil
    }

    private mutating func styles(_ node: YAMLNode) {
        guard case .mapping(let roles, _) = node else {
            warnings.append("galley.yml: layout.styles must map kicker, headline and subheadline to {scale, lines}; ignored")
            return
        }
        for (name, style) in roles {
            guard let role = BlockRole(rawValue: name), role.isHeadlineBlock else {
                warnings.append("galley.yml: layout.styles.\(name): only kicker, headline and subheadline have styles; ignored")
                continue
            }
            var s = settings.headlineStyles[role] ?? HeadlineStyle(scale: 1, bodyLines: 1)
            if let scale = style["scale"] {
                if let v = scale.string.flatMap(Double.init), v >= 0.5, v <= 10 { s.scale = v } else {
                    warnings.append("galley.yml: layout.styles.\(name).scale must be a size from 0.5 to 10 times the body; using \(s.scale)")
                }
            }
            if let lines = style["lines"] {
                if let v = lines.string.flatMap({ Int($0) }), (1...20).contains(v) { s.bodyLines = v } else {
                    warnings.append("galley.yml: layout.styles.\(name).lines must be 1 to 20 body lines; using \(s.bodyLines)")
                }
            }
            settings.headlineStyles[role] = s
        }
    }
}

extension LayoutDefaults {
    /// The `layout:` section of the newsroom's galley.yml, found from `cwd` upward (the defaults outside a newsroom).
    public static func load(from cwd: String) -> LayoutDefaults {
        guard let newsroom = try? Newsroom.open(from: cwd),
              let bytes = try? FileSystem.readFile(newsroom.root + "/" + Configuration.fileName, limit: SourceText.maximumBytes)
        else { return LayoutDefaults() }
        return parse(String(decoding: bytes, as: UTF8.self))
    }
}
