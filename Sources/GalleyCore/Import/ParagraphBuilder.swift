/// Rebuilds the paragraphs of one piece from its column lines: lines of a block are one paragraph;
/// a blank line is a paragraph break unless a column break split the paragraph there.
struct ParagraphBuilder {
    let lines: [PageLine]
    private(set) var paragraphs: [MappedText] = []
    private(set) var warnings: [ImportWarning] = []

    init(lines: [PageLine], indices: [Int]) {
        self.lines = lines
        let runs = ParagraphBuilder.runs(indices, in: lines)
        let widths = ParagraphBuilder.columnWidths(runs, in: lines)
        var paragraph = MappedText()
        for (r, run) in runs.enumerated() {
            if r > 0 {
                let previous = runs[r - 1]
                if !isCredit(run), shouldJoin(after: previous, widths[r - 1], before: run, widths[r]) {
                    ParagraphBuilder.join(&paragraph, lines[run[0]].text)
                } else {
                    paragraphs.append(paragraph)
                    paragraph = isCredit(run) ? lines[run[0]].textKeepingSpaces : lines[run[0]].text
                }
            } else {
                paragraph = isCredit(run) ? lines[run[0]].textKeepingSpaces : lines[run[0]].text
            }
            for i in run.dropFirst() { ParagraphBuilder.join(&paragraph, lines[i].text) }
        }
        if !paragraph.isEmpty { paragraphs.append(paragraph) }
    }

    /// A photo credit alone in its block is its own paragraph, spaces kept.
    private func isCredit(_ run: [Int]) -> Bool {
        run.count == 1 && PagePatterns.isPhotoCredit(lines[run[0]].raw)
    }

    /// Appends a line, putting a space back only between two Latin letters (a word boundary at the line end).
    static func join(_ paragraph: inout MappedText, _ line: MappedText) {
        if let a = paragraph.last, let b = line.first, a.isASCII, a.isLetter, b.isASCII, b.isLetter {
            paragraph.append(" ", at: nil)
        }
        paragraph.append(line)
    }

    /// Decides a blank line between two blocks. Certain joins: the next block starts with a mark that
    /// cannot start a line, or the previous one stops mid-clause. Guessed (and warned): after `。`, `；`
    /// or `：` at the end of a full line, when the next block's first line is not indented.
    private mutating func shouldJoin(after previous: [Int], _ previousWidth: Double, before next: [Int], _ nextWidth: Double) -> Bool {
        let last = lines[previous.last!]
        let first = lines[next[0]]
        if let c = first.text.first, PagePatterns.continuationStarts.contains(c), !first.string.hasPrefix("——") { return true }
        let endsClause = PagePatterns.endsSentence(last.text) || last.text.last.map { PagePatterns.openEnds.contains($0) } == true
        if !endsClause { return true }
        let lastIsFull = last.width >= previousWidth - 1
        guard lastIsFull, previous.count > 1 || PagePatterns.openEnds.contains(last.text.last!) else { return false }
        // An indented first line starts a paragraph; an unindented one after a full line is more
        // likely the same paragraph carried to the next column.
        if first.width <= nextWidth - 1.5 { return false }
        warnings.append(ImportWarning(
            line: first.number,
            message: "第\(last.number)行以“\(last.text.last!)”结束且排满，第\(first.number)行未缩进：按转栏接排处理，请核对是否应分段"))
        return true
    }

    /// Blocks of consecutive non-blank lines among `indices`.
    static func runs(_ indices: [Int], in lines: [PageLine]) -> [[Int]] {
        var runs: [[Int]] = []
        var current: [Int] = []
        for i in indices {
            if lines[i].isBlank {
                if !current.isEmpty { runs.append(current) }
                current = []
            } else {
                if let last = current.last, last + 1 != i {
                    runs.append(current)
                    current = []
                }
                current.append(i)
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// The column width each block was set in: its widest line, or its neighbours' for a short block.
    static func columnWidths(_ runs: [[Int]], in lines: [PageLine]) -> [Double] {
        let own = runs.map { run in run.map { lines[$0].width }.max() ?? 0 }
        return own.indices.map { r in
            guard runs[r].count < 3 else { return own[r] }
            let neighbours = [r - 1, r + 1].filter { own.indices.contains($0) && runs[$0].count >= 3 }.map { own[$0] }
            return max(own[r], neighbours.max() ?? own[r])
        }
    }
}
