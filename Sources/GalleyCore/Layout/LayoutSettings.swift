/// How a story is set in its column: the grid, the CLREQ line-breaking policy and the headline styles.
public struct LayoutSettings: Sendable, Equatable {
    /// Characters (em cells) per line: the measure (栏宽). A newspaper 基本栏 is 11–14.
    public var measure: Int
    /// Lines per column.
    public var linesPerColumn: Int
    /// Columns the story is given.
    public var columns: Int
    /// Body size in points (小五号 = 9 pt) and line height in points.
    public var bodySize: Double
    public var leading: Double
    /// First-line indent in cells (CLREQ: 2).
    public var indent: Int
    public var prohibition: ProhibitionLevel
    public var resolution: ProhibitionResolution
    /// Headline block styles by role: size relative to the body, and body lines it occupies (占行).
    public var headlineStyles: [BlockRole: HeadlineStyle]
    /// Two adjacent full-width marks (`。”` `，“` `）（`) set in 1.5 em instead of 2 (CLREQ 3.1.8).
    /// Nil (the default): only when squeezing; the sample page sets punctuation full width throughout.
    public var compressAdjacentPunctuation: Bool?

    public init(measure: Int = 13, linesPerColumn: Int = 70, columns: Int = 1, bodySize: Double = 9,
                leading: Double = 12.6, indent: Int = 2, prohibition: ProhibitionLevel = .gb,
                resolution: ProhibitionResolution = .pushOut,
                headlineStyles: [BlockRole: HeadlineStyle] = HeadlineStyle.defaults,
                compressAdjacentPunctuation: Bool? = nil)
    {
        self.measure = measure
        self.linesPerColumn = linesPerColumn
        self.columns = columns
        self.bodySize = bodySize
        self.leading = leading
        self.indent = indent
        self.prohibition = prohibition
        self.resolution = resolution
        self.headlineStyles = headlineStyles
        self.compressAdjacentPunctuation = compressAdjacentPunctuation
    }

    /// Whether adjacent marks are compressed under these settings.
    public var compressesAdjacentMarks: Bool { compressAdjacentPunctuation ?? (resolution == .squeeze) }
}

extension LayoutSettings {
    /// What galley.yml and the command line may ask for: wide enough for any newspaper grid, small
    /// enough that a PDF page of the slot stays within what viewers open.
    public static let measureRange = 1...200
    public static let linesRange = 1...10_000
    public static let columnsRange = 1...100
}

/// CLREQ 3.1.7 levels of line-start and line-end prohibition (行首行尾禁则).
public enum ProhibitionLevel: String, Sendable, CaseIterable {
    /// 点号 and closing marks not at a line start; opening marks not at a line end.
    case basic
    /// basic + the solidus not at a line end (the default for Simplified Chinese).
    case gb
    /// gb + `——` and `……` not at a line start.
    case strict
}

/// What the engine does with a character that may not start (or end) a line.
public enum ProhibitionResolution: String, Sendable, CaseIterable {
    /// 后推出: carry the last character of the line over and spread the short line evenly (均排).
    case pushOut = "push-out"
    /// 先挤进: squeeze punctuation in the line to pull the character back; push out only if that fails.
    case squeeze
}

/// The kind of block a typeset line belongs to; exporters pick a style by it.
public enum BlockRole: String, Sendable, CaseIterable {
    case kicker, headline, subheadline, byline, body
}

/// How a headline-block role is set.
public struct HeadlineStyle: Sendable, Equatable {
    /// Size relative to the body size (2.0 = twice the body).
    public var scale: Double
    /// Body lines one line of this role occupies (占行).
    public var bodyLines: Int

    public init(scale: Double, bodyLines: Int) {
        self.scale = scale
        self.bodyLines = bodyLines
    }

    public static let defaults: [BlockRole: HeadlineStyle] = [
        .kicker: HeadlineStyle(scale: 1.3, bodyLines: 2),
        .headline: HeadlineStyle(scale: 2.2, bodyLines: 3),
        .subheadline: HeadlineStyle(scale: 1.3, bodyLines: 2),
    ]
}
