/// The source line of a finding and a `^~~~` line under the flagged text, aligned by display width.
///
/// Both lines are terminal-safe: each part of the line goes through `TerminalSafe.sanitize` before it
/// is measured, and tabs are expanded to spaces so the terminal cannot move the text under the caret.
struct SourceExcerpt: Equatable {
    /// Tabs are expanded to the next multiple of this many columns.
    static let tabWidth = 4
    /// Lines wider than this are cut around the flagged text, because a wrapped line no longer lines up
    /// with its underline (a newspaper paragraph is often one long line).
    static let maximumWidth = 100
    /// Display columns kept on each side of the flagged text when a line is cut.
    static let contextWidth = 30
    static let cutMark = "…"

    /// The line as printed.
    var line: String
    /// Display columns before the caret.
    var indent: Int
    /// Display columns of the flagged text (at least 1: an insertion point still gets a caret).
    var width: Int

    /// `^~~~`, without the indent.
    var marks: String { "^" + String(repeating: "~", count: width - 1) }

    /// The excerpt for text flagged at a 1-based `column` (in Unicode scalars) of `sourceLine`.
    ///
    /// Only the first line of a multi-line `text` is underlined. When the line is unknown or no longer
    /// holds `text` at `column`, the flagged text itself is shown; nil when that is empty too.
    init?(sourceLine: String?, column: Int, text: String) {
        var flagged = Array(text.unicodeScalars.prefix { $0 != "\n" })
        if flagged.last == "\r" { flagged.removeLast() }
        if let sourceLine {
            var scalars = Array(sourceLine.unicodeScalars)
            while let last = scalars.last, last == "\n" || last == "\r" { scalars.removeLast() }
            let start = column - 1
            if start >= 0, start <= scalars.count, scalars[start...].starts(with: flagged) {
                let end = start + flagged.count
                self.init(prefix: scalars[..<start], flagged: scalars[start..<end], suffix: scalars[end...])
                return
            }
        }
        guard !flagged.isEmpty else { return nil }
        self.init(prefix: [], flagged: flagged[...], suffix: [])
    }

    private init(prefix: ArraySlice<Unicode.Scalar>, flagged: ArraySlice<Unicode.Scalar>,
                 suffix: ArraySlice<Unicode.Scalar>)
    {
        var column = 0
        var before = Self.expand(prefix, column: &column)
        let start = column
        let middle = Self.expand(flagged, column: &column)
        let width = column - start
        var after = Self.expand(suffix, column: &column)
        var indent = start
        if column > Self.maximumWidth {
            if indent > Self.contextWidth {
                before = Self.cutMark + Self.suffix(of: before, width: Self.contextWidth - DisplayWidth.of(Self.cutMark))
                indent = DisplayWidth.of(before)
            }
            if column - start - width > Self.contextWidth {
                after = Self.prefix(of: after, width: Self.contextWidth - DisplayWidth.of(Self.cutMark)) + Self.cutMark
            }
        }
        line = before + middle + after
        self.indent = indent
        self.width = max(width, 1)
    }

    /// `scalars` made terminal-safe with tabs expanded, starting at display `column`, which it advances.
    private static func expand(_ scalars: ArraySlice<Unicode.Scalar>, column: inout Int) -> String {
        let safe = TerminalSafe.sanitize(String(String.UnicodeScalarView(scalars)))
        var out = String.UnicodeScalarView()
        for scalar in safe.unicodeScalars {
            if scalar == "\t" {
                let spaces = tabWidth - column % tabWidth
                out.append(contentsOf: repeatElement(" ", count: spaces))
                column += spaces
            } else {
                out.append(scalar)
                column += DisplayWidth.of(scalar)
            }
        }
        return String(out)
    }

    private static func columns(of character: Character) -> Int {
        character.unicodeScalars.reduce(0) { $0 + DisplayWidth.of($1) }
    }

    /// The longest tail of `text`, in whole characters, at most `width` columns wide.
    private static func suffix(of text: String, width: Int) -> String {
        var used = 0
        let kept = text.reversed().prefix { character in
            used += columns(of: character)
            return used <= width
        }
        return String(kept.reversed())
    }

    /// The longest head of `text`, in whole characters, at most `width` columns wide.
    private static func prefix(of text: String, width: Int) -> String {
        var used = 0
        return String(text.prefix { character in
            used += columns(of: character)
            return used <= width
        })
    }
}
