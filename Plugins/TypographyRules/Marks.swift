import GalleyCore

/// Where the characters the typography rules start from stand in a body, by kind, made once per
/// article from the body's non-Han scalars: each rule visits its few candidates, not every scalar.
struct Marks {
    enum Kind: Int, CaseIterable {
        /// `SpacingScan.isSpace`.
        case space
        case lineFeed
        /// `，、；：。` (typography.repeated-punctuation).
        case sentenceMark
        /// `.`, `。`, `…` (ellipses).
        case dot
        /// `-`, `—`, `─` (typography.dash-form).
        case dash
        /// `, ; : ? !` (typography.halfwidth-punctuation).
        case halfwidthMark
        /// `(`, `)`, `（`, `）`.
        case bracket
        /// Quotation marks, title marks and brackets typography.unbalanced-pairs pairs, `(` and `)` included.
        case pair
        /// `+ ＋ / ／ % ％` (typography.mixed-sign-forms).
        case sign
        /// Scalars written for 〇 (`ChineseNumeralZeroRule.wrongZeros`).
        case wrongZero
        /// Full-width digits and Latin letters.
        case fullWidthAlphanumeric
        /// `RangeConnectorRule.connectors`.
        case connector
        /// `、`.
        case enumerationComma
        /// `h f w H F W @`: where a URL or an e-mail address may start.
        case linkStart
    }

    /// The positions of every kind, one kind after the other: kind `k` is `positions[starts[k]..<starts[k + 1]]`.
    private let positions: [Int32]
    private let starts: [Int]

    subscript(kind: Kind) -> Candidates {
        Candidates(positions: positions, offset: starts[kind.rawValue], count: starts[kind.rawValue + 1] - starts[kind.rawValue])
    }

    /// The positions of one kind, in order.
    struct Candidates: RandomAccessCollection {
        let positions: [Int32]
        let offset: Int
        let count: Int

        var startIndex: Int { 0 }
        var endIndex: Int { count }
        subscript(i: Int) -> Int { Int(positions[offset + i]) }
    }

    /// The marks of `article`'s body, made once for all the typography rules.
    static func of(_ article: ArticleContext) -> Marks {
        article.shared("typography.marks") { Marks(article.bodyScalars) }
    }

    /// Two passes over the non-Han scalars, counting then placing, so the positions take exactly their room.
    init(_ text: ScalarText) {
        precondition(text.count <= Int(Int32.max), "Marks: text too long")
        var counts = Array(repeating: 0, count: Kind.allCases.count + 1)
        var positions: [Int32] = []
        text.scalars.withUnsafeBufferPointer { scalars in
            Self.table.withUnsafeBufferPointer { table in
                for i in text.nonHan {
                    var kinds = Self.kinds(scalars[i].value, table)
                    while kinds != 0 {
                        counts[kinds.trailingZeroBitCount + 1] += 1
                        kinds &= kinds &- 1
                    }
                }
                for k in 1..<counts.count { counts[k] += counts[k - 1] }
                var next = counts
                positions = [Int32](unsafeUninitializedCapacity: counts.last!) { out, made in
                    for i in text.nonHan {
                        var kinds = Self.kinds(scalars[i].value, table)
                        while kinds != 0 {
                            let k = kinds.trailingZeroBitCount
                            out[next[k]] = Int32(truncatingIfNeeded: i)
                            next[k] += 1
                            kinds &= kinds &- 1
                        }
                    }
                    made = counts.last!
                }
            }
        }
        self.positions = positions
        starts = counts
    }

    /// The kinds `v` belongs to, as a bit per `Kind.rawValue`: `table` for the blocks marks come from.
    @inline(__always) static func kinds(_ v: UInt32, _ table: UnsafeBufferPointer<UInt32>) -> UInt32 {
        if v < 0x80 { return table[Int(v)] }
        if v &- 0x3000 < 0x40 { return table[Int(v &- 0x3000) + 0x80] }
        if v &- 0xFF00 < 0x60 { return table[Int(v &- 0xFF00) + 0xC0] }
        if v &- 0x2000 < 0x30 { return table[Int(v &- 0x2000) + 0x120] }
        return Unicode.Scalar(v).map(kinds) ?? 0
    }

    /// `kinds(_:)` of ASCII, CJK symbols, full-width forms and general punctuation, in that order.
    static let table: [UInt32] = [0..<0x80, 0x3000..<0x3040, 0xFF00..<0xFF60, 0x2000..<0x2030].flatMap { (block: Range<UInt32>) in
        block.map { Unicode.Scalar($0).map(kinds) ?? 0 }
    }

    /// The kinds of `s`: the definition the tables are made from.
    static func kinds(_ s: Unicode.Scalar) -> UInt32 {
        switch s {
        case " ", "\t", "\u{A0}", "\u{2002}"..."\u{200A}": return bit(.space)
        case "\n": return bit(.lineFeed)
        case "，", "；", "：": return bit(.sentenceMark)
        case "、": return bit(.sentenceMark) | bit(.enumerationComma)
        case "。": return bit(.sentenceMark) | bit(.dot)
        case ".", "…": return bit(.dot)
        case "-", "—": return bit(.dash) | bit(.connector)
        case "─": return bit(.dash)
        case ",", ";", ":", "?", "!": return bit(.halfwidthMark)
        case "(", ")", "（", "）": return bit(.bracket) | bit(.pair)
        case "“", "‘", "《", "〈", "「", "【", "”", "’", "》", "〉", "」", "】": return bit(.pair)
        case "+", "/", "%", "＋", "／", "％": return bit(.sign)
        case "0", "O", "○", "◯": return bit(.wrongZero)
        case "Ｏ", "０": return bit(.wrongZero) | bit(.fullWidthAlphanumeric)
        case "~", "－", "–", "〜", "～": return bit(.connector)
        case "h", "f", "w", "H", "F", "W", "@": return bit(.linkStart)
        default: return FullWidthAlphanumericRule.isFullWidthAlphanumeric(s) ? bit(.fullWidthAlphanumeric) : 0
        }
    }

    static func bit(_ kind: Kind) -> UInt32 { 1 << UInt32(kind.rawValue) }
}
