/// The YAML header of an article file.
public struct FrontMatter: Sendable, Equatable {
    public var id: String
    public var issue: CivilDate
    public var page: String
    public var section: String
    public var genre: Genre
    public var status: String
    public var kicker: String?
    public var headline: String
    public var subheadline: String?
    public var dateline: String?
    public var credits: [Credit]
    /// Every top-level scalar field as written (known and unknown keys), for plugins and reporters.
    public var fields: [String: String]

    public static let requiredFields = ["id", "issue", "page", "section", "genre", "status", "headline"]
}
