/// Applies certain edits to a text. Rules only propose; this is the one place edits are applied.
public enum Fixer {
    /// Applies the certain replacements of `diagnoses` to `source`, skipping any that overlap an
    /// earlier one. Returns the new text and how many edits were applied.
    public static func apply(_ diagnoses: [Diagnosis], to source: String) -> (text: String, applied: Int) {
        let chosen = applicable(diagnoses, in: source)
        // Nothing to apply: no copy of the text (the last pass of every fix, and most files).
        guard !chosen.isEmpty else { return (source, 0) }
        return (rewrite(source, diagnoses, chosen).text, chosen.count)
    }

    /// A diagnosis `apply` applies: its index and the UTF-8 range of the source it replaces.
    typealias Choice = (index: Int, range: Range<Int>)
    /// One applied edit: the UTF-8 range it replaced in the old text, and where its replacement stands in the new.
    typealias Edit = (old: Range<Int>, new: Range<Int>)

    /// The diagnoses `apply` applies, in the order it applies them: the certain ones by start, ties in the
    /// order given, each skipped that overlaps an earlier one.
    static func applicable(_ diagnoses: [Diagnosis], in source: String) -> [Choice] {
        let utf8 = source.utf8
        func offset(_ i: String.Index) -> Int { utf8.distance(from: utf8.startIndex, to: i) }
        var order: [Int] = []
        if diagnoses.count < 1 << 24, utf8.count < 1 << 39 {
            // Start and index in one key: integers sort faster than pairs.
            for (n, d) in diagnoses.enumerated() where d.isCertain { order.append(offset(d.range.lowerBound) << 24 | n) }
            order.sort()
            order = order.map { $0 & (1 << 24 - 1) }
        } else {
            order = diagnoses.indices.filter { diagnoses[$0].isCertain }
            order.sort { (diagnoses[$0].range.lowerBound, $0) < (diagnoses[$1].range.lowerBound, $1) }
        }
        var chosen: [Choice] = []
        var cursor = 0
        for n in order {
            let range = offset(diagnoses[n].range.lowerBound)..<offset(diagnoses[n].range.upperBound)
            if range.lowerBound >= cursor {
                chosen.append((n, range))
                cursor = range.upperBound
            }
        }
        return chosen
    }

    /// `source` with the `chosen` edits of `diagnoses` applied, and where each replacement stands in the new text.
    static func rewrite(_ source: String, _ diagnoses: [Diagnosis], _ chosen: [Choice]) -> (text: String, edits: [Edit]) {
        var out = ""
        out.reserveCapacity(source.utf8.count)
        var cursor = source.startIndex
        var placed: [Edit] = []
        placed.reserveCapacity(chosen.count)
        for (n, old) in chosen {
            let d = diagnoses[n]
            out += source[cursor..<d.range.lowerBound]
            let at = out.utf8.count
            if let replacement = d.replacement { out += replacement }
            cursor = d.range.upperBound
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
