/// Character classes the proofreading rules share.
public enum CJK {
    /// Han ideographs (URO, extension A, compatibility, SIP) and 〇.
    public static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x3FFFF, 0x3007: return true
        default: return false
        }
    }

    /// Full-width Chinese punctuation: CJK symbols, full-width forms' punctuation, curly quotes, — and ….
    public static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3001...0x3003, 0x3008...0x3011, 0x3014...0x301F, 0x2018, 0x2019, 0x201C, 0x201D, 0x2014, 0x2026, 0x00B7,
             0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65:
            return true
        default: return false
        }
    }

    /// Han or Chinese punctuation: the context in which half-width forms are wrong.
    public static func isChinese(_ s: Unicode.Scalar) -> Bool { isHan(s) || isPunctuation(s) }
}

/// The scalars of a text with their indices, for rules that scan by position.
/// Rules get one from `ArticleContext.bodyScalars`, built once per article for all the rules of a plugin.
public struct ScalarText: Sendable {
    public let scalars: [Unicode.Scalar]
    /// `indices[i]` is where scalar `i` starts; `indices[count]` is the end.
    public let indices: Positions

    /// String indices worked out on demand from a UTF-8 offset kept every `stride` scalars: rules ask for
    /// a few (one per diagnosis), and an index per scalar would triple the memory and the build time.
    public struct Positions: RandomAccessCollection, Sendable {
        @usableFromInline static var stride: Int { 64 }
        @usableFromInline let utf8: Substring.UTF8View
        @usableFromInline let scalars: [Unicode.Scalar]
        /// The UTF-8 offset of scalar `k * stride`, from the start of the text.
        @usableFromInline let checkpoints: [UInt32]

        @inlinable public var startIndex: Int { 0 }
        @inlinable public var endIndex: Int { scalars.count + 1 }

        @inlinable public subscript(i: Int) -> String.Index {
            precondition(i >= 0 && i <= scalars.count, "ScalarText index out of range")
            let k = i / Self.stride
            var offset = Int(checkpoints[k])
            for j in (k * Self.stride)..<i { offset += UTF8.width(scalars[j]) }
            return utf8.index(utf8.startIndex, offsetBy: offset)
        }
    }

    public init(_ text: Substring) {
        var text = text
        let (scalars, checkpoints) = text.withUTF8(Self.decode)
        self.scalars = scalars
        indices = Positions(utf8: text.utf8, scalars: scalars, checkpoints: checkpoints)
    }

    /// The scalars of valid UTF-8, in an array of exactly the right size, and the checkpoints.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> ([Unicode.Scalar], [UInt32]) {
        precondition(bytes.count < Int(UInt32.max), "ScalarText: text too long")
        // Every byte but a continuation byte (10xxxxxx) starts a scalar: top bit clear or next bit set.
        // Branch-free into a 32-bit sum, so the loop vectorizes (4× faster than a comparison here).
        var starts: UInt32 = 0
        for i in 0..<bytes.count { starts &+= UInt32(~bytes[i] >> 7 | bytes[i] >> 6 & 1) }
        let count = Int(starts)
        var checkpoints: [UInt32] = []
        checkpoints.reserveCapacity(count / Positions.stride + 1)
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { out, made in
            var k = 0
            var i = 0
            while i < bytes.count {
                if k % Positions.stride == 0 { checkpoints.append(UInt32(i)) }
                let b = UInt32(bytes[i])
                var v: UInt32
                if b < 0x80 {
                    v = b
                    i += 1
                } else if b < 0xE0 {
                    v = (b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if b < 0xF0 {
                    v = (b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    v = (b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                        | UInt32(bytes[i + 3] & 0x3F)
                    i += 4
                }
                out[k] = Unicode.Scalar(v) ?? "\u{FFFD}"
                k += 1
            }
            made = k
        }
        // The end, when it falls on a checkpoint.
        if count % Positions.stride == 0 { checkpoints.append(UInt32(bytes.count)) }
        return (scalars, checkpoints)
    }

    @inlinable public var count: Int { scalars.count }

    /// The string range of scalars `lower..<upper`.
    @inlinable public func range(_ lower: Int, _ upper: Int) -> Range<String.Index> { indices[lower]..<indices[upper] }

    /// The scalar at `i`, or nil outside the text.
    @inlinable public subscript(safe i: Int) -> Unicode.Scalar? { i >= 0 && i < scalars.count ? scalars[i] : nil }

    /// The end of the run of scalars equal to the one at `start`.
    @inlinable public func runEnd(from start: Int, where matches: (Unicode.Scalar) -> Bool) -> Int {
        var end = start
        while end < scalars.count, matches(scalars[end]) { end += 1 }
        return end
    }
}
