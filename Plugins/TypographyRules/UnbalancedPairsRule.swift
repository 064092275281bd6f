import GalleyCore

/// Flags a quotation mark, title mark or bracket whose partner is missing from its paragraph (GB/T 15834).
struct UnbalancedPairsRule: ArticleRule {
    static let description = RuleDescription(
        id: "typography.unbalanced-pairs",
        summary: Message("引号、书名号、括号应在段内成对", en: "Quotation marks, title marks and brackets pair up within a paragraph"),
        severity: .warning,
        triggering: [
            Example("老街坊说：⟪“⟫这条路修了三年，总算通车了。他边说边笑。"),
            Example("这条路修了三年，总算通车了⟪”⟫他边说边笑。"),
            Example("展览取名⟪《⟫江城灯火，展期一个月。"),
            Example("高新区（二期）⟪）⟫项目开工。"),
            Example("“第一段引文。\n\n⟪“⟫第二段引文，没有收尾。"),
            Example("市民称之为⟪“⟫城市\n\n客厅”，周末人流不断。",
                    message: "前引号与下一段的后引号配对：疑为段落误断开"),
        ],
        nonTriggering: [
            Example("市民称之为“城市客厅”，《江城灯火》（第二季）开播。"),
            Example("他说：“大家都叫它‘城市客厅’。”"),
            Example("“第一段引文。\n\n“第二段引文。\n\n“第三段引文。”"),
            Example("英文名 Binjiang’s Riverside 不改。"),
            Example("1）加强供热保障；2）做好应急抢修。"),
        ])

    static func partner(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s {
        case "“": return "”"
        case "‘": return "’"
        case "《": return "》"
        case "〈": return "〉"
        case "（": return "）"
        case "「": return "」"
        case "【": return "】"
        case "”": return "“"
        case "’": return "‘"
        case "》": return "《"
        case "〉": return "〈"
        case "）": return "（"
        case "」": return "「"
        case "】": return "【"
        default: return nil
        }
    }

    static func isOpener(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "“", "‘", "《", "〈", "（", "「", "【": return true
        default: return false
        }
    }
    static let names: [Unicode.Scalar: (zh: String, en: String)] = [
        "“": ("前引号", "opening quotation mark"), "”": ("后引号", "closing quotation mark"),
        "‘": ("前单引号", "opening single quotation mark"), "’": ("后单引号", "closing single quotation mark"),
        "《": ("前书名号", "opening title mark"), "》": ("后书名号", "closing title mark"),
        "〈": ("前单书名号", "opening single title mark"), "〉": ("后单书名号", "closing single title mark"),
        "（": ("前括号", "opening bracket"), "）": ("后括号", "closing bracket"),
        "「": ("前直角引号", "opening corner bracket"), "」": ("后直角引号", "closing corner bracket"),
        "【": ("前方头括号", "opening lenticular bracket"), "】": ("后方头括号", "closing lenticular bracket"),
    ]

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] {
        let text = article.bodyScalars
        let paragraphs = Paragraphs.of(article)
        let pairs = Marks.of(article)[.pair]
        var next = 0
        var stack: [Int] = []
        let found = paragraphs.map { paragraph in
            while next < pairs.count, pairs[next] < paragraph.lowerBound { next += 1 }
            let first = next
            while next < pairs.count, pairs[next] < paragraph.upperBound { next += 1 }
            return unmatched(text, pairs[first..<next], stack: &stack)
        }
        var out: [Diagnosis] = []
        var pairedAcross: Set<Int> = []
        for (n, (openers, closers)) in found.enumerated() {
            var open = openers
            for c in closers where !pairedAcross.contains(c) { out.append(unpaired(text, c)) }
            if n + 1 < found.count, !open.isEmpty {
                // A quotation of several paragraphs opens each with “ and closes only the last (GB/T 15834).
                if startsWithQuote(text, paragraphs[n + 1]) { open.removeAll { text.scalars[$0] == "“" } }
                // A paragraph break inside a pair (`“工作⏎⏎体检”`): one finding, on the opener.
                var next = found[n + 1].closers[...]
                while let o = open.last, let c = next.first, Self.partner(text.scalars[o]) == text.scalars[c] {
                    out.append(Diagnosis(text.range(o, o + 1), Self.brokenMessage(text.scalars[o], text.scalars[c])))
                    pairedAcross.insert(c)
                    open.removeLast()
                    next = next.dropFirst()
                }
            }
            out += open.map { unpaired(text, $0) }
        }
        return out.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    static func brokenMessage(_ open: Unicode.Scalar, _ close: Unicode.Scalar) -> Message {
        let (name, other) = (names[open]!, names[close]!)
        return Message("\(name.zh)与下一段的\(other.zh)配对：疑为段落误断开",
                       en: "the \(name.en) pairs with the \(other.en) in the next paragraph; the paragraph break looks accidental")
    }

    func unpaired(_ text: ScalarText, _ i: Int) -> Diagnosis {
        let s = text.scalars[i]
        let (name, other) = (Self.names[s]!, Self.names[Self.partner(s)!]!)
        return Diagnosis(text.range(i, i + 1), Message("\(name.zh)在本段中没有配对的\(other.zh)",
                                                      en: "the \(name.en) has no \(other.en) in this paragraph"))
    }

    /// Indices of the unmatched openers and closers among the marks of one paragraph. A half-width `(` or `)`
    /// may pair with a full-width one (typography.halfwidth-punctuation reports it) but is never reported here.
    func unmatched(_ text: ScalarText, _ marks: Slice<Marks.Candidates>, stack: inout [Int]) -> (openers: [Int], closers: [Int]) {
        // `stack` is scratch space the caller keeps from one paragraph to the next.
        stack.removeAll(keepingCapacity: true)
        var crossed: [Int] = []
        var closers: [Int] = []
        for i in marks {
            let s = text.scalars[i]
            if Self.isOpener(s) || s == "(" {
                stack.append(i)
                continue
            }
            guard let want = s == ")" ? "（" : Self.partner(s) else { continue }
            // The innermost opener that `s` closes (a written-out search: a closure here copied `text` per mark).
            var k = stack.count - 1
            while k >= 0, text.scalars[stack[k]] != want && !(want == "（" && text.scalars[stack[k]] == "(") { k -= 1 }
            if k >= 0 {
                // Openers inside a pair that closes before them (`“甲（乙”丙）`) stay unmatched.
                if k + 1 < stack.count { crossed += stack[(k + 1)...] }
                stack.removeLast(stack.count - k)
            } else if s != ")" && !isApostrophe(text, i) && !isListMarker(text, i) {
                closers.append(i)
            }
        }
        if crossed.isEmpty && stack.isEmpty { return ([], closers) }
        return ((crossed + stack).sorted().filter { text.scalars[$0] != "(" && !isApostrophe(text, $0) }, closers)
    }

    /// `’` (or a stray `‘`) next to a Latin letter is an apostrophe: `Binjiang’s`.
    func isApostrophe(_ text: ScalarText, _ i: Int) -> Bool {
        let s = text.scalars[i]
        return (s == "’" || s == "‘") && (text[safe: i - 1]?.isASCIILetter == true || text[safe: i + 1]?.isASCIILetter == true)
    }

    /// `1）`, `a）`, `二）` opening a list item at the start of a paragraph or after a mark.
    func isListMarker(_ text: ScalarText, _ i: Int) -> Bool {
        guard text.scalars[i] == "）", let m = text[safe: i - 1] else { return false }
        var k = i - 1
        if m.isASCIIDigit {
            while text[safe: k - 1]?.isASCIIDigit == true { k -= 1 }
        } else if !(m.isASCIILetter || "一二三四五六七八九十".unicodeScalars.contains(m)) {
            return false
        }
        guard let before = text[safe: k - 1] else { return true }
        return before == "\n" || before.isInlineSpace || before == "\u{3000}" || CJK.isPunctuation(before)
    }

    func startsWithQuote(_ text: ScalarText, _ paragraph: Range<Int>) -> Bool {
        let first = text.runEnd(from: paragraph.lowerBound) { $0.isInlineSpace || $0 == "\u{3000}" || $0 == ">" }
        return text[safe: first] == "“"
    }
}
