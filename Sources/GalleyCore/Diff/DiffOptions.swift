/// How `TextDiffer` compares two texts.
public struct DiffOptions: Sendable, Equatable {
    /// Keep runs of digits and Latin words whole (`966` → `996` is one replacement, not one digit).
    public var atoms = true
    /// Report moved paragraphs and sentences as moves.
    public var moves = true
    /// Slide edits to Chinese punctuation and merge edits split by a character or two (semantic cleanup).
    public var cleanup = true
    /// Seconds the comparison may take (from its start) before the regions not yet refined stay at
    /// sentence or paragraph granularity; the diff says so when that happens.
    public var timeLimit: Double = 1.0
    /// A changed region of more tokens than this (both sides together) stays at sentence granularity.
    public var characterRegionLimit = 200_000
    /// When the time limit starts (`DiffOptions.now()`); nil: when the comparison starts. A command sets
    /// it before it reads its files, so that reading counts too.
    public var started: UInt64?

    /// A reading of the monotonic clock, in nanoseconds, for `started`.
    public static func now() -> UInt64 { DiffClock.nanoseconds() }

    /// Options; the time limit and region limit can be set after.
    public init(atoms: Bool = true, moves: Bool = true, cleanup: Bool = true, timeLimit: Double = 1.0) {
        self.atoms = atoms
        self.moves = moves
        self.cleanup = cleanup
        self.timeLimit = timeLimit
    }
}

/// The unit a diff marks changes in.
public enum DiffGranularity: String, Sendable, CaseIterable {
    case paragraph, sentence, character
}

/// Regions left coarser than characters, and why.
public struct DiffFallback: Sendable, Equatable {
    /// The granularity those regions were diffed at.
    public let granularity: DiffGranularity
    /// How many changed regions.
    public let regions: Int
    /// "time limit" or "size limit".
    public let reason: String

    /// One line for people: `fell back to sentence granularity in 3 changed regions (time limit 1 s)`.
    public func describe(timeLimit: Double) -> String {
        let limit = reason == "time limit" ? " \(Self.seconds(timeLimit)) s" : ""
        return "fell back to \(granularity.rawValue) granularity in \(counted(regions, "changed region")) (\(reason)\(limit))"
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// Characters inserted, deleted and moved (white space not counted), and the number of places changed.
public struct DiffStatistics: Sendable, Equatable {
    /// Characters inserted (moved text not counted).
    public var inserted = 0
    /// Characters deleted (moved text not counted).
    public var deleted = 0
    /// Characters moved (old side).
    public var moved = 0
    /// Places a reader has to look: changed runs, each move counted once.
    public var changes = 0
    /// Moves found.
    public var moves = 0

    /// All zero.
    public init() {}
}
