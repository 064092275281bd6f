/// A text with its layout taken out, as the diff compares it.
///
/// Paragraphs are separated by one `\n` (a blank or white-space-only line in the original). Inside a
/// paragraph a hard line break joins with nothing, and a space survives only between two characters that
/// are not CJK (Latin words, numbers), as one space. So `12 月 25 日` reads `12月25日`, and a page
/// re-wrapped from 14 to 20 characters a line normalises to the same text.
public struct NormalizedText: Sendable {
    /// The original text's scalar values.
    let original: [UInt32]
    /// The normalised text's scalar values.
    let scalars: [UInt32]
    /// For each normalised scalar, the index in `original` it comes from (for a paragraph separator,
    /// the start of the white space it stands for).
    let origin: [Int32]
    /// Line breaks inside paragraphs that normalisation joined.
    public let joinedLineBreaks: Int
    /// Spaces (including ideographic spaces and indents) that normalisation dropped.
    public let droppedSpaces: Int

    /// The normalised text.
    public var text: String { ScalarBuffer.string(scalars, 0..<scalars.count) }
    /// Number of paragraphs.
    public var paragraphCount: Int {
        scalars.isEmpty ? 0 : scalars.reduce(1) { $0 + ($1 == DiffCharacters.paragraph ? 1 : 0) }
    }

    /// Normalises `text` (LF line ends; `SourceText` has already turned CRLF into LF).
    public init(_ text: String) {
        self.init(scalars: ScalarBuffer.scalars(of: text))
    }

    init(scalars o: [UInt32]) {
        original = o
        var out: [UInt32] = []
        var from: [Int32] = []
        out.reserveCapacity(o.count)
        from.reserveCapacity(o.count)
        var joined = 0
        var dropped = 0
        let n = o.count
        var i = 0
        // True once the current paragraph has a character.
        var inParagraph = false
        while i < n {
            let c = o[i]
            if !DiffCharacters.isWhite(c) {
                out.append(c)
                from.append(Int32(i))
                inParagraph = true
                i += 1
                continue
            }
            var j = i
            var newlines = 0
            var spaces = 0
            var firstSpace = -1
            while j < n, DiffCharacters.isWhite(o[j]) {
                if o[j] == 0x0A || o[j] == 0x0D {
                    newlines += 1
                } else {
                    spaces += 1
                    if firstSpace < 0 { firstSpace = j }
                }
                j += 1
            }
            let atEdge = !inParagraph || j == n
            if newlines >= 2 {
                // A blank line: a paragraph break, unless it is leading or trailing white space.
                if !atEdge {
                    out.append(DiffCharacters.paragraph)
                    from.append(Int32(i))
                    inParagraph = false
                }
                dropped += spaces
            } else if !atEdge, spaces > 0, !DiffCharacters.isCJK(out[out.count - 1]), !DiffCharacters.isCJK(o[j]) {
                // A real space between two non-CJK characters (words, numbers) is text: keep one.
                out.append(DiffCharacters.space)
                from.append(Int32(firstSpace))
                dropped += spaces - 1
                joined += newlines
            } else {
                if !atEdge { joined += newlines }
                dropped += spaces
            }
            i = j
        }
        scalars = out
        origin = from
        joinedLineBreaks = joined
        droppedSpaces = dropped
    }
}
