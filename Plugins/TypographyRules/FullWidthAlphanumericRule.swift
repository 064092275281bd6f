import GalleyCore

/// Flags full-width digits and Latin letters (`２０２６`, `ＡＰＰ`); GB/T 15835 wants half-width forms.
struct FullWidthAlphanumericRule: CorrectableRule {
    static let description = RuleDescription(
        id: "typography.fullwidth-alphanumeric",
        summary: Message("数字和外文字母应使用半角形式", en: "Digits and Latin letters should be half-width"),
        severity: .warning,
        scope: .paragraph,
        triggering: [
            Example("⟪２０２６⟫滨江冬季文化季开幕。"),
            Example("下载⟪ＡＰＰ⟫即可预约。"),
            Example("⟪Ａ⟫股收盘上涨⟪１．２⟫%。"),
        ],
        nonTriggering: [
            Example("2026滨江冬季文化季开幕。"),
            Example("全角标点（括号）、冒号：都正确。"),
            Example("落款为二０二六年一月。"),
        ],
        corrections: [
            Example("２０２６滨江冬季文化季", "2026滨江冬季文化季"),
            Example("下载ＡＰＰ即可", "下载APP即可"),
            Example("上涨１．２%", "上涨1.2%"),
        ])

    init(options: RuleOptions) {}

    static func isFullWidthAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return true
        default: return false
        }
    }

    func check(_ article: ArticleContext) -> [Diagnosis] {
        let text = article.bodyScalars
        var out: [Diagnosis] = []
        // `二０二六年` wants 〇, not 0: typography.chinese-numeral-zero reports it.
        let zeros = ChineseNumeralZeroRule.wrongZeroRuns(article)
        var nextZeros = 0
        var cursor = 0
        for i in Marks.of(article)[.fullWidthAlphanumeric] where i >= cursor {
            while nextZeros < zeros.count, zeros[nextZeros].upperBound <= i { nextZeros += 1 }
            if nextZeros < zeros.count, zeros[nextZeros].contains(i) { continue }
            // A full-width point between full-width digits belongs to the number (`１．２`).
            var end = text.runEnd(from: i, where: Self.isFullWidthAlphanumeric)
            while text[safe: end] == "．", let next = text[safe: end + 1], Self.isFullWidthAlphanumeric(next) {
                end = text.runEnd(from: end + 1, where: Self.isFullWidthAlphanumeric)
            }
            let half = String(String.UnicodeScalarView(text.scalars[i..<end].map { Unicode.Scalar($0.value - 0xFEE0)! }))
            out.append(.fix(text.range(i, end), Message("全角字符“\(text.string(i, end))”应改为半角“\(half)”",
                                                        en: "full-width “\(half)” should be half-width"), with: half))
            cursor = end
        }
        return out
    }
}
