/// Character classes the proofreading rules share.
public enum CJK {
    /// Han ideographs (URO, extension A, compatibility, SIP) and 〇.
    @inlinable public static func isHan(_ s: Unicode.Scalar) -> Bool { isHan(s.value) }

    /// Branch-free, for loops over every scalar of a text.
    @inlinable public static func isHan(_ v: UInt32) -> Bool {
        (v &- 0x4E00 < 0x5200) || (v &- 0x3400 < 0x1AC0) || (v &- 0xF900 < 0x200) || (v &- 0x20000 < 0x20000) || v == 0x3007
    }

    /// Full-width Chinese punctuation: CJK symbols, full-width forms' punctuation, curly quotes, — and ….
    @inlinable public static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3001...0x3003, 0x3008...0x3011, 0x3014...0x301F, 0x2018, 0x2019, 0x201C, 0x201D, 0x2014, 0x2026, 0x00B7,
             0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65:
            return true
        default: return false
        }
    }

    /// Han or Chinese punctuation: the context in which half-width forms are wrong.
    @inlinable public static func isChinese(_ s: Unicode.Scalar) -> Bool { isHan(s) || isPunctuation(s) }
}

