import GalleyCore

/// Flags `0`, `O`, `○` and the like written for 〇 in a Chinese-numeral year or number (`二0二六年`).
struct ChineseNumeralZeroRule: CorrectableRule {
    static let description = RuleDescription(
        id: "typography.chinese-numeral-zero",
        summary: Message("汉字数字中的零应写作“〇”", en: "The zero in Chinese numerals is written “〇”"),
        severity: .warning,
        scope: .paragraph,
        triggering: [
            Example("二⟪0⟫二六年滨江冬季文化季开幕。"),
            Example("落款为二⟪O⟫二五年十月。"),
            Example("大桥建于二⟪○○⟫八年。"),
            Example("一九九⟪Ｏ⟫年建成的老厂房。"),
            Example("他住在三⟪○⟫一室。"),
        ],
        nonTriggering: [
            Example("二〇二六年滨江冬季文化季开幕。"),
            Example("2026年滨江冬季文化季开幕。"),
            Example("受助人张○○、李○○。"),
            Example("第二0号通告。"),
            Example("型号为OPPO一二三。"),
        ],
        corrections: [
            Example("二0二六年", "二〇二六年"),
            Example("建于二○○八年", "建于二〇〇八年"),
        ])

    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "一", "二", "三", "四", "五", "六", "七", "八", "九", "〇": return true
        default: return false
        }
    }

    static func isWrongZero(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "0", "O", "Ｏ", "０", "○", "◯": return true
        default: return false
        }
    }

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] {
        let text = article.bodyScalars
        return Self.wrongZeroRuns(article).map { r in
            let wrong = text.string(r.lowerBound, r.upperBound)
            return .fix(text.range(r.lowerBound, r.upperBound),
                        Message("汉字数字中的“\(wrong)”应写作“〇”", en: "write “〇” for “\(wrong)” in Chinese numerals"),
                        with: String(repeating: "〇", count: r.count))
        }
    }

    /// Runs of wrong zeros inside a Chinese numeral, in order, made once per article (typography.fullwidth-alphanumeric
    /// leaves them to this rule).
    static func wrongZeroRuns(_ article: ArticleContext) -> [Range<Int>] {
        article.shared("typography.wrong-zero-runs") { wrongZeroRuns(article.bodyScalars, Marks.of(article)) }
    }

    /// A numeral is a run of figures and wrong zeros from its first real figure: a year of four or more
    /// figures before 年, or three or more figures with at least two real ones. Latin or Arabic neighbours
    /// mean something else. Only runs with a wrong zero matter, so the search starts from those.
    static func wrongZeroRuns(_ text: ScalarText, _ marks: Marks) -> [Range<Int>] {
        let inNumeral = { (s: Unicode.Scalar) in isDigit(s) || isWrongZero(s) }
        var out: [Range<Int>] = []
        var cursor = 0
        for zero in marks[.wrongZero] where zero >= cursor {
            var blockStart = zero
            while blockStart > 0, inNumeral(text.scalars[blockStart - 1]) { blockStart -= 1 }
            let end = text.runEnd(from: zero, where: inNumeral)
            cursor = end
            guard let start = (blockStart..<end).first(where: { isDigit(text.scalars[$0]) }) else { continue }
            let run = start..<end
            let real = run.filter { isDigit(text.scalars[$0]) }.count
            let isYear = text[safe: end] == "年" && run.count >= 4
            let foreign = { (s: Unicode.Scalar?) in
                s.map { $0.isASCIIAlphanumeric || FullWidthAlphanumericRule.isFullWidthAlphanumeric($0) } == true
            }
            guard real < run.count, isYear || (run.count >= 3 && real >= 2), !foreign(text[safe: start - 1]),
                  !foreign(text[safe: end]) else { continue }
            var k = start
            while k < end {
                let zeroEnd = text.runEnd(from: k, where: isWrongZero)
                if zeroEnd > k { out.append(k..<zeroEnd) }
                k = max(zeroEnd, k + 1)
            }
        }
        return out
    }
}
