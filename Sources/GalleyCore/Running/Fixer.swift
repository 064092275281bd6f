/// Applies certain edits to a text. Rules only propose; this is the one place edits are applied.
public enum Fixer {
    /// Applies the certain replacements of `diagnoses` to `source`, skipping any that overlap an
    /// earlier one. Returns the new text and how many edits were applied.
    public static func apply(_ diagnoses: [Diagnosis], to source: String) -> (text: String, applied: Int) {
        // The certain edits by start, ties in the order given: small keys sort, the diagnoses stay put.
        var order: [(start: String.Index, index: Int)] = []
        for (n, d) in diagnoses.enumerated() where d.isCertain { order.append((d.range.lowerBound, n)) }
        // Nothing to apply: no copy of the text (the last pass of every fix, and most files).
        guard !order.isEmpty else { return (source, 0) }
        order.sort { ($0.start, $0.index) < ($1.start, $1.index) }
        var out = ""
        out.reserveCapacity(source.utf8.count)
        var cursor = source.startIndex
        var applied = 0
        for (start, n) in order where start >= cursor {
            out += source[cursor..<start]
            if let replacement = diagnoses[n].replacement { out += replacement }
            cursor = diagnoses[n].range.upperBound
            applied += 1
        }
        out += source[cursor...]
        return (out, applied)
    }

    /// Repeats check-and-apply until no certain edit is left (at most `passes` times), since one
    /// fix can reveal another (`、 、` → `、、` → `、`).
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
