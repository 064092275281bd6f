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
        let page = String(decoding: input.page, as: UTF8.self)
        let paragraphs = page.split(separator: "\n\n").compactMap(unwrap)
        let text = StoryText(blocks: paragraphs.map { StoryText.Block(role: .body, text: $0) })
        return LayoutBenchInput(text: text, bytes: paragraphs.reduce(0) { $0 + $1.utf8.count }, origin: input.origin)
    }

    /// One paragraph on one line; a space survives only between two ASCII characters (`A P`).
    static func unwrap(_ chunk: Substring) -> String? {
        let characters = Array(chunk.split(separator: "\n").joined())
        var out = ""
        for (i, c) in characters.enumerated() {
            if c == " " {
                let after = characters[(i + 1)...].first { $0 != " " }
                guard let before = out.last, let after, before.isASCII, after.isASCII, before != " " else { continue }
            }
            out.append(c)
        }
        return out.isEmpty ? nil : out
    }

    /// The whole page set at `pageSettings`, for the page-level timings (the PDF export times this story).
    func pageStory() -> TypesetStory {
        Typesetter.typeset(text, settings: Self.pageSettings)
    }
}
