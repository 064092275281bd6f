extension Finding {
    /// Two plugins flagging the same text with the same suggestion are one problem to an editor:
    /// one finding naming both rules, at the higher severity, printed and counted once. Reading
    /// order breaks ties at one position by rule, so twins need not be neighbours: each run of
    /// findings at one position is grouped, in the order the first of each group came.
    public static func mergedAtSameSpot(_ findings: [Finding]) -> [Finding] {
        var out: [Finding] = []
        out.reserveCapacity(findings.count)
        var start = 0
        while start < findings.count {
            var end = start + 1
            while end < findings.count, samePosition(findings[start], findings[end]) { end += 1 }
            if end - start == 1 {
                out.append(findings[start])
            } else {
                var groups: [(first: Finding, rules: [String], severity: Severity)] = []
                for f in findings[start..<end] {
                    if let k = groups.firstIndex(where: { sameSpot($0.first, f) }) {
                        groups[k].rules.append(f.rule)
                        groups[k].severity = max(groups[k].severity, f.severity)
                    } else {
                        groups.append((f, [f.rule], f.severity))
                    }
                }
                for g in groups {
                    var merged = g.first
                    merged.rule = g.rules.joined(separator: ", ")
                    merged.severity = g.severity
                    out.append(merged)
                }
            }
            start = end
        }
        return out
    }

    static func samePosition(_ a: Finding, _ b: Finding) -> Bool {
        a.path == b.path && a.line == b.line && a.column == b.column
    }

    /// Same text flagged, same suggestion, same history: what only the rule and message tell apart.
    static func sameSpot(_ a: Finding, _ b: Finding) -> Bool {
        samePosition(a, b) && a.revision == b.revision && a.length == b.length && a.replacement == b.replacement
            && a.fixable == b.fixable && a.introduced == b.introduced && a.fixed == b.fixed
    }
}
