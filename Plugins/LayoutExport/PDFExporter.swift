import GalleyCore

/// `pdf`: a proof of the story as set, through cairo: the headline block across the top, the body in
/// C columns of L lines, every unit at the engine's position. Fonts come from fontconfig (Noto Serif CJK SC
/// for the body, Noto Sans CJK SC for the headline block and byline) and are embedded as subsets.
public struct PDFExporter: Exporter {
    public static let id = "layout.pdf"
    public static let format = "pdf"
    public static let summary = Message("PDF 校样：按版面网格排定，字体子集嵌入，文字可复制",
                                        en: "PDF proof on the layout grid, fonts embedded as subsets, text selectable")
    public static let options: [OptionSpec] = [
        OptionSpec("page", default: .string("a4"),
                   "a4, a3, fit (the slot plus 15 mm margins) or WxH in mm; a slot larger than the paper is reduced to fit"),
        OptionSpec("grid", default: .bool(false), "draw the character cells (proof grid)"),
    ]

    /// fontconfig requests per role (the family fontconfig substitutes when Noto is missing must still cover Chinese).
    static let bodyFont = "Noto Serif CJK SC"
    static let headingFont = "Noto Sans CJK SC"
    static let headlineFont = "Noto Sans CJK SC:weight=bold"

    public init() {}

    public func export(_ job: ExportJob) throws(GalleyError) -> [UInt8] {
        let page = try PageSize.parse(job.options["page"] ?? "a4")
        let settings = job.story.settings
        let story = job.story.headlinesSetSolid()
        let layout = GalleyLayout(story)
        let (pageWidth, pageHeight, scale) = page.points(forContent: layout.width, layout.height)
        let fonts = try FontSet()
        let canvas = try PDFCanvas(width: pageWidth, height: pageHeight, title: job.frontMatter?.headline ?? "")
        // Centred across the page, from the top margin.
        let originX = (pageWidth - layout.width * scale) / 2
        for pageIndex in 0..<layout.pages {
            if pageIndex > 0 { canvas.nextPage() }
            canvas.setTransform(originX: originX, originY: PageSize.margin, scale: scale)
            if job.options["grid"] == "true" { canvas.drawGrid(layout.columnBoxes, page: pageIndex, settings: settings) }
            for placement in layout.placements where placement.page == pageIndex {
                let line = story.lines[placement.line]
                canvas.draw(line, font: try fonts.font(for: line.role), size: placement.size, x: placement.x,
                            baseline: placement.baseline)
            }
        }
        canvas.nextPage()
        return try canvas.finish()
    }
}

/// The faces a story needs, each opened once: a proof without a headline never loads the bold Sans.
final class FontSet {
    private var opened: [String: CairoFont] = [:]

    init() throws(GalleyError) {
        // Fail before drawing anything when the body face is missing.
        _ = try open(PDFExporter.bodyFont)
    }

    func font(for role: BlockRole) throws(GalleyError) -> CairoFont {
        switch role {
        case .body: return try open(PDFExporter.bodyFont)
        case .headline: return try open(PDFExporter.headlineFont)
        case .kicker, .subheadline, .byline: return try open(PDFExporter.headingFont)
        }
    }

    private func open(_ request: String) throws(GalleyError) -> CairoFont {
        if let font = opened[request] { return font }
        let font = try CairoFont(FontLocator.locate(request))
        opened[request] = font
        return font
    }
}
