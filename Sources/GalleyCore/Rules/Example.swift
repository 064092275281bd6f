/// A text a rule is tested on. In triggering examples `⟪` and `⟫` mark each range the rule must flag;
/// the markers are removed before the rule sees the text. Text starting with `---` is a whole article
/// file (front matter and body); anything else is an article body.
public struct Example: Sendable {
    public static let open: Character = "⟪"
    public static let close: Character = "⟫"

    public let marked: String
    /// For corrections: the text after `--fix`.
    public let corrected: String?
    /// Option overrides for this example only.
    public let options: [String: OptionValue]
    public let profile: Profile
    /// Expected Chinese message of every flagged range, when the rule has several messages.
    public let message: String?
    /// Newsroom files the rule reads (e.g. `staff.yml`), as the example's repository holds them.
    public let files: [String: String]
    /// For revision-aware rules: the article's previous revision.
    public let previous: String?
    /// For revision-aware rules: the article's first revision.
    public let first: String?
    /// For collecting rules: the other articles of the same issue.
    public let otherArticles: [String]
    public let file: String
    public let line: Int

    public init(_ marked: String, _ corrected: String? = nil, options: [String: OptionValue] = [:],
                profile: Profile = .print, message: String? = nil, files: [String: String] = [:],
                previous: String? = nil, first: String? = nil, otherArticles: [String] = [],
                file: String = #filePath, line: Int = #line)
    {
        self.files = files
        self.previous = previous
        self.first = first
        self.otherArticles = otherArticles
        self.marked = marked
        self.corrected = corrected
        self.options = options
        self.profile = profile
        self.message = message
        self.file = file
        self.line = line
    }

    /// The text without markers, and the marked ranges as UTF-8 offsets into it.
    public var unmarked: (text: String, ranges: [Range<Int>]) {
        var text = ""
        var ranges: [Range<Int>] = []
        var start: Int?
        for ch in marked {
            if ch == Example.open {
                start = text.utf8.count
            } else if ch == Example.close, let s = start {
                ranges.append(s..<text.utf8.count)
                start = nil
            } else {
                text.append(ch)
            }
        }
        return (text, ranges)
    }
}
