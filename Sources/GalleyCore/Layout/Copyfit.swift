/// Does a set story fit its slot of C columns × L lines, and what to cut or add (docs/layout.md §5).
/// Headline-block lines count as the body lines they occupy (占行).
public struct Copyfit: Sendable, Equatable {
    /// One block of the story: a body paragraph, the byline, or a headline-block line group.
    public struct Paragraph: Sendable, Equatable {
        /// Index in `StoryText.blocks`.
        public var block: Int
        public var role: BlockRole
        /// 1-based among the body paragraphs and byline (as editors number them); nil in the headline block.
        public var number: Int?
        /// 字数 (ChineseCount: a number or Latin word is one).
        public var characters: Int
        /// Lines as set, in the block's own size.
        public var lines: Int
        /// Body lines the block occupies: `lines` × 占行 for headline roles.
        public var bodyLines: Int
        /// Characters on the last line: cutting that many saves a line.
        public var cutToSaveLine: Int
        /// Free cells on the last line: characters that can be added without a new line.
        public var addable: Int
        /// 孤字: the last line of a paragraph of several lines holds one character (perhaps with a mark).
        public var orphanCharacter: Bool
        /// 孤行: the paragraph's last line is the first line of a column (after the first).
        public var lastLineStartsColumn: Bool
    }

    /// A column of the slot: lines it holds of its capacity.
    public struct Column: Sendable, Equatable {
        public var lines: Int
        public var capacity: Int

        public init(lines: Int, capacity: Int) {
            self.lines = lines
            self.capacity = capacity
        }
    }

    public var measure: Int
    public var linesPerColumn: Int
    public var columnCount: Int
    public var prohibition: ProhibitionLevel
    public var resolution: ProhibitionResolution
    /// 字数 of the body paragraphs and byline (the copy, without the headline block).
    public var characters: Int
    /// Body paragraphs and byline.
    public var paragraphCount: Int
    /// Body lines the story occupies: the headline block in every column, then the copy.
    public var lines: Int
    /// Body lines the headline block (kicker, headline, subheadline) occupies in each column it spans.
    public var headlineLines: Int
    /// columns × lines per column.
    public var capacity: Int
    public var columns: [Column]
    /// 缺行: lines left empty in the slot; 0 when the story fills or oversets it.
    public var remaining: Int
    /// 超版: lines beyond the slot.
    public var overset: Int
    public var paragraphs: [Paragraph]
    /// Indices into `paragraphs` of body paragraphs and byline, fewest characters to cut first
    /// (JSON `cut_order` gives their `number`s).
    public var cutOrder: [Int]
    /// Lines with each flag (pushed out, squeezed, loose, overfull).
    public var lineFlags: [LineFlag: Int]

    /// Characters the empty lines would hold, and characters to cut to remove the overset.
    public var remainingCharacters: Int { remaining * measure }
    public var oversetCharacters: Int { overset * measure }
    /// Characters addable to the copy without any new line.
    public var addable: Int { paragraphs.filter { $0.role.isCopy }.reduce(0) { $0 + $1.addable } }

    public init(_ story: TypesetStory) {
        let settings = story.settings
        measure = settings.measure
        linesPerColumn = max(0, settings.linesPerColumn)
        columnCount = max(0, settings.columns)
        prohibition = settings.prohibition
        resolution = settings.resolution
        capacity = linesPerColumn * columnCount
        var tally = CopyfitTally(settings: settings)
        for line in story.lines { tally.add(line) }
        let paragraphs = tally.paragraphs
        self.paragraphs = paragraphs
        lineFlags = tally.flags
        // The headline block takes its lines at the top of every column; the copy fills the rest in order.
        headlineLines = tally.headlineSlots
        let copyLines = tally.slots
        lines = headlineLines * max(1, columnCount) + copyLines
        characters = paragraphs.filter(\.role.isCopy).reduce(0) { $0 + $1.characters }
        paragraphCount = paragraphs.filter(\.role.isCopy).count
        remaining = max(0, capacity - lines)
        overset = max(0, lines - capacity)
        let head = headlineLines, full = linesPerColumn, perColumn = max(0, full - head)
        columns = (0..<columnCount).map { c in
            Column(lines: min(full, head + min(perColumn, max(0, copyLines - c * perColumn))), capacity: full)
        }
        let copy = paragraphs.indices.filter { paragraphs[$0].role.isCopy }
        cutOrder = copy.sorted { (paragraphs[$0].cutToSaveLine, $0) < (paragraphs[$1].cutToSaveLine, $1) }
    }
}

extension BlockRole {
    /// Body paragraphs and the byline are the copy; kicker, headline and subheadline the headline block.
    var isCopy: Bool { self == .body || self == .byline }
}
