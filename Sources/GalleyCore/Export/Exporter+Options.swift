extension Exporter {
    /// `--option name=value` pairs checked against `options` and laid over their defaults. Booleans come
    /// out as `true`/`false`; an unknown name or a value of the wrong kind is a usage error naming both.
    public static func resolvedOptions(_ given: [(name: String, value: String)]) throws(GalleyError) -> [String: String] {
        var out: [String: String] = [:]
        for spec in options { out[spec.name] = spec.defaultValue.description }
        for (name, value) in given {
            guard let spec = options.first(where: { $0.name == name }) else {
                let known = options.map(\.name)
                throw .usage("format '\(format)' has no option '\(name)'"
                    + (known.isEmpty ? " (it takes none)" : " (options: \(known.joined(separator: ", ")))"))
            }
            guard let parsed = spec.defaultValue.sameKind(from: value, list: nil) else {
                throw .usage("option '\(name)' of format '\(format)' takes \(spec.defaultValue.typeName), not '\(value)'")
            }
            if !spec.allowed.isEmpty, !spec.allowed.contains(parsed.description) {
                throw .usage("option '\(name)' of format '\(format)' takes \(spec.allowed.joined(separator: ", ")), not '\(value)'")
            }
            out[name] = parsed.description
        }
        return out
    }
}
