import GalleyCore

/// `html`: a print-preview page for a browser: the headline block across the top, the body in CSS columns
/// of the measure with `line-break: strict`, justified, 2-em indents. The browser breaks the lines, so it
/// is a preview of the slot, not of Galley's own line breaks (the PDF and txt galleys show those).
public struct HTMLExporter: Exporter {
    public static let id = "layout.html"
    public static let format = "html"
    public static let summary = Message("打印预览网页：CSS 分栏，严格禁则，两端对齐", en: "print-preview page: CSS columns, line-break: strict, justified")
    public static let options: [OptionSpec] = [
        OptionSpec("grid", default: .bool(false), "show the slot's column boxes"),
    ]

    public init() {}

    public func export(_ job: ExportJob) throws(GalleyError) -> [UInt8] {
        let settings = job.story.settings
        let title = MarkupText.escape(job.frontMatter?.headline ?? job.text.blocks.first?.text ?? "", lineBreak: " ")
        var out = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8"/>
            <title>\(title)</title>
            <style>
            \(HTMLStyleSheet.css(settings: settings, grid: job.options["grid"] == "true"))</style>
            </head>
            <body>
            <article class="slot">

            """
        let headline = job.text.blocks.filter { $0.role.isHeadlineBlock }
        if !headline.isEmpty {
            out += "<header>\n"
            for block in headline { out += "<p class=\"\(block.role.rawValue)\">\(Self.inline(block.text))</p>\n" }
            out += "</header>\n"
        }
        out += "<div class=\"columns\">\n"
        let firstBody = job.text.blocks.firstIndex { $0.role == .body }
        for (index, block) in job.text.blocks.enumerated() where !block.role.isHeadlineBlock {
            var text = Self.inline(block.text)
            if index == firstBody {
                let n = DatelineSpan.length(in: block.text, dateline: job.frontMatter?.dateline)
                if n > 0 {
                    let split = block.text.index(block.text.startIndex, offsetBy: n)
                    text = "<span class=\"dateline\">\(Self.inline(String(block.text[..<split])))</span>"
                        + Self.inline(String(block.text[split...]))
                }
            }
            out += "<p class=\"\(block.role.rawValue)\">\(text)</p>\n"
        }
        out += "</div>\n</article>\n</body>\n</html>\n"
        return Array(out.utf8)
    }

    /// Escaped text with digit and Latin runs in `<span class="latin">` (set half-width with `hwid`).
    static func inline(_ text: String) -> String {
        var out = ""
        var run = ""
        func flush() {
            guard !run.isEmpty else { return }
            out += "<span class=\"latin\">\(MarkupText.escape(run, lineBreak: "<br/>"))</span>"
            run = ""
        }
        for c in text {
            if c.isASCII && (c.isLetter || c.isNumber) || (!run.isEmpty && (c == "." || c == "%")) {
                run.append(c)
            } else {
                flush()
                out += MarkupText.escape(String(c), lineBreak: "<br/>")
            }
        }
        flush()
        return out
    }
}
