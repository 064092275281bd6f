/// Where a character of an imported page came from: 1-based line and column (in characters).
public struct SourcePosition: Sendable, Hashable, Comparable {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// Text built from a page, each character with its source position (nil for a space the importer
/// inserted between two Latin words it joined).
public struct MappedText: Sendable, Equatable {
    public private(set) var characters: [Character] = []
    public private(set) var positions: [SourcePosition?] = []

    public init() {}

    public var string: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }
    public var count: Int { characters.count }
    public var first: Character? { characters.first }
    public var last: Character? { characters.last }

    public mutating func append(_ character: Character, at position: SourcePosition?) {
        characters.append(character)
        positions.append(position)
    }

    public mutating func append(_ other: MappedText) {
        characters += other.characters
        positions += other.positions
    }
}
