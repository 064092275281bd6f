/// The text a story sets, block by block, before line breaking: headline block first, then body paragraphs.
public struct StoryText: Sendable, Equatable {
    public struct Block: Sendable, Equatable {
        public var role: BlockRole
        /// The block's text on one line (paragraph line breaks already joined).
        public var text: String

        public init(role: BlockRole, text: String) {
            self.role = role
            self.text = text
        }
    }

    public var blocks: [Block]

    public init(blocks: [Block]) {
        self.blocks = blocks
    }
}

/// A story broken into lines on the grid. Widths and positions are in em of the line's own size.
public struct TypesetStory: Sendable, Equatable {
    public var settings: LayoutSettings
    public var lines: [TypesetLine]

    public init(settings: LayoutSettings, lines: [TypesetLine]) {
        self.settings = settings
        self.lines = lines
    }
}

/// One line as set: its text (nothing added, nothing dropped) and where each unit sits.
public struct TypesetLine: Sendable, Equatable {
    public var role: BlockRole
    /// Index of the block in `StoryText.blocks`.
    public var block: Int
    /// The line's characters: the concatenation of all lines of a block is the block's text.
    public var text: String
    /// The units of the line in order, placed after justification.
    public var units: [PlacedUnit]
    /// Width in em before justification (indent included).
    public var naturalWidth: Double
    /// Width the line is set to in em: the measure, or the natural width for a block's last line.
    public var setWidth: Double
    public var isBlockEnd: Bool
    public var flags: Set<LineFlag>

    public init(role: BlockRole, block: Int, text: String, units: [PlacedUnit], naturalWidth: Double,
                setWidth: Double, isBlockEnd: Bool, flags: Set<LineFlag> = [])
    {
        self.role = role
        self.block = block
        self.text = text
        self.units = units
        self.naturalWidth = naturalWidth
        self.setWidth = setWidth
        self.isBlockEnd = isBlockEnd
        self.flags = flags
    }
}

/// An unbreakable piece of a line (one Han character or mark, a `——`, a digit run with its unit sign…).
public struct PlacedUnit: Sendable, Equatable {
    public var text: String
    /// Left edge in em from the start of the column.
    public var x: Double
    /// Width the unit takes after punctuation compression, in em.
    public var width: Double
    /// True for digit and Latin runs: drawn with proportional (half-width) glyphs, not centred in a cell.
    public var isLatin: Bool
    /// Em cut from the left of the unit's cell by compression (an opening mark after another mark, or
    /// squeezed): draw the full-width glyph's cell at `x - trimmedLeft`. Zero in the default push-out setting.
    public var trimmedLeft: Double

    public init(text: String, x: Double, width: Double, isLatin: Bool, trimmedLeft: Double = 0) {
        self.text = text
        self.x = x
        self.width = width
        self.isLatin = isLatin
        self.trimmedLeft = trimmedLeft
    }
}

/// What happened to a line, for proof reports and the copyfit flags.
public enum LineFlag: String, Sendable, CaseIterable {
    /// A character was carried to the next line to keep a prohibited mark off its start (推出).
    case pushedOut = "pushed-out"
    /// Punctuation in the line was compressed to pull a character back (挤进).
    case squeezed
    /// Even spacing opened gaps wider than a quarter em.
    case loose
    /// An unbreakable unit is wider than the measure.
    case overfull
}
