/// What one piece of a diff does, numbered as in the diff bench's JSON contract
/// (`../shared/bench/diffbench/README.md`): −1 deleted, 0 unchanged, 1 inserted, 2 moved from, 3 moved to.
public enum DiffOperation: Int, Sendable, Equatable {
    case delete = -1
    case equal = 0
    case insert = 1
    case movedFrom = 2
    case movedTo = 3

    /// True for the pieces that belong to the old text: unchanged, deleted, moved from.
    public var inOld: Bool { self == .equal || self == .delete || self == .movedFrom }
    /// True for the pieces that belong to the new text: unchanged, inserted, moved to.
    public var inNew: Bool { self == .equal || self == .insert || self == .movedTo }
}

/// One piece of a rendered diff: what happened to `text`, and the move it belongs to (1-based), if any.
public struct DiffPiece: Sendable, Equatable {
    /// What happened to the text.
    public var op: DiffOperation
    /// The text, normalised or on the new layout depending on where the piece comes from.
    public var text: String
    /// The move (1-based) a moved-from or moved-to piece belongs to.
    public var move: Int?

    /// A piece; `move` only for moved text.
    public init(_ op: DiffOperation, _ text: String, move: Int? = nil) {
        self.op = op
        self.text = text
        self.move = move
    }
}
