/// Applies certain edits to a text. Rules only propose; this is the one place edits are applied.
public enum Fixer {
    /// Applies the certain replacements of `diagnoses` to `source`, skipping any that overlap an
    /// earlier one. Returns the new text and how many edits were applied.
    public static func apply(_ diagnoses: [Diagnosis], to source: String) -> (text: String, applied: Int) {
        let chosen = applicable(diagnoses)
        // Nothing to apply: no copy of the text (the last pass of every fix, and most files).
        guard !chosen.isEmpty else { return (source, 0) }
        return (rewrite(source, chosen.map { diagnoses[$0] }).text, chosen.count)
    }

    /// One applied edit: the UTF-8 range it replaced in the old text, and where its replacement stands in the new.
    typealias Edit = (old: Range<Int>, new: Range<Int>)

    /// The indices of the diagnoses `apply` applies, in the order it applies them: the certain ones by start,
    /// ties in the order given, each skipped that overlaps an earlier one.
    static func applicable(_ diagnoses: [Diagnosis]) -> [Int] {
        // Small keys sort, the diagnoses stay put.
        var order: [(start: String.Index, index: Int)] = []
        for (n, d) in diagnoses.enumerated() where d.isCertain { order.append((d.range.lowerBound, n)) }
        order.sort { ($0.start, $0.index) < ($1.start, $1.index) }
        var chosen: [Int] = []
        var cursor: String.Index?
        for (start, n) in order where cursor.map({ start >= $0 }) ?? true {
            chosen.append(n)
            cursor = diagnoses[n].range.upperBound
        }
        return chosen
    }

    /// `source` with `edits` (in order, disjoint) applied, and where each replacement stands in the new text.
    static func rewrite(_ source: String, _ edits: [Diagnosis]) -> (text: String, edits: [Edit]) {
        var out = ""
        out.reserveCapacity(source.utf8.count)
        var cursor = source.startIndex
        var placed: [Edit] = []
        placed.reserveCapacity(edits.count)
        let utf8 = source.utf8
        for d in edits {
            out += source[cursor..<d.range.lowerBound]
            let at = out.utf8.count
            if let replacement = d.replacement { out += replacement }
            cursor = d.range.upperBound
            let old = utf8.distance(from: utf8.startIndex, to: d.range.lowerBound)..<utf8.distance(from: utf8.startIndex, to: cursor)
            placed.append((old, at..<out.utf8.count))
        }
        out += source[cursor...]
        return (out, placed)
    }

    /// How many check-and-apply passes a fix makes at most.
    public static let passes = 4

    /// Repeats check-and-apply until no certain edit is left (at most `passes` times), since one
    /// fix can reveal another (`、 、` → `、、` → `、`).
    public static func fix(_ source: String, passes: Int = Fixer.passes,
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
