/// Turns text extracted from a newspaper PDF page into articles: lines joined, justification spaces
/// removed, pieces cut at their openings, headlines attached, 电头 read.
public enum PageImporter {
    public static func read(_ page: String, options: ImportOptions) -> PageImport {
        let lines = PageLine.lines(of: page)
        let segmenter = PageSegmenter(lines: lines, side: options.headlineSide)
        var warnings: [ImportWarning] = []
        var articles: [ImportedArticle] = []
        for (n, segment) in segmenter.segments.enumerated() {
            let id = articleID(options, order: n + 1)
            let (article, notes) = PieceReader(lines: lines, segment: segment, id: id).read()
            articles.append(article)
            warnings += notes
        }
        for group in segmenter.unattached {
            let text = headlineText(group, lines)
            warnings.append(ImportWarning(line: lines[group[0]].number,
                                          message: "标题“\(text.string)”找不到可归属的稿件，未导入", text: text))
        }
        if !segmenter.segments.contains(where: { $0.opening == .dateline || $0.opening == .byline }), !articles.isEmpty {
            warnings.append(ImportWarning(line: articles[0].sourceLines.lowerBound,
                                          message: "本页没有可识别的稿件开头（本报讯、本报…电、新华社…电、本报记者 某某）：按\(articles.count)篇导入，请核对分篇"))
        }
        warnings.sort { $0.line < $1.line }
        return PageImport(options: options, headlineSide: segmenter.side, articles: articles, warnings: warnings)
    }

    /// `<yyyymmdd>-<page>-<nn>`: ASCII, unique on the page, in page order.
    static func articleID(_ options: ImportOptions, order: Int) -> String {
        let date = options.issue.iso.filter { $0 != "-" }
        var page = String(options.page.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
        if page.isEmpty { page = "p" }
        return "\(date)-\(page)-\(order < 10 ? "0" : "")\(order)"
    }

    /// A headline block's lines: `——` lines make the subheadline, the others one headline.
    static func headlineText(_ group: [Int], _ lines: [PageLine]) -> MappedText {
        var text = MappedText()
        for i in group { ParagraphBuilder.join(&text, lines[i].text) }
        return text
    }
}

extension PageImporter {
    /// Reads a page file: its bytes (for the trailer's SHA-256) and its text. Empty or blank pages,
    /// binary and undecodable files are refused with one clear error.
    public static func readSource(_ path: String, cwd: String, encoding: SourceEncoding = .utf8) throws(GalleyError) -> (bytes: [UInt8], text: String) {
        let (bytes, decoded) = try SourceText.read(path, cwd: cwd, encoding: encoding)
        guard decoded.text.contains(where: { !PageLine.isSpace($0) && !$0.isNewline }) else {
            throw .usage("\(path): the page is empty; nothing to import")
        }
        return (bytes, decoded.text)
    }
}
