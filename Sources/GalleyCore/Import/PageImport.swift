/// What `galley import` is told about the page.
public struct ImportOptions: Sendable {
    public var issue: CivilDate
    /// 版次, e.g. `A2`; also part of every id.
    public var page: String
    public var section: String
    public var headlineSide: HeadlineSide

    public init(issue: CivilDate, page: String = "1", section: String = "待定", headlineSide: HeadlineSide = .auto) {
        self.issue = issue
        self.page = page
        self.section = section
        self.headlineSide = headlineSide
    }
}

/// One piece of an imported page, ready to become an article file.
public struct ImportedArticle: Sendable {
    public let id: String
    /// Never set by the importer: without type sizes a kicker cannot be told from a two-line headline.
    public let kicker: MappedText?
    public let headline: MappedText?
    public let subheadline: MappedText?
    public let dateline: String?
    public let credits: [Credit]
    public let genre: Genre
    public let paragraphs: [MappedText]
    /// First and last source line of the piece, its headline included.
    public let sourceLines: ClosedRange<Int>

    public var body: String { paragraphs.map(\.string).joined(separator: "\n\n") }

    /// The headline written to the file when the page has none for the piece.
    public static let missingHeadline = "（原版无标题）"
}

/// The articles read from one page, in page order, and everything the importer was unsure about.
public struct PageImport: Sendable {
    public let options: ImportOptions
    /// The side headlines were attached from (`auto` resolved).
    public let headlineSide: HeadlineSide
    public let articles: [ImportedArticle]
    public let warnings: [ImportWarning]

    /// The source position of every non-space character that went into an article or a warning, with
    /// how often: the no-loss check.
    public func usedPositions() -> [SourcePosition: Int] {
        var used: [SourcePosition: Int] = [:]
        func count(_ text: MappedText?) {
            guard let text else { return }
            for (c, p) in zip(text.characters, text.positions) where !c.isWhitespace {
                if let p { used[p, default: 0] += 1 }
            }
        }
        for a in articles {
            count(a.kicker)
            count(a.headline)
            count(a.subheadline)
            a.paragraphs.forEach(count)
        }
        warnings.forEach { count($0.text) }
        return used
    }
}
