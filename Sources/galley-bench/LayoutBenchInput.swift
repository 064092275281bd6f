import GalleyCore

/// The layout suite's text: the sample page (or generated text) unwrapped into paragraphs, as an editor
/// would have typed it — lines of a paragraph joined, without the spaces a justified column left
/// beside Chinese characters.
struct LayoutBenchInput {
    let text: StoryText
    /// UTF-8 bytes of the paragraphs' text: what the MB/s figures divide.
    let bytes: Int
    let origin: String

    /// The whole page set as a newspaper page: 8 columns × 70 lines of 13 cells (docs/layout.md §5.1).
    static let pageSettings = LayoutSettings(measure: 13, linesPerColumn: 70, columns: 8)

    static func load() -> LayoutBenchInput {
        let input = TypographyInput.load()
        let paragraphs = paragraphs(ofPage: String(decoding: input.page, as: UTF8.self))
        let text = StoryText(blocks: paragraphs.map { StoryText.Block(role: .body, text: $0) })
        return LayoutBenchInput(text: text, bytes: paragraphs.reduce(0) { $0 + $1.utf8.count }, origin: input.origin)
    }

    /// The page's text as `galley import` rebuilds it: each piece's headline lines, then its paragraphs, with
    /// column breaks rejoined and the justification spaces gone.
    static func paragraphs(ofPage page: String) -> [String] {
        let imported = PageImporter.read(page, options: ImportOptions(issue: CivilDate(iso: "2021-12-28")!))
        return imported.articles.flatMap { article in
            [article.headline, article.subheadline].compactMap { $0?.string } + article.paragraphs.map(\.string)
        }
    }

    /// The whole page set at `pageSettings`, for the page-level timings (the PDF export times this story).
    func pageStory() -> TypesetStory {
        Typesetter.typeset(text, settings: Self.pageSettings)
    }
}
