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
    /// Both are free of branches on the scalars (a mispredicted branch per mark costs more than the rest).
    init(_ text: ScalarText) {
        precondition(text.count < Int(Int32.max), "Marks: text too long")
        let table = Self.table
        let kinds = Kind.allCases.count
        // The class of each non-Han scalar, from the first pass for the second.
        var classOf = [UInt8](repeating: 0, count: text.nonHan.underestimatedCount)
        var counts = SIMD16<Int32>(repeating: 0)
        text.scalars.withUnsafeBufferPointer { scalars in
            table.pages.withUnsafeBufferPointer { pages in
                table.classes.withUnsafeBufferPointer { classes in
                    table.counts.withUnsafeBufferPointer { vectors in
                        classOf.withUnsafeMutableBufferPointer { classOf in
                            var n = 0
                            for i in text.nonHan {
                                let c = ClassTable.of(scalars[i].value, pages, classes)
                                classOf[n] = UInt8(truncatingIfNeeded: c)
                                counts &+= vectors[c]
                                n += 1
                            }
                        }
                    }
                }
            }
        }
        var starts = Array(repeating: 0, count: kinds + 2)
        for k in 0..<kinds { starts[k + 1] = starts[k] + Int(counts[k]) }
        let total = starts[kinds]
        // Kinds a scalar lacks (`ClassTable.none`) write to a spare slot at the end instead of branching.
        starts[kinds + 1] = total
        var next = starts
        positions = [Int32](unsafeUninitializedCapacity: total + 1) { out, made in
            next.withUnsafeMutableBufferPointer { next in
                table.kinds.withUnsafeBufferPointer { pairs in
                    var n = 0
                    for i in text.nonHan {
                        let c = Int(classOf[n])
                        n += 1
                        let first = Int(pairs[2 * c])
                        let second = Int(pairs[2 * c + 1])
                        out[next[first]] = Int32(truncatingIfNeeded: i)
                        next[first] &+= first < kinds ? 1 : 0
                        out[next[second]] = Int32(truncatingIfNeeded: i)
                        next[second] &+= second < kinds ? 1 : 0
                    }
                }
            }
            made = total + 1
        }
        starts.removeLast()
        self.starts = starts
    }

    static let table = ClassTable()

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
