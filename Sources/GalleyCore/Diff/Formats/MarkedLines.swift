/// The body's pieces on the new layout, cut into the new text's lines, for the line-oriented formats.
///
/// Deleted text is normalised. Whole deleted (or moved-away) paragraphs get lines of their own where they
/// stood; a paragraph break deleted inside a line shows as a marked `¶`. An inserted paragraph break that
/// splits a paragraph shows as a marked `¶` at the end of its line; inserted paragraphs are simply marked.
struct MarkedLines {
    struct Fragment {
        let op: DiffOperation
        let text: String
        let move: Int?
    }

    struct Line {
        /// 1-based line number in the new text (a line that holds only deleted text has the number of
        /// the line it stands before).
        let number: Int
        var fragments: [Fragment] = []
        var isChanged: Bool { fragments.contains { $0.op != .equal } }
    }

    let lines: [Line]

    init(_ pieces: [DiffPiece], firstLine: Int = 1) {
        var lines: [Line] = []
        var current = Line(number: firstLine)
        // Deleted paragraphs that go after the current line, once it ends.
        var after: [Line] = []
        func endLine() {
            lines.append(current)
            lines += after
            after = []
            current = Line(number: current.number + 1)
        }
        for (k, piece) in pieces.enumerated() {
            if piece.op == .delete || piece.op == .movedFrom {
                let atLineStart = current.fragments.isEmpty
                let atLineEnd = k + 1 == pieces.count || pieces[k + 1].text.first == "\n"
                let text = piece.text.collapsingLineBreaks()
                let own = text.contains("\n") && text != "\n"
                    && ((atLineStart && text.last == "\n") || (atLineEnd && text.first == "\n"))
                if own {
                    let paragraphs = text.trimmingParagraphBreaks().split(separator: "\n").map {
                        Line(number: current.number, fragments: [Fragment(op: piece.op, text: String($0), move: piece.move)])
                    }
                    if atLineStart { lines += paragraphs } else { after += paragraphs }
                } else {
                    current.fragments.append(Fragment(op: piece.op, text: text.replacingNewlines(with: "¶"), move: piece.move))
                }
                continue
            }
            let parts = piece.text.split(separator: "\n", omittingEmptySubsequences: false)
            let splitsParagraph = piece.op != .equal && piece.text.allSatisfy { $0 == "\n" || $0 == " " || $0 == "\t" || $0 == "\u{3000}" }
            for (i, part) in parts.enumerated() {
                if i > 0 {
                    if splitsParagraph, i == 1 { current.fragments.append(Fragment(op: piece.op, text: "¶", move: piece.move)) }
                    endLine()
                }
                if !part.isEmpty { current.fragments.append(Fragment(op: piece.op, text: String(part), move: piece.move)) }
            }
        }
        if !current.fragments.isEmpty || !after.isEmpty { endLine() }
        self.lines = lines.map(Self.absorbingSpaces)
    }

    /// Spaces left unchanged between two parts of one mark (layout spaces of the new text, `陈立峰 通讯员`)
    /// go inside the mark, so it reads as one.
    static func absorbingSpaces(_ line: Line) -> Line {
        var out = Line(number: line.number)
        var k = 0
        let f = line.fragments
        while k < f.count {
            if f[k].op == .equal, k > 0, k + 1 < f.count, let last = out.fragments.last, last.op != .equal,
               f[k + 1].op == last.op, f[k + 1].move == last.move, f[k].text.allSatisfy({ $0 == " " || $0 == "\u{3000}" }) {
                out.fragments[out.fragments.count - 1] = Fragment(op: last.op, text: last.text + f[k].text + f[k + 1].text, move: last.move)
                k += 2
                continue
            }
            out.fragments.append(f[k])
            k += 1
        }
        return out
    }

    /// `piece` with the new text's hard line breaks taken out (a run of white space holding one line break
    /// becomes nothing, or one space when it holds spaces too) and each blank-line run made one `\n`, so
    /// that `MarkedLines` cuts paragraphs instead of lines.
    static func paragraphLayout(_ piece: DiffPiece) -> DiffPiece {
        guard piece.op.inNew, piece.text.contains("\n") else { return piece }
        var out = ""
        var run = ""
        func flush() {
            let breaks = run.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            if breaks >= 2 {
                out += "\n"
            } else if breaks == 1 {
                if run.contains(where: { $0 != "\n" }) { out += " " }
            } else {
                out += run
            }
            run = ""
        }
        for c in piece.text {
            if c == "\n" || c == " " || c == "\t" || c == "\u{3000}" {
                run.append(c)
            } else {
                flush()
                out.append(c)
            }
        }
        flush()
        return DiffPiece(piece.op, out, move: piece.move)
    }

    /// Groups of line indices to show: each changed line with `context` lines around it, overlapping groups joined.
    func groups(context: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for (i, line) in lines.enumerated() where line.isChanged {
            var lo = max(0, i - context), hi = min(lines.count, i + context + 1)
            while lo < i, lines[lo].fragments.isEmpty { lo += 1 }
            while hi > i + 1, lines[hi - 1].fragments.isEmpty { hi -= 1 }
            if let last = out.last, lo <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(hi, last.upperBound)
            } else {
                out.append(lo..<hi)
            }
        }
        return out
    }
}

/// How one kind of piece is marked: git's word-diff markers, or colours.
struct DiffMarks {
    let color: Bool

    static let reset = "\u{1B}[0m"

    func open(_ op: DiffOperation, _ move: Int?) -> String {
        switch (op, color) {
        case (.equal, _): return ""
        case (.delete, false): return "[-"
        case (.insert, false): return "{+"
        case (.movedFrom, false): return "[<"
        case (.movedTo, false): return "{>"
        case (.delete, true): return "\u{1B}[31;9m"
        case (.insert, true): return "\u{1B}[32;4m"
        case (.movedFrom, true): return "\u{1B}[36;9m"
        case (.movedTo, true): return "\u{1B}[36;4m"
        }
    }

    func close(_ op: DiffOperation, _ move: Int?) -> String {
        switch (op, color) {
        case (.equal, _): return ""
        case (.delete, false): return "-]"
        case (.insert, false): return "+}"
        case (.movedFrom, false): return "<]" + (move.map { "⁽\($0)⁾" } ?? "")
        case (.movedTo, false): return ">}" + (move.map { "⁽\($0)⁾" } ?? "")
        case (.movedFrom, true), (.movedTo, true): return Self.reset + (move.map { "\u{1B}[36m⁽\($0)⁾" + Self.reset } ?? "")
        case (_, true): return Self.reset
        }
    }

    func render(_ op: DiffOperation, _ text: String, move: Int? = nil) -> String {
        op == .equal ? TerminalSafe.sanitize(text) : open(op, move) + TerminalSafe.sanitize(text) + close(op, move)
    }

    func render(_ pieces: [DiffPiece]) -> String {
        pieces.map { render($0.op, $0.op == .delete || $0.op == .movedFrom ? $0.text.replacingNewlines(with: "¶") : $0.text, move: $0.move) }.joined()
    }

    func render(_ line: MarkedLines.Line) -> String {
        line.fragments.map { render($0.op, $0.text, move: $0.move) }.joined()
    }
}

extension String {
    /// Runs of line breaks as one (a paragraph break of deleted text is a blank line).
    func collapsingLineBreaks() -> String {
        guard contains("\n\n") else { return self }
        var out = ""
        var previous: Character = " "
        for c in self where !(c == "\n" && previous == "\n") {
            out.append(c)
            previous = c
        }
        return out
    }

    func replacingNewlines(with mark: String) -> String {
        guard contains("\n") else { return self }
        return split(separator: "\n", omittingEmptySubsequences: false).joined(separator: mark)
    }
}
