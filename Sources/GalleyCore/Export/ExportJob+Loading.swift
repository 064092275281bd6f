extension ExportJob {
    /// The job for a file on disk (an article, or plain text with paragraphs separated by blank lines),
    /// read and set as `galley fit` sets it: the headline block across the story's columns.
    public static func load(_ path: String, cwd: String, settings: LayoutSettings,
                            options: [String: String]) throws(GalleyError) -> ExportJob
    {
        let file = try StoryFile.read(path, cwd: cwd)
        return ExportJob(frontMatter: file.article.frontMatter, text: file.text, story: file.typeset(settings), options: options)
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
