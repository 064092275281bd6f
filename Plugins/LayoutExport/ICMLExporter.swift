import GalleyCore

/// `icml`: an InCopy story InDesign places with File › Place (layout.md §2.1): paragraph styles 引题, 主题,
/// 副题, 署名 and 正文, the 电头 as a character style, `<Br/>` between paragraphs. Style definitions are a
/// fallback: the page template's styles of the same name govern.
public struct ICMLExporter: Exporter {
    public static let id = "layout.icml"
    public static let format = "icml"
    public static let summary = Message("InCopy 稿件（ICML）：引题、主题、副题、署名、正文段落样式，电头字符样式",
                                        en: "InCopy story (ICML): paragraph styles per block role, a character style for the dateline")
    public static let options: [OptionSpec] = [
        OptionSpec("cjk-attributes", default: .bool(false),
                   "write InDesign CJK paragraph attributes (Simplified Chinese kinsoku, push-out only, CJK composer); unverified in InDesign"),
    ]

    public init() {}

    public func export(_ job: ExportJob) throws(GalleyError) -> [UInt8] {
        let settings = job.story.settings
        var out = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <?aid style="50" type="snippet" readerVersion="6.0" featureSet="513" product="8.0(370)" ?>
            <?aid SnippetType="InCopyInterchange"?>
            <Document DOMVersion="8.0" Self="d">

            """
        out += ICMLStyles.definitions(settings: settings, cjkAttributes: job.options["cjk-attributes"] == "true")
        let title = MarkupText.escape(job.frontMatter?.headline ?? "", lineBreak: " ")
        out += "  <Story Self=\"story1\" AppliedTOCStyle=\"n\" TrackChanges=\"false\" StoryTitle=\"\(title)\" AppliedNamedGrid=\"n\">\n"
        out += "    <StoryPreference OpticalMarginAlignment=\"false\" OpticalMarginSize=\"12\"/>\n"
        let firstBody = job.text.blocks.firstIndex { $0.role == .body }
        for (index, block) in job.text.blocks.enumerated() {
            let dateline = index == firstBody ? DatelineSpan.length(in: block.text, dateline: job.frontMatter?.dateline) : 0
            out += paragraph(block, datelineLength: dateline, isLast: index == job.text.blocks.count - 1)
        }
        out += "  </Story>\n</Document>\n"
        return Array(out.utf8)
    }

    /// One ParagraphStyleRange; the paragraph return `<Br/>` inside its last run, except after the story's last.
    func paragraph(_ block: StoryText.Block, datelineLength: Int, isLast: Bool) -> String {
        var runs: [(style: String, text: Substring)] = []
        let split = block.text.index(block.text.startIndex, offsetBy: datelineLength)
        if datelineLength > 0 { runs.append((ICMLStyles.characterStyle(datelineStyleName), block.text[..<split])) }
        if split < block.text.endIndex || runs.isEmpty { runs.append((ICMLStyles.noCharacterStyle, block.text[split...])) }
        var out = "    <ParagraphStyleRange AppliedParagraphStyle=\"\(ICMLStyles.paragraphStyle(block.role.styleName))\">\n"
        for (i, run) in runs.enumerated() {
            out += "      <CharacterStyleRange AppliedCharacterStyle=\"\(run.style)\">\n"
            out += "        <Content>\(MarkupText.escape(String(run.text), lineBreak: "&#x2028;"))</Content>\n"
            if i == runs.count - 1 && !isLast { out += "        <Br/>\n" }
            out += "      </CharacterStyleRange>\n"
        }
        return out + "    </ParagraphStyleRange>\n"
    }
}
