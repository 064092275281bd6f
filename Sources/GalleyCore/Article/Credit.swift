/// One credited person: a role (记者, 通讯员, 摄影记者 …) and a name.
public struct Credit: Sendable, Equatable, Hashable, Codable {
    public var role: String
    public var name: String

    public init(role: String, name: String) {
        self.role = role
        self.name = name
    }
}

/// The kinds of piece a paper prints; the genre decides which opening (电头 or byline line) is expected.
public enum Genre: String, Sendable, CaseIterable, Codable {
    case news, feature, interview, caption, commentary, brief
}
