/// Turns an article (and its layout) into a file for the page: PDF proof, ICML story, text galley, HTML.
/// Exporters are plugins (`Plugins/LayoutExport`); the core sets the type, exporters only draw or write it.
public protocol Exporter: Sendable {
    /// `<plugin>.<format>`, e.g. `layout.pdf`.
    static var id: String { get }
    /// The `--format` value, e.g. `pdf`, and the file extension it writes.
    static var format: String { get }
    static var summary: Message { get }
    /// Exporter-specific options (`--option name=value`), checked against `allowed`.
    static var options: [OptionSpec] { get }
    init()
    /// The bytes of the exported file.
    func export(_ job: ExportJob) throws(GalleyError) -> [UInt8]
}

/// Everything an exporter gets: the article, its text by block, the story set at the requested layout,
/// and the exporter's options over their defaults.
public struct ExportJob: Sendable {
    /// Nil for a plain text file.
    public let frontMatter: FrontMatter?
    public let text: StoryText
    public let story: TypesetStory
    public let options: [String: String]

    public init(frontMatter: FrontMatter?, text: StoryText, story: TypesetStory, options: [String: String]) {
        self.frontMatter = frontMatter
        self.text = text
        self.story = story
        self.options = options
    }
}
