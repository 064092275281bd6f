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
public struct ScalarText {
    public let scalars: [Unicode.Scalar]
    /// `indices[i]` is where scalar `i` starts; `indices[count]` is the end.
    public let indices: [String.Index]

    public init(_ text: Substring) {
        var s: [Unicode.Scalar] = []
        var i: [String.Index] = []
        s.reserveCapacity(text.utf8.count / 2)
        i.reserveCapacity(text.utf8.count / 2)
        let view = text.unicodeScalars
        var index = view.startIndex
        while index < view.endIndex {
            s.append(view[index])
            i.append(index)
            index = view.index(after: index)
        }
        i.append(view.endIndex)
        scalars = s
        indices = i
    }

    public var count: Int { scalars.count }

    /// The string range of scalars `lower..<upper`.
    public func range(_ lower: Int, _ upper: Int) -> Range<String.Index> { indices[lower]..<indices[upper] }

    /// The scalar at `i`, or nil outside the text.
    public subscript(safe i: Int) -> Unicode.Scalar? { i >= 0 && i < scalars.count ? scalars[i] : nil }

    /// The end of the run of scalars equal to the one at `start`.
    public func runEnd(from start: Int, where matches: (Unicode.Scalar) -> Bool) -> Int {
        var end = start
        while end < scalars.count, matches(scalars[end]) { end += 1 }
        return end
    }
}
