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

    private var lists: [[Int]]

    subscript(kind: Kind) -> [Int] { lists[kind.rawValue] }

    /// The marks of `article`'s body, made once for all the typography rules.
    static func of(_ article: ArticleContext) -> Marks {
        article.shared("typography.marks") { Marks(article.bodyScalars) }
    }

    init(_ text: ScalarText) {
        var lists = Array(repeating: [Int](), count: Kind.allCases.count)
        for i in text.nonHan {
            var kinds = Self.kinds(text.scalars[i])
            while kinds != 0 {
                lists[kinds.trailingZeroBitCount].append(i)
                kinds &= kinds &- 1
            }
        }
        self.lists = lists
    }

    /// The kinds `s` belongs to, as a bit per `Kind.rawValue`.
    static func kinds(_ s: Unicode.Scalar) -> UInt32 {
        if s.value < 0x80 { return ascii[Int(s.value)] }
        switch s {
        case "，", "；", "：": return bit(.sentenceMark)
        case "、": return bit(.sentenceMark) | bit(.enumerationComma)
        case "。": return bit(.sentenceMark) | bit(.dot)
        case "…": return bit(.dot)
        case "—": return bit(.dash) | bit(.connector)
        case "─": return bit(.dash)
        case "（", "）": return bit(.bracket) | bit(.pair)
        case "“", "‘", "《", "〈", "「", "【", "”", "’", "》", "〉", "」", "】": return bit(.pair)
        case "＋", "／", "％": return bit(.sign)
        case "○", "◯": return bit(.wrongZero)
        case "Ｏ", "０": return bit(.wrongZero) | bit(.fullWidthAlphanumeric)
        case "－", "–", "〜", "～": return bit(.connector)
        case "\u{A0}", "\u{2002}"..."\u{200A}": return bit(.space)
        default: return FullWidthAlphanumericRule.isFullWidthAlphanumeric(s) ? bit(.fullWidthAlphanumeric) : 0
        }
    }

    static func bit(_ kind: Kind) -> UInt32 { 1 << UInt32(kind.rawValue) }

    /// `kinds` of the ASCII scalars, by value.
    static let ascii: [UInt32] = (0..<128).map { v in
        switch Unicode.Scalar(UInt8(v)) {
        case " ", "\t": return bit(.space)
        case "\n": return bit(.lineFeed)
        case ".": return bit(.dot)
        case "-": return bit(.dash) | bit(.connector)
        case ",", ";", ":", "?", "!": return bit(.halfwidthMark)
        case "(", ")": return bit(.bracket) | bit(.pair)
        case "+", "/", "%": return bit(.sign)
        case "0", "O": return bit(.wrongZero)
        case "~": return bit(.connector)
        case "h", "f", "w", "H", "F", "W", "@": return bit(.linkStart)
        default: return 0
        }
    }
}
