/// `galley diff --format word`: git's word-diff markers (`[-deleted-]{+inserted+}`, and `[<…<]` `{>…>}`
/// for the two ends of a move) over the whole body on the new layout, after the changed fields.
enum DiffWordFormat {
    static func render(_ diff: ArticleDiff) -> String {
        let marks = DiffMarks(color: false)
        if diff.isLayoutOnly { return "no textual change (layout only: \(diff.body.layoutSummary))\n" }
        var out = DiffTerminalFormat.fields(diff, marks)
        if !diff.fields.isEmpty { out += "\n" }
        let lines = MarkedLines(diff.body.piecesOnNewLayout, firstLine: diff.newBodyLine)
        for line in lines.lines { out += marks.render(line) + "\n" }
        return out
    }
}
