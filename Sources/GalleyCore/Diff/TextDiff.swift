/// The comparison of two texts: an edit script over their normalised forms, with moves.
public struct TextDiff: Sendable {
    /// The old text, normalised (with its original kept).
    public let old: NormalizedText
    /// The new text, normalised (with its original kept, for the new layout).
    public let new: NormalizedText
    let tokensA: Tokens
    let tokensB: Tokens
    /// Changed runs, in order, in token indices.
    let changes: [Change]
    /// The moves, numbered in the order of the new text.
    public let moves: [Move]
    /// Regions left at sentence or paragraph granularity, and why. Empty when all went to characters.
    public let fallbacks: [DiffFallback]
    /// The options the texts were compared with.
    public let options: DiffOptions

    /// A moved run of text (a paragraph or sentence, possibly edited on the way).
    public struct Move: Sendable {
        /// 1-based, in the order of the new text.
        public let number: Int
        /// Tokens of the old text it left.
        let a: Range<Int>
        /// Tokens of the new text it went to.
        let b: Range<Int>
        /// 1 for an exact move; otherwise 2·LCS / total length, at least 0.8.
        public let similarity: Double
        /// The edits made to it on the way (empty for an exact move).
        let inner: [Change]
        /// Non-white-space characters moved (old side).
        public let characters: Int
    }

    /// True when the normalised texts differ.
    public var hasChanges: Bool { !changes.isEmpty }
    /// True when only the layout changed: line breaks and spaces beside CJK characters.
    public var isLayoutOnly: Bool { changes.isEmpty && old.original != new.original }
    /// True when nothing at all changed.
    public var isIdentical: Bool { old.original == new.original }

    /// Characters inserted, deleted and moved, and the places changed.
    public var statistics: DiffStatistics {
        var s = DiffStatistics()
        var previous: Change?
        var runHasPlainEdit = false
        for c in changes {
            let touching = previous.map { $0.a.upperBound == c.a.lowerBound && $0.b.upperBound == c.b.lowerBound } ?? false
            if !touching {
                if runHasPlainEdit { s.changes += 1 }
                runHasPlainEdit = false
            }
            if c.aMove < 0, !c.a.isEmpty {
                s.deleted += nonWhite(tokensA.starts, c.a, old.scalars)
                runHasPlainEdit = true
            }
            if c.bMove < 0, !c.b.isEmpty {
                s.inserted += nonWhite(tokensB.starts, c.b, new.scalars)
                runHasPlainEdit = true
            }
            previous = c
        }
        if runHasPlainEdit { s.changes += 1 }
        s.moves = moves.count
        s.changes += moves.count
        s.moved = moves.reduce(0) { $0 + $1.characters }
        return s
    }

    /// One line for people on what layout changed: line breaks joined and spaces dropped, old → new.
    public var layoutSummary: String {
        "line breaks \(old.joinedLineBreaks) → \(new.joinedLineBreaks), spaces \(old.droppedSpaces) → \(new.droppedSpaces)"
    }

    // MARK: - Pieces

    /// A piece in scalar offsets of the normalised texts.
    struct Segment {
        let op: DiffOperation
        /// Scalars of the normalised old text (empty for insertions and moved-to).
        let a: Range<Int>
        /// Scalars of the normalised new text (empty for deletions and moved-from).
        let b: Range<Int>
        let move: Int?
    }

    func scalarRange(_ tokens: Tokens, _ range: Range<Int>) -> Range<Int> {
        Int(tokens.starts[range.lowerBound])..<Int(tokens.starts[range.upperBound])
    }

    /// The script as segments: unchanged text, then each change's old side before its new side.
    func segments(of script: [Change], a aSpan: Range<Int>, b bSpan: Range<Int>) -> [Segment] {
        var out: [Segment] = []
        var pa = aSpan.lowerBound, pb = bSpan.lowerBound
        func equal(_ ea: Int, _ eb: Int) {
            if ea > pa { out.append(Segment(op: .equal, a: scalarRange(tokensA, pa..<ea), b: scalarRange(tokensB, pb..<eb), move: nil)) }
        }
        for c in script {
            equal(c.a.lowerBound, c.b.lowerBound)
            if !c.a.isEmpty {
                out.append(Segment(op: c.aMove >= 0 ? .movedFrom : .delete, a: scalarRange(tokensA, c.a), b: 0..<0,
                                   move: c.aMove >= 0 ? Int(c.aMove) + 1 : nil))
            }
            if !c.b.isEmpty {
                out.append(Segment(op: c.bMove >= 0 ? .movedTo : .insert, a: 0..<0, b: scalarRange(tokensB, c.b),
                                   move: c.bMove >= 0 ? Int(c.bMove) + 1 : nil))
            }
            pa = c.a.upperBound
            pb = c.b.upperBound
        }
        equal(aSpan.upperBound, bSpan.upperBound)
        return out
    }

    static let lineBreak: [UInt32] = [0x0A]

    var segments: [Segment] { segments(of: changes, a: 0..<tokensA.count, b: 0..<tokensB.count) }

    /// The diff over the normalised texts. Joining the pieces that are `inOld` gives the normalised old
    /// text; joining those that are `inNew` gives the normalised new text.
    public var pieces: [DiffPiece] { pieces(of: segments) }

    /// The diff on the new text's layout: unchanged, inserted and moved-to text carry the new text's own
    /// line breaks and spaces (layout white space that normalisation dropped comes back as unchanged
    /// pieces), deleted text is shown normalised (a paragraph break in it as a blank line). Joining the `inNew` pieces gives the new text exactly;
    /// joining the `inOld` pieces gives a text that normalises to the old one.
    public var piecesOnNewLayout: [DiffPiece] {
        var builder = PieceBuilder()
        layOutOnNewText(into: &builder)
        return builder.finish()
    }

    /// Feeds the pieces of `piecesOnNewLayout` to `builder`, as scalar ranges (no strings made).
    func layOutOnNewText<Sink: PieceSink>(into builder: inout Sink) {
        var position = 0
        let original = new.original
        var next = 0
        for s in segments {
            switch s.op {
            case .delete, .movedFrom:
                // Spaces before the next character go before the deletion (` [-966-]{+996+} 万`), a line
                // break after it (the deletion ends the line it was on).
                if next < new.scalars.count {
                    let gapEnd = Int(new.origin[next])
                    if gapEnd > position, !original[position..<gapEnd].contains(0x0A) {
                        builder.add(.equal, original, position..<gapEnd, move: nil)
                        position = gapEnd
                    }
                }
                // A paragraph break of the old text is a blank line here, so the old text can be read back.
                var start = s.a.lowerBound
                for k in s.a where old.scalars[k] == DiffCharacters.paragraph {
                    builder.add(s.op, old.scalars, start..<(k + 1), move: s.move)
                    builder.add(s.op, Self.lineBreak, 0..<1, move: s.move)
                    start = k + 1
                }
                builder.add(s.op, old.scalars, start..<s.a.upperBound, move: s.move)
            case .equal, .insert, .movedTo:
                position = emitNewLayout(s.op, s.b, s.move, from: position, into: &builder)
                next = s.b.upperBound
            }
        }
        if position < original.count { builder.add(.equal, original, position..<original.count, move: nil) }
    }

    /// The edits inside a moved and edited run, over the normalised texts (empty for an exact move).
    public func innerPieces(of move: Move) -> [DiffPiece] {
        guard !move.inner.isEmpty else { return [] }
        var lo = move.a.lowerBound, hi = move.a.upperBound
        while lo < hi, tokensA.isParagraph(lo) { lo += 1 }
        while hi > lo, tokensA.isParagraph(hi - 1) { hi -= 1 }
        var blo = move.b.lowerBound, bhi = move.b.upperBound
        while blo < bhi, tokensB.isParagraph(blo) { blo += 1 }
        while bhi > blo, tokensB.isParagraph(bhi - 1) { bhi -= 1 }
        return pieces(of: segments(of: move.inner, a: lo..<hi, b: blo..<bhi))
    }

    /// Text of the old side of a move (normalised).
    public func movedText(_ move: Move) -> String {
        ScalarBuffer.string(old.scalars, scalarRange(tokensA, move.a)).trimmingParagraphBreaks()
    }

    /// For each move (in order), the 1-based paragraph of the old text it left and of the new text it
    /// went to. One pass over the separators, so it costs the same for one move or thousands.
    public var moveParagraphs: [(from: Int, to: Int)] {
        func paragraphs(_ tokens: Tokens, _ starts: [Int]) -> [Int] {
            // Paragraph number of each start, counting separators before it (skipping leading ones).
            let order = starts.indices.sorted { starts[$0] < starts[$1] }
            var out = [Int](repeating: 0, count: starts.count)
            var separators = 0
            var t = 0
            for k in order {
                var start = starts[k]
                while start < tokens.count, tokens.isParagraph(start) { start += 1 }
                while t < start {
                    if tokens.isParagraph(t) { separators += 1 }
                    t += 1
                }
                out[k] = separators + 1
            }
            return out
        }
        let from = paragraphs(tokensA, moves.map(\.a.lowerBound))
        let to = paragraphs(tokensB, moves.map(\.b.lowerBound))
        return moves.indices.map { (from[$0], to[$0]) }
    }

    private func pieces(of segments: [Segment]) -> [DiffPiece] {
        var builder = PieceBuilder()
        for s in segments {
            if s.op.inOld {
                builder.add(s.op, old.scalars, s.a, move: s.move)
            } else {
                builder.add(s.op, new.scalars, s.b, move: s.move)
            }
        }
        return builder.finish()
    }

    /// Emits normalised scalars `range` of the new text as its original text, with the layout white space
    /// before each character as unchanged text; returns the new position in the original.
    private func emitNewLayout<Sink: PieceSink>(_ op: DiffOperation, _ range: Range<Int>, _ move: Int?, from start: Int,
                                                into builder: inout Sink) -> Int {
        let original = new.original, origin = new.origin, scalars = new.scalars
        var position = start
        var k = range.lowerBound
        while k < range.upperBound {
            let first = Int(origin[k])
            if first > position { builder.add(.equal, original, position..<first, move: nil) }
            var end = first + 1
            if scalars[k] == DiffCharacters.paragraph {
                while end < original.count, DiffCharacters.isWhite(original[end]) { end += 1 }
            }
            k += 1
            while k < range.upperBound, Int(origin[k]) == end, scalars[k] != DiffCharacters.paragraph {
                end += 1
                k += 1
            }
            builder.add(op, original, first..<end, move: move)
            position = end
        }
        return position
    }
}

/// Where the pieces of a diff go as they are made: scalar ranges with their operation and move.
protocol PieceSink {
    mutating func add(_ op: DiffOperation, _ scalars: [UInt32], _ range: Range<Int>, move: Int?)
}

/// Collects pieces, joining neighbours with the same operation and move.
struct PieceBuilder: PieceSink {
    private var out: [DiffPiece] = []
    private var bytes: [UInt8] = []
    private var op: DiffOperation = .equal
    private var move: Int?

    mutating func add(_ op: DiffOperation, _ scalars: [UInt32], _ range: Range<Int>, move: Int?) {
        guard !range.isEmpty else { return }
        if op != self.op || move != self.move { flush() }
        self.op = op
        self.move = move
        scalars.withUnsafeBufferPointer { ScalarBuffer.appendUTF8($0, range, to: &bytes) }
    }

    private mutating func flush() {
        guard !bytes.isEmpty else { return }
        out.append(DiffPiece(op, String(decoding: bytes, as: UTF8.self), move: move))
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func finish() -> [DiffPiece] {
        flush()
        return out
    }
}

extension String {
    func trimmingParagraphBreaks() -> String {
        var s = self[...]
        while s.first == "\n" { s = s.dropFirst() }
        while s.last == "\n" { s = s.dropLast() }
        return String(s)
    }
}
