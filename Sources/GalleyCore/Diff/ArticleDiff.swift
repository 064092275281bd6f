/// Two versions of an article (or of any text file) compared field by field, then the body.
public struct ArticleDiff: Sendable {
    /// What the old and new sides are, e.g. `articles/2026-11-27/a1.md@3f2a1c0` or `working tree`.
    public let oldLabel: String
    /// The new side's label.
    public let newLabel: String
    /// Front-matter fields that differ, in editorial order: kicker, headline, subheadline, dateline,
    /// credits, then the others.
    public let fields: [FieldChange]
    /// The bodies compared (after the front matter).
    public let body: TextDiff
    /// Remarks such as "new file" for the reader.
    public let notes: [String]
    /// 1-based line of the new file where its body starts.
    public let newBodyLine: Int

    /// True when some text differs (a re-wrap or re-spacing alone does not count).
    public var hasTextChanges: Bool { !fields.isEmpty || body.hasChanges }
    /// True when the files differ only in layout.
    public var isLayoutOnly: Bool { fields.isEmpty && body.isLayoutOnly }
}

/// One front-matter field that differs.
public struct FieldChange: Sendable {
    /// The field's key, or `front matter` for a block that does not parse.
    public let name: String
    /// Nil when the field is absent on that side.
    public let old: String?
    /// The new value, nil when absent.
    public let new: String?
    /// A character diff for prose fields (kicker, headline, …, credits, other Chinese text); nil for codes
    /// such as status or page, which read best as `old → new`.
    public let diff: TextDiff?
}

/// Builds `ArticleDiff`s.
public enum ArticleDiffer {
    /// The fields compared first, in this order; the rest follow in the order of the new version.
    public static let leadingFields = ["kicker", "headline", "subheadline", "dateline", "credits"]

    /// Compares two versions (nil: the file does not exist on that side).
    public static func diff(old: String?, new: String?, oldLabel: String, newLabel: String,
                            options: DiffOptions = DiffOptions()) -> ArticleDiff {
        var notes: [String] = []
        if old == nil { notes.append("new file: \(newLabel)") }
        if new == nil { notes.append("deleted: \(oldLabel) has it, \(newLabel) does not") }
        let a = ArticleSections(old ?? ""), b = ArticleSections(new ?? "")
        let fields = fieldChanges(a.fields ?? [], b.fields ?? [], options: options)
        let body = TextDiffer.diff(a.body, b.body, options: options)
        return ArticleDiff(oldLabel: oldLabel, newLabel: newLabel, fields: fields, body: body, notes: notes, newBodyLine: b.bodyLine)
    }

    static func fieldChanges(_ a: [(name: String, value: String)], _ b: [(name: String, value: String)],
                             options: DiffOptions) -> [FieldChange] {
        var order = leadingFields
        for name in b.map(\.name) + a.map(\.name) where !order.contains(name) { order.append(name) }
        let oldValues = Dictionary(a.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        let newValues = Dictionary(b.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        var out: [FieldChange] = []
        for name in order {
            let old = oldValues[name], new = newValues[name]
            guard old != new, old != nil || new != nil else { continue }
            var diff: TextDiff?
            if let old, let new, isProse(name, old, new) {
                var fieldOptions = options
                fieldOptions.moves = false
                diff = TextDiffer.diff(old, new, options: fieldOptions)
            }
            out.append(FieldChange(name: name, old: old, new: new, diff: diff))
        }
        return out
    }

    /// Prose fields get a character diff; codes (status, page, dates, ids) do not.
    static func isProse(_ name: String, _ old: String, _ new: String) -> Bool {
        if leadingFields.contains(name) || name == "front matter" { return true }
        return (old + new).unicodeScalars.contains { DiffCharacters.isCJK($0.value) }
    }
}
