/// A file to set, as `galley fit` and `galley export` read it: an article with front matter, or a plain
/// text file whose paragraphs are separated by blank lines, inside a newsroom or anywhere else.
public struct StoryFile: Sendable {
    /// The path as given.
    public let path: String
    public let article: Article
    /// The blocks to set: headline block from the front matter (if any), then the paragraphs.
    public let text: StoryText

    public init(path: String, article: Article) {
        self.path = path
        self.article = article
        self.text = StoryText(article: article)
    }

    /// Reads and decodes `path` (relative to `cwd`) like a check-in does: binary data, invalid UTF-8
    /// (with a GB18030 hint) and broken front matter are refused with a `GalleyError` naming the path.
    public static func read(_ path: String, cwd: String) throws(GalleyError) -> StoryFile {
        let source = try SourceText.read(path, cwd: cwd).text.text
        return StoryFile(path: path, article: try ArticleParser.parse(source, path: path, requireFrontMatter: false))
    }

    /// The story set at `settings`.
    public func typeset(_ settings: LayoutSettings) -> TypesetStory {
        Typesetter.typeset(text, settings: settings)
    }
}
