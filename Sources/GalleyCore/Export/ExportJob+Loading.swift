extension ExportJob {
    /// The job for a file on disk (an article, or plain text with paragraphs separated by blank lines),
    /// read as `galley fit` reads it. The headline block spans the story's columns on the page, so with
    /// more than one column its lines are broken at the width of the span, not of one column.
    public static func load(_ path: String, cwd: String, settings: LayoutSettings,
                            options: [String: String]) throws(GalleyError) -> ExportJob
    {
        let file = try StoryFile.read(path, cwd: cwd)
        var story = file.typeset(settings)
        if settings.columns > 1 {
            var span = settings
            span.measure = settings.columns * settings.measure + (settings.columns - 1)  // gutters of one cell
            // Body blocks emptied, so block indices stay those of `file.text`.
            let headlineOnly = StoryText(blocks: file.text.blocks.map {
                $0.role.isHeadlineBlock ? $0 : StoryText.Block(role: $0.role, text: "")
            })
            story.lines = Typesetter.typeset(headlineOnly, settings: span).lines
                + story.lines.filter { !$0.role.isHeadlineBlock }
        }
        return ExportJob(frontMatter: file.article.frontMatter, text: file.text, story: story, options: options)
    }

    /// Writes an exported file (atomically: a temporary file beside it, then a rename).
    public static func write(_ bytes: [UInt8], to path: String, cwd: String) throws(GalleyError) {
        try FileSystem.writeFile(FileSystem.absolute(path, from: cwd), bytes)
    }
}

extension BlockRole {
    /// Kicker, headline and subheadline: set above the body, across its columns.
    public var isHeadlineBlock: Bool { self == .kicker || self == .headline || self == .subheadline }
}
