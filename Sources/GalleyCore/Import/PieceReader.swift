/// Reads one segment of the page into an article: headline block, paragraphs, 电头 or byline, genre.
struct PieceReader {
    let lines: [PageLine]
    let segment: PageSegment
    let id: String

    func read() -> (ImportedArticle, [ImportWarning]) {
        var warnings: [ImportWarning] = []
        var bodyLines = segment.lines
        while let first = bodyLines.first, lines[first].isBlank { bodyLines.removeFirst() }
        let firstLine = lines[bodyLines[0]]
        var bylineParagraph: MappedText?
        var credits: [Credit] = []
        if segment.opening == .byline, let parsed = DatelineParser.parse(bylineLine: firstLine.raw) {
            // The byline's spaces are part of its form (`本报记者 付凯明`): kept as printed.
            bylineParagraph = firstLine.textKeepingSpaces
            credits = parsed
            bodyLines.removeFirst()
        }
        let builder = ParagraphBuilder(lines: lines, indices: bodyLines)
        warnings += builder.warnings
        var paragraphs = builder.paragraphs
        if let bylineParagraph { paragraphs.insert(bylineParagraph, at: 0) }

        var dateline: String?
        if segment.opening == .dateline, let first = paragraphs.first {
            if let parsed = DatelineParser.parse(firstParagraph: first.string) {
                dateline = parsed.dateline
                credits = parsed.credits
                if let unread = parsed.unreadCredits {
                    warnings.append(ImportWarning(line: firstLine.number, message: "电头中的署名“\(unread)”无法读成角色和姓名，credits 留空"))
                }
            }
        }
        if segment.opening == .caption, let credit = paragraphs.last, paragraphs.count > 1,
           let parsed = DatelineParser.parse(photoCredit: credit.string) {
            credits = parsed
        }
        let (headline, subheadline) = headlineBlock()
        let genre = genreOf(paragraphs)
        let span = sourceSpan()
        if headline == nil {
            let what = genre == .caption ? "图片说明" : "稿件"
            warnings.append(ImportWarning(
                line: span.lowerBound,
                message: "第\(span.lowerBound)–\(span.upperBound)行的\(what)在本页没有标题：文件中填“\(ImportedArticle.missingHeadline)”，请补标题"))
        }
        if segment.opening == .none {
            warnings.append(ImportWarning(line: firstLine.number, message: "第\(firstLine.number)行起的稿件没有电头或署名：按\(genre.rawValue)导入"))
        }
        let article = ImportedArticle(id: id, kicker: nil, headline: headline, subheadline: subheadline,
                                      dateline: dateline, credits: credits, genre: genre, paragraphs: paragraphs,
                                      sourceLines: span)
        return (article, warnings)
    }

    private func headlineBlock() -> (MappedText?, MappedText?) {
        guard let group = segment.headline else { return (nil, nil) }
        let sub = group.filter { lines[$0].string.hasPrefix("——") }
        let main = group.filter { !sub.contains($0) }
        let headline = main.isEmpty ? nil : PageImporter.headlineText(main, lines)
        let subheadline = sub.isEmpty ? nil : PageImporter.headlineText(sub, lines)
        return (headline, subheadline)
    }

    private func genreOf(_ paragraphs: [MappedText]) -> Genre {
        switch segment.opening {
        case .dateline, .none: return .news
        case .caption: return .caption
        case .byline:
            let asks = paragraphs.contains { $0.string.hasPrefix("记者：") || $0.string.hasPrefix("问：") }
            return asks ? .interview : .feature
        }
    }

    private func sourceSpan() -> ClosedRange<Int> {
        let indices = segment.lines.filter { !lines[$0].isBlank } + (segment.headline ?? [])
        let numbers = indices.map { lines[$0].number }
        return numbers.min()!...numbers.max()!
    }
}
