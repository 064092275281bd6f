extension ExportJob {
    /// The job for a file on disk: an article with front matter, or a plain text file whose paragraphs are
    /// separated by blank lines, inside or outside a newsroom. Binary data and text that is not UTF-8 are
    /// refused as `galley check` refuses them.
    public static func load(_ path: String, cwd: String, settings: LayoutSettings,
                            options: [String: String]) throws(GalleyError) -> ExportJob
    {
        let bytes = try FileSystem.readFile(FileSystem.absolute(path, from: cwd), limit: SourceText.maximumBytes)
        let text = try SourceText.decode(bytes, path: path).text
        let article = try ArticleParser.parse(text, path: path, requireFrontMatter: false)
        let story = StoryText(article: article)
        return ExportJob(frontMatter: article.frontMatter, text: story,
                         story: Typesetter.typeset(story, settings: settings), options: options)
    }

    /// Writes an exported file (atomically: a temporary file beside it, then a rename).
    public static func write(_ bytes: [UInt8], to path: String, cwd: String) throws(GalleyError) {
        try FileSystem.writeFile(FileSystem.absolute(path, from: cwd), bytes)
    }
}
