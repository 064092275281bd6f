import GalleyCore

/// Flags the less used form when one article mixes `+`/`＋`, `/`/`／` or `%`/`％` (局部体例一致).
struct MixedSignFormsRule: TallyingRule {
    static let description = RuleDescription(
        id: "typography.mixed-sign-forms",
        summary: Message("同一篇中“+／%”等符号全角半角混用，按多数统一（“%”用半角）",
                         en: "One article mixes full- and half-width + / %; follow the majority (half-width %)"),
        severity: .warning,
        triggering: [
            Example("推出“5G+工业互联网”“互联网+政务服务”和“文旅⟪＋⟫康养”三类套餐。"),
            Example("“文旅⟪＋⟫康养”和“互联网+政务”两类套餐。"),
            Example("一季度增长3⟪％⟫，全年增长4.2%。"),
            Example("一季度增长3⟪％⟫，二季度增长5⟪％⟫，全年增长4.2%。"),
            Example("大白菜1.2元/斤，萝卜0.8元/斤，土豆1.5元⟪／⟫斤。"),
        ],
        nonTriggering: [
            Example("推出“5G+工业互联网”“互联网+政务服务”两类套餐。"),
            Example("开设C++课程，推出“文旅＋康养”套餐。"),
            Example("推出“文旅＋康养”套餐，咨询电话+86 571 8888 6666或+8657188886666。"),
            Example("详见 https://www.example.com/a/b ，菜价1.2元／斤。"),
            Example("活动11/27开始，菜价1.2元／斤。"),
            Example("增长3％，网址为 https://example.com/%E6%BB%A8 。"),
        ],
        corrections: [
            Example("增长3％，全年增长4.2%", "增长3%，全年增长4.2%"),
        ])

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] { check(article, tally: tally(article, in: nil)) }

    /// How many `+ ＋ / ／ %` count, in that order: a sign counts by its own line's text.
    func tally(_ article: ArticleContext, in ranges: [Range<Int>]?) -> [Int] {
        let signs = Signs(article)
        guard let ranges else { return signs.all.map(\.count) }
        let text = article.bodyScalars
        let body = article.body.utf8
        return signs.all.map { positions in
            positions.reduce(0) { n, i in
                let offset = body.distance(from: body.startIndex, to: text.indices[i])
                // The last range that starts at or before the sign.
                var lo = 0
                var hi = ranges.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if ranges[mid].lowerBound <= offset { lo = mid + 1 } else { hi = mid }
                }
                return n + (lo > 0 && ranges[lo - 1].contains(offset) ? 1 : 0)
            }
        }
    }

    func check(_ article: ArticleContext, tally: [Int]) -> [Diagnosis] {
        let text = article.bodyScalars
        let signs = Signs(article)
        var out = majority(text, half: signs.plus, full: signs.fullPlus, tally[0], tally[1], "+", "＋")
        out += majority(text, half: signs.slash, full: signs.fullSlash, tally[2], tally[3], "/", "／")
        // Print norm: half-width `%` after digits, whatever the majority.
        if tally[4] > 0 {
            let message = Message("本文“%”与“％”混用：数字后统一用半角“%”（印刷通行写法）",
                                  en: "“%” and “％” are mixed; use the half-width “%” after digits (print norm)")
            out += signs.fullPercent.map { i in
                Diagnosis(text.range(i, i + 1), message, replacement: "%", certain: text.scalars[i - 1].isASCIIDigit)
            }
        }
        return out
    }

    /// The signs that count, by form.
    struct Signs {
        let plus, fullPlus, slash, fullSlash, percent, fullPercent: [Int]
        var all: [[Int]] { [plus, fullPlus, slash, fullSlash, percent] }

        init(_ article: ArticleContext) {
            let text = article.bodyScalars
            let links = Links.of(article)
            let signs = Marks.of(article)[.sign]
            func positions(_ sign: Unicode.Scalar, _ counts: (Int) -> Bool) -> [Int] {
                signs.filter {
                    text.scalars[$0] == sign && !links.contains($0) && text[safe: $0 - 1] != sign && text[safe: $0 + 1] != sign && counts($0)
                }
            }
            // A sign counts only in Chinese text: `C++`, `11/27` and links follow other conventions.
            let plus = { (i: Int) in
                (text[safe: i - 1].map(CJK.isChinese) == true || text[safe: i + 1].map(CJK.isChinese) == true)
                    && !MixedSignFormsRule.isDialingCode(text, i)
            }
            let nextToHan = { (i: Int) in
                text[safe: i - 1].map(CJK.isHan) == true || text[safe: i + 1].map(CJK.isHan) == true
            }
            let afterDigit = { (i: Int) in
                text[safe: i - 1].map { $0.isASCIIDigit || ("０"..."９").contains($0) } == true
            }
            self.plus = positions("+", plus)
            fullPlus = positions("＋", plus)
            slash = positions("/", nextToHan)
            fullSlash = positions("／", nextToHan)
            percent = positions("%", afterDigit)
            fullPercent = positions("％", afterDigit)
        }
    }

    /// `+86 571…`: a telephone number, not a plus sign.
    static func isDialingCode(_ text: ScalarText, _ i: Int) -> Bool {
        let end = text.runEnd(from: i + 1) { $0.isASCIIDigit }
        let n = end - i - 1
        let joiner = text[safe: end].map { $0.isInlineSpace || $0 == "-" } == true && text[safe: end + 1]?.isASCIIDigit == true
        return n >= 5 || (n >= 1 && joiner)
    }

    /// The occurrences of the less used form (the full-width one on a tie) by the body's counts, with the other suggested.
    func majority(_ text: ScalarText, half: [Int], full: [Int], _ halves: Int, _ fulls: Int, _ h: String, _ f: String) -> [Diagnosis] {
        guard halves > 0, fulls > 0 else { return [] }
        let (minority, use, other) = fulls <= halves ? (full, h, f) : (half, f, h)
        let message = Message("本文“\(use)”与“\(other)”混用，宜统一为“\(use)”",
                              en: "this article mixes “\(use)” and “\(other)”; keep to “\(use)”")
        return minority.map { Diagnosis(text.range($0, $0 + 1), message, replacement: use) }
    }
}
