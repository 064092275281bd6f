import GalleyCore

/// Flags a numeric range joined by `-`, `~` or `—` (`150-200千米`); GB/T 15834 joins value ranges with `～`.
struct RangeConnectorRule: CorrectableRule {
    static let description = RuleDescription(
        id: "typography.range-connector",
        summary: Message("数值范围的连接号用“～”", en: "Numeric ranges are joined with “～”"),
        severity: .warning,
        options: [OptionSpec("connector", default: .string("～"), "连接号：～（默认）或 —")],
        scope: .paragraph,
        triggering: [
            Example("预计每天接待游客150⟪-⟫200人次。"),
            Example("气温将下降6⟪~⟫8℃。"),
            Example("本地企业占比63%⟪-⟫68%，高于去年。"),
            Example("工期约10⟪—⟫15天。"),
            Example("票价为30⟪－⟫50元。"),
            Example("单程约2.5⟪-⟫3.5km，步行可达。"),
            Example("票价为30⟪～⟫50元。", options: ["connector": .string("—")]),
        ],
        nonTriggering: [
            Example("预计每天接待游客150～200人次，票价为30～50元。"),
            Example("展览2026-11-27开幕，咨询电话0571-88886666。"),
            Example("型号A-1，编号G60-2，住3-2-501室。"),
            Example("see pages 10-20 of the report"),
            Example("主队以3-1战胜对手，上半场1-1战平。"),
            Example("规划期为2021-2025年，沈括（1031-1095）。"),
            Example("执行GB/T 1.1-2020《标准化工作导则》。"),
            Example("气温-5-3℃。"),
            Example("工期约10—15天。", options: ["connector": .string("—")]),
        ],
        corrections: [
            Example("接待游客150-200人次", "接待游客150～200人次"),
            Example("占比63%-68%，", "占比63%～68%，"),
        ])

    static let connectors: Set<Unicode.Scalar> = ["-", "~", "—", "－", "–", "〜", "～"]
    /// After the second number these make a time span (`—` by GB/T 15834) or an address, not a value range.
    static let pointUnits = Set("年月日号时点".unicodeScalars)
    /// Units after a pair of year-like numbers that still make it a value range (`1500-2000元`).
    static let valueUnits = Set("元万亿千百米克吨人户家个台辆件只名座亩次份本册张株斤升".unicodeScalars)
    static let scoreWords = ["胜", "负", "输", "赢", "战", "击", "逼", "力克", "不敌", "告负", "落败", "取胜", "逆转"]

    let connector: String

    init(options: RuleOptions) {
        let chosen = options.string("connector")
        connector = chosen == "—" ? "—" : "～"
    }

    func check(_ article: ArticleContext) -> [Diagnosis] {
        let text = article.bodyScalars
        let links = Links.of(article)
        let own = connector.unicodeScalars.first!
        return Marks.of(article)[.connector].compactMap { i in
            guard text.scalars[i] != own, !links.contains(i),
                  let left = Number(text, before: i), let right = Number(text, from: i + 1),
                  isValueRange(text, left, right)
            else { return nil }
            return .fix(text.range(i, i + 1), Message("数值范围的连接号应写作“\(connector)”", en: "join the range with “\(connector)”"),
                        with: connector)
        }
    }

    func isValueRange(_ text: ScalarText, _ left: Number, _ right: Number) -> Bool {
        // Phone numbers, postcodes, IDs, scores (`3-1`) and codes are not ranges.
        guard left.value < right.value, !left.leadingZero, !right.leadingZero, left.digits < 6, right.digits < 6 else { return false }
        var before = text[safe: left.start - 1]
        if before?.isInlineSpace == true {
            // `气温 3-5℃` (a stray space) still counts; `GB/T 1.1-2020` does not.
            var j = left.start - 1
            while text[safe: j]?.isInlineSpace == true { j -= 1 }
            guard let b = text[safe: j], CJK.isHan(b) else { return false }
            before = b
        }
        // Latin, digits or signs before the first number: a model (`G60-2`), a date or a negative number.
        if let b = before, (!CJK.isChinese(b) && !b.isNewline) || "图表式".unicodeScalars.contains(b) { return false }
        // After the second number: `%`, then a short Latin unit (`km`) or ℃.
        let unitEnd = text.runEnd(from: right.end) { $0.isASCIILetter || $0 == "℃" || $0 == "°" }
        guard unitEnd - right.end <= 3 else { return false }
        let next = text[safe: unitEnd]
        if let n = next, Self.connectors.contains(n) || "/.:".unicodeScalars.contains(n) || n.isASCIIDigit { return false }
        guard before.map(CJK.isChinese) == true || next.map(CJK.isChinese) == true else { return false }
        if unitEnd == right.end, let n = next {
            if Self.pointUnits.contains(n) || text.hasPrefix("世纪", at: unitEnd) { return false }
            if Self.scoreWords.contains(where: { text.hasPrefix($0, at: unitEnd) }) { return false }
        }
        if left.isYearLike && right.isYearLike { return next.map(Self.valueUnits.contains) == true }
        return true
    }

    /// A plain decimal number next to a range connector, with an optional `%`.
    struct Number {
        let start: Int
        /// Past the number and its `%`.
        let end: Int
        let value: Double
        /// Digits before the decimal point.
        let digits: Int
        let leadingZero: Bool
        let isYearLike: Bool

        init?(_ text: ScalarText, before end: Int) {
            let numberEnd = text[safe: end - 1] == "%" ? end - 1 : end
            var k = numberEnd
            while let s = text[safe: k - 1], s.isASCIIDigit || s == "." { k -= 1 }
            self.init(text, k, numberEnd, end)
        }

        init?(_ text: ScalarText, from start: Int) {
            var k = text.runEnd(from: start) { $0.isASCIIDigit || $0 == "." }
            if k > start, text.scalars[k - 1] == "." { k -= 1 }
            self.init(text, start, k, text[safe: k] == "%" ? k + 1 : k)
        }

        private init?(_ text: ScalarText, _ start: Int, _ numberEnd: Int, _ end: Int) {
            let chars = text.string(start, numberEnd)
            let parts = chars.split(separator: ".", omittingEmptySubsequences: false)
            guard !chars.isEmpty, parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }), let value = Double(chars) else { return nil }
            self.start = start
            self.end = end
            self.value = value
            digits = parts[0].count
            leadingZero = parts[0].count > 1 && parts[0].first == "0"
            isYearLike = parts.count == 1 && digits == 4 && (1000...2100).contains(value) && end == numberEnd
        }
    }
}
