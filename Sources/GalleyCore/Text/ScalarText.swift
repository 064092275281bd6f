/// The scalars of a text with their indices, for rules that scan by position.
/// Rules get one from `ArticleContext.bodyScalars`, built once per article for all the rules of a plugin.
public struct ScalarText: Sendable {
    public let scalars: [Unicode.Scalar]
    /// `indices[i]` is where scalar `i` starts; `indices[count]` is the end.
    public let indices: Positions
    /// The scalars that are not Han (`CJK.isHan`): punctuation, digits, Latin, spaces, line ends. Rules that
    /// look only at those visit these few positions, not the whole text (Chinese text is ~80% Han).
    public let nonHan: ScalarSet

    /// String indices worked out on demand from a UTF-8 offset kept every `stride` scalars: rules ask for
    /// a few (one per diagnosis), and an index per scalar would triple the memory and the build time.
    public struct Positions: RandomAccessCollection, Sendable {
        @usableFromInline static var stride: Int { 32 }
        @usableFromInline let utf8: Substring.UTF8View
        @usableFromInline let scalars: [Unicode.Scalar]
        /// The UTF-8 offset of scalar `k * stride`, from the start of the text.
        @usableFromInline let checkpoints: [UInt32]

        @inlinable public var startIndex: Int { 0 }
        @inlinable public var endIndex: Int { scalars.count + 1 }

        @inlinable public subscript(i: Int) -> String.Index {
            utf8.index(utf8.startIndex, offsetBy: offset(i))
        }

        /// The UTF-8 offset of scalar `i`.
        @inlinable func offset(_ i: Int) -> Int {
            precondition(i >= 0 && i <= scalars.count, "ScalarText index out of range")
            let k = i / Self.stride
            return Int(checkpoints[k]) + width(k * Self.stride, i)
        }

        /// UTF-8 bytes of scalars `lower..<upper`; branch-free, so it vectorizes.
        @inlinable func width(_ lower: Int, _ upper: Int) -> Int {
            var total = 0
            scalars.withUnsafeBufferPointer { s in
                for j in lower..<upper {
                    let v = s[j].value
                    total &+= 1 &+ Int(truncatingIfNeeded: (0x7F &- v) >> 31) &+ Int(truncatingIfNeeded: (0x7FF &- v) >> 31)
                        &+ Int(truncatingIfNeeded: (0xFFFF &- v) >> 31)
                }
            }
            return total
        }
    }

    public init(_ text: Substring) {
        var text = text
        let (scalars, checkpoints, nonHan) = text.withUTF8(Self.decode)
        self.scalars = scalars
        self.nonHan = ScalarSet(words: nonHan, count: scalars.count)
        indices = Positions(utf8: text.utf8, scalars: scalars, checkpoints: checkpoints)
    }

    @inlinable public var count: Int { scalars.count }

    /// The string range of scalars `lower..<upper`, counting from `lower` to `upper` when they are close.
    @inlinable public func range(_ lower: Int, _ upper: Int) -> Range<String.Index> {
        precondition(lower <= upper, "ScalarText range out of order")
        let low = indices.offset(lower)
        let high = upper - lower <= Positions.stride ? low + indices.width(lower, upper) : indices.offset(upper)
        let utf8 = indices.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: low)
        return start..<utf8.index(start, offsetBy: high - low)
    }

    /// Scalars `lower..<upper` as a string.
    @inlinable public func string(_ lower: Int, _ upper: Int) -> String { string(of: CollectionOfOne(lower..<upper)) }

    /// The scalars of `ranges`, one after another, as a string, written as UTF-8 straight into its storage.
    @inlinable public func string(of ranges: some Collection<Range<Int>>) -> String {
        let capacity = ranges.reduce(0) { $0 + $1.count } * 4
        return String(unsafeUninitializedCapacity: capacity) { out in
            var n = 0
            for r in ranges {
                for i in r {
                    let v = scalars[i].value
                    if v < 0x80 {
                        out[n] = UInt8(v)
                        n += 1
                    } else if v < 0x800 {
                        out[n] = UInt8(0xC0 | v >> 6)
                        out[n + 1] = UInt8(0x80 | v & 0x3F)
                        n += 2
                    } else if v < 0x10000 {
                        out[n] = UInt8(0xE0 | v >> 12)
                        out[n + 1] = UInt8(0x80 | v >> 6 & 0x3F)
                        out[n + 2] = UInt8(0x80 | v & 0x3F)
                        n += 3
                    } else {
                        out[n] = UInt8(0xF0 | v >> 18)
                        out[n + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                        out[n + 2] = UInt8(0x80 | v >> 6 & 0x3F)
                        out[n + 3] = UInt8(0x80 | v & 0x3F)
                        n += 4
                    }
                }
            }
            return n
        }
    }

    /// The scalar at `i`, or nil outside the text.
    @inlinable public subscript(safe i: Int) -> Unicode.Scalar? { i >= 0 && i < scalars.count ? scalars[i] : nil }

    /// The end of the run of scalars equal to the one at `start`.
    @inlinable public func runEnd(from start: Int, where matches: (Unicode.Scalar) -> Bool) -> Int {
        var end = start
        while end < scalars.count, matches(scalars[end]) { end += 1 }
        return end
    }
}

/// A set of scalar indices of one text as a bit per scalar, visited in increasing order.
public struct ScalarSet: Sequence, Sendable {
    @usableFromInline let words: [UInt64]
    /// How many scalars the set ranges over.
    public let count: Int

    @usableFromInline init(words: [UInt64], count: Int) {
        self.words = words
        self.count = count
    }

    /// How many indices the set holds.
    @inlinable public var underestimatedCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    @inlinable public func contains(_ i: Int) -> Bool {
        i >= 0 && i < count && words[i >> 6] & (1 << UInt64(i & 63)) != 0
    }

    @inlinable public func makeIterator() -> Iterator { Iterator(words: words) }

    public struct Iterator: IteratorProtocol {
        @usableFromInline let words: [UInt64]
        @usableFromInline var word = 0
        @usableFromInline var bits: UInt64

        @inlinable init(words: [UInt64]) {
            self.words = words
            bits = words.first ?? 0
        }

        @inlinable public mutating func next() -> Int? {
            while bits == 0 {
                word += 1
                guard word < words.count else { return nil }
                bits = words[word]
            }
            let i = word << 6 | bits.trailingZeroBitCount
            bits &= bits &- 1
            return i
        }
    }
}
