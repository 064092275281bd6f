/// Applies certain edits to a text. Rules only propose; this is the one place edits are applied.
public enum Fixer {
    /// Applies the certain replacements of `diagnoses` to `source`, skipping any that overlap an
    /// earlier one. Returns the new text and how many edits were applied.
    public static func apply(_ diagnoses: [Diagnosis], to source: String) -> (text: String, applied: Int) {
        let edits = diagnoses.filter(\.isCertain).sorted { $0.range.lowerBound < $1.range.lowerBound }
        // Nothing to apply: no copy of the text (the last pass of every fix, and most files).
        guard !edits.isEmpty else { return (source, 0) }
        var out = ""
        out.reserveCapacity(source.utf8.count)
        var cursor = source.startIndex
        var applied = 0
        for edit in edits where edit.range.lowerBound >= cursor {
            out += source[cursor..<edit.range.lowerBound]
            out += edit.replacement ?? ""
            cursor = edit.range.upperBound
            applied += 1
        }
        out += source[cursor...]
        return (out, applied)
    }

    /// Repeats check-and-apply until no certain edit is left (at most `passes` times), since one
    /// fix can reveal another (`。。。。` → `……。`).
    public static func fix(_ source: String, passes: Int = 4,
                           check: (String) -> [Diagnosis]) -> (text: String, applied: Int)
    {
        var text = source
        var total = 0
        for _ in 0..<passes {
            let (next, applied) = apply(check(text), to: text)
            if applied == 0 { break }
            text = next
            total += applied
        }
        return (text, total)
    }
}
