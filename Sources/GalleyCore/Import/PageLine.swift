/// One line of a page as extracted from its PDF, with the justification spaces taken out.
struct PageLine: Sendable {
    /// 1-based line number in the source file.
    let number: Int
    let text: MappedText
    /// The line as written, trimmed (bylines keep their spaces from it).
    let raw: String

    var isBlank: Bool { text.isEmpty }
    var string: String { text.string }

    /// Width in em cells: Han characters and full-width marks one, ASCII a half.
    var width: Double {
        text.characters.reduce(0) { $0 + ($1.isASCII ? 0.5 : 1) }
    }

    /// Reads every line of the page; spaces a justified column put between characters are removed,
    /// except one space between two ASCII characters (`LumiCore Edge`).
    static func lines(of page: String) -> [PageLine] {
        var out: [PageLine] = []
        var number = 0
        for rawLine in page.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            out.append(PageLine(number: number, raw: rawLine))
        }
        if let last = out.last, last.isBlank, page.hasSuffix("\n") { out.removeLast() }
        return out
    }

    init(number: Int, raw: Substring) {
        self.number = number
        var text = MappedText()
        var pendingSpace: SourcePosition?
        var column = 0
        for character in raw {
            column += 1
            if PageLine.isSpace(character) {
                if pendingSpace == nil, !text.isEmpty { pendingSpace = SourcePosition(line: number, column: column) }
                continue
            }
            if let space = pendingSpace, let previous = text.last, previous.isASCII, character.isASCII {
                text.append(" ", at: space)
            }
            pendingSpace = nil
            text.append(character, at: SourcePosition(line: number, column: column))
        }
        self.text = text
        self.raw = String(raw).trimmingSpaces()
    }

    /// The text with one space wherever the source had spaces: for byline and photo-credit lines,
    /// whose spaces are part of the form (`本报记者 蒋一帆 摄`).
    var textKeepingSpaces: MappedText {
        var out = MappedText()
        var previousColumn: Int?
        for (character, position) in zip(text.characters, text.positions) {
            if let previousColumn, let position, position.column > previousColumn + 1, out.last != " " {
                out.append(" ", at: nil)
            }
            out.append(character, at: position)
            previousColumn = position?.column ?? previousColumn
        }
        return out
    }

    /// Spaces, and the form feed `pdftotext` puts at each page end: layout, not text.
    static func isSpace(_ c: Character) -> Bool {
        c == " " || c == "\t" || c == "\u{3000}" || c == "\u{00A0}" || c == "\r" || c == "\u{0C}" || c == "\u{0B}"
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = self[...]
        while let f = s.first, PageLine.isSpace(f) { s = s.dropFirst() }
        while let l = s.last, PageLine.isSpace(l) { s = s.dropLast() }
        return String(s)
    }
}
