/// An article: front matter plus a Markdown body of paragraphs separated by blank lines.
public struct Article: Sendable {
    /// The whole file as normalised UTF-8 text.
    public let source: String
    /// Nil for a plain text or Markdown file without front matter.
    public let frontMatter: FrontMatter?
    /// The text after the front matter, a slice of `source` (no copy of its own).
    public let body: Substring
    /// 1-based line in the file where `body` starts.
    public let bodyStartLine: Int
    /// UTF-8 offset in `source` where `body` starts.
    public let bodyByteOffset: Int

    /// Paragraphs of the body: runs of non-blank lines, joined as written.
    public var paragraphs: [Substring] {
        Article.paragraphs(of: body)
    }

    /// 字数 of the body.
    public var characterCount: Int { ChineseCount.characters(in: body) }

    static func paragraphs(of body: String) -> [Substring] { paragraphs(of: body[...]) }

    static func paragraphs(of body: Substring) -> [Substring] {
        var out: [Substring] = []
        var start: String.Index?
        var end = body.startIndex
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            let lineEnd = body[lineStart...].firstIndex(of: "\n") ?? body.endIndex
            let line = body[lineStart..<lineEnd]
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\u{3000}" }) {
                if let s = start { out.append(body[s..<end]) }
                start = nil
            } else {
                if start == nil { start = lineStart }
                end = lineEnd
            }
            lineStart = lineEnd < body.endIndex ? body.index(after: lineEnd) : body.endIndex
        }
        if let s = start { out.append(body[s..<end]) }
        return out
    }
}
