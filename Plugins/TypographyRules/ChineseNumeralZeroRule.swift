import GalleyCore

/// Flags `0`, `O`, `○` and the like written for 〇 in a Chinese-numeral year or number (`二0二六年`).
struct ChineseNumeralZeroRule: CorrectableRule {
    static let description = RuleDescription(
        id: "typography.chinese-numeral-zero",
        summary: Message("汉字数字中的零应写作“〇”", en: "The zero in Chinese numerals is written “〇”"),
        severity: .warning,
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

    static let digits = Set("一二三四五六七八九〇".unicodeScalars)
    static let wrongZeros: Set<Unicode.Scalar> = ["0", "O", "Ｏ", "０", "○", "◯"]

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] {
        let text = article.bodyScalars
        return Self.wrongZeroRuns(text).map { r in
            let wrong = String(String.UnicodeScalarView(text.scalars[r]))
            return .fix(text.range(r.lowerBound, r.upperBound),
                        Message("汉字数字中的“\(wrong)”应写作“〇”", en: "write “〇” for “\(wrong)” in Chinese numerals"),
                        with: String(repeating: "〇", count: r.count))
        }
    }

    /// Runs of wrong zeros inside a Chinese numeral: a year of four or more figures before 年, or
    /// three or more figures with at least two real ones. Latin or Arabic neighbours mean something else.
    static func wrongZeroRuns(_ text: ScalarText) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        while i < text.count {
            guard digits.contains(text.scalars[i]) else {
                i += 1
                continue
            }
            let start = i
            let end = text.runEnd(from: i) { digits.contains($0) || wrongZeros.contains($0) }
            i = end
            let run = start..<end
            let real = run.filter { digits.contains(text.scalars[$0]) }.count
            let isYear = text[safe: end] == "年" && run.count >= 4
            let foreign = { (s: Unicode.Scalar?) in
                s.map { $0.isASCIIAlphanumeric || FullWidthAlphanumericRule.isFullWidthAlphanumeric($0) } == true
            }
            guard real < run.count, isYear || (run.count >= 3 && real >= 2), !foreign(text[safe: start - 1]),
                  !foreign(text[safe: end]) else { continue }
            var k = start
            while k < end {
                let zeroEnd = text.runEnd(from: k) { wrongZeros.contains($0) }
                if zeroEnd > k { out.append(k..<zeroEnd) }
                k = max(zeroEnd, k + 1)
            }
        }
        return out
    }
}
