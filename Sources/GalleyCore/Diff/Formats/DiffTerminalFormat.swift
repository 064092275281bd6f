/// `galley diff` for people: a header, the changed fields, the changed lines of the body on the new
/// layout (with `context` lines around them), the moves, and a summary line.
struct DiffTerminalFormat {
    let color: Bool
    let context: Int

    var marks: DiffMarks { DiffMarks(color: color) }

    func bold(_ text: String) -> String { color ? "\u{1B}[1m" + text + DiffMarks.reset : text }
    func dim(_ text: String) -> String { color ? "\u{1B}[36m" + text + DiffMarks.reset : text }

    func render(_ diff: ArticleDiff) -> String {
        var out = bold("diff \(TerminalSafe.sanitize(diff.oldLabel)) → \(TerminalSafe.sanitize(diff.newLabel))") + "\n"
        for note in diff.notes { out += TerminalSafe.sanitize(note) + "\n" }
        if diff.isLayoutOnly {
            return out + "no textual change (layout only: \(diff.body.layoutSummary))\n"
        }
        if !diff.hasTextChanges {
            return out + "no change\n"
        }
        out += Self.fields(diff, marks)
        out += body(diff)
        out += moves(diff.body)
        for f in diff.body.fallbacks { out += "note: " + f.describe(timeLimit: diff.body.options.timeLimit) + "\n" }
        out += Self.summary(diff) + "\n"
        return out
    }

    /// `headline: 滨江今冬供暖比往年提前[-三-]{+3+}天启动`, `status: submitted → edited`.
    static func fields(_ diff: ArticleDiff, _ marks: DiffMarks) -> String {
        var out = ""
        for field in diff.fields {
            let name = TerminalSafe.sanitize(field.name)
            if let d = field.diff {
                out += "\(name): " + marks.render(d.pieces) + "\n"
            } else {
                let old = field.old.map { marks.render(.delete, $0) } ?? "(none)"
                let new = field.new.map { marks.render(.insert, $0) } ?? "(none)"
                out += "\(name): \(old) → \(new)\n"
            }
        }
        return out
    }

    private func body(_ diff: ArticleDiff) -> String {
        guard diff.body.hasChanges else { return "" }
        let lines = MarkedLines(diff.body.piecesOnNewLayout, firstLine: diff.newBodyLine)
        var out = ""
        for group in lines.groups(context: context) {
            out += dim("@@ line \(lines.lines[group.lowerBound].number) @@") + "\n"
            for i in group { out += marks.render(lines.lines[i]) + "\n" }
        }
        return out
    }

    private func moves(_ body: TextDiff) -> String {
        var out = ""
        let places = body.moveParagraphs
        for (k, move) in body.moves.enumerated() {
            let (from, to) = places[k]
            var line = "moved ⁽\(move.number)⁾: \(move.characters) characters from paragraph \(from) to paragraph \(to)"
            let inner = body.innerPieces(of: move)
            line += inner.isEmpty ? ", unchanged" : ", edited: " + marks.render(inner.onlyChangedSentences())
            out += line + "\n"
        }
        return out
    }

    /// `3 changes: +25 −9 characters, 1 move (86 characters)`.
    static func summary(_ diff: ArticleDiff) -> String {
        let s = diff.body.statistics
        var parts: [String] = []
        if !diff.fields.isEmpty { parts.append(counted(diff.fields.count, "field") + " changed") }
        if s.changes - s.moves > 0 {
            let n = s.changes - s.moves
            let what = s.inserted == 0 && s.deleted == 0 ? "paragraph breaks only" : "+\(s.inserted) −\(s.deleted) characters"
            parts.append(counted(n, "change") + " in the body: " + what)
        }
        if s.moves > 0 { parts.append(counted(s.moves, "move") + " (\(s.moved) characters)") }
        return parts.joined(separator: ", ")
    }
}

extension Array where Element == DiffPiece {
    /// The pieces with long unchanged stretches shortened to `…` plus a few characters either side.
    func onlyChangedSentences(keep: Int = 8) -> [DiffPiece] {
        enumerated().map { i, p in
            guard p.op == .equal, p.text.count > 2 * keep + 1 else { return p }
            let head = i > 0 ? String(p.text.prefix(keep)) : ""
            let tail = i + 1 < count ? String(p.text.suffix(keep)) : ""
            return DiffPiece(.equal, head + "…" + tail)
        }
    }
}
