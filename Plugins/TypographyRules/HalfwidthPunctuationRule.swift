import GalleyCore

/// Flags half-width `, ; : ? ! ( )` in Chinese text; GB/T 15834 wants the full-width marks there.
struct HalfwidthPunctuationRule: CorrectableRule {
    static let description = RuleDescription(
        id: "typography.halfwidth-punctuation",
        summary: Message("中文语句中应使用全角标点", en: "Chinese text takes full-width punctuation"),
        severity: .warning,
        scope: .paragraph,
        triggering: [
            Example("全市供热面积达312万平方米⟪,⟫新增面积18万平方米⟪; ⟫老旧管网改造已完工。"),
            Example("记者⟪:⟫今年外部环境怎么样⟪?⟫"),
            Example("产业园⟪(⟫二期⟪)⟫项目开工。"),
            Example("核磁共振成像⟪(⟫NMRI⟪)⟫设备投用。"),
            Example("同比增长12.5%⟪,⟫高于全省平均水平。"),
            Example("他说“真办成了”⟪,⟫又笑了。"),
            Example("本报北京11月26日电⟪(⟫记者赵明远）"),
            Example("真的吗⟪?!⟫大家都不敢相信。"),
            Example("下载APP⟪,⟫即可预约。"),
        ],
        nonTriggering: [
            Example("全市供热面积达312万平方米，新增面积18万平方米。"),
            Example("成交额4070.65万元，开放时间9:30至21:00，比分3:1。"),
            Example("详见网址（https://www.example.com/bj?a=1,b=2）或发邮件至desk@example.com。"),
            Example("他说：“He said: Yes, we can!”随后离场。"),
            Example("升级到 iOS 17.2 或 v2.1 版本。"),
            Example("英文报道写作 Binjiang (China), a city 以江得名。"),
            Example("见[滨江日报](https://www.example.com/a)。"),
            Example("the word 滨江, meaning riverside"),
        ],
        corrections: [
            Example("312万平方米,新增", "312万平方米，新增"),
            Example("记者: 今年", "记者：今年"),
            Example("产业园(二期)项目", "产业园（二期）项目"),
            Example("真的吗?!大家", "真的吗？！大家"),
        ])

    static func fullWidth(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s {
        case ",": return "，"
        case ";": return "；"
        case ":": return "："
        case "?": return "？"
        case "!": return "！"
        case "(": return "（"
        default: return "）"
        }
    }

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] {
        let text = article.bodyScalars
        let links = Links.of(article)
        let marks = Marks.of(article)
        return (self.marks(text, marks[.halfwidthMark], links) + brackets(text, marks[.bracket], Paragraphs.of(article), links))
            .sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    static func message(_ full: String) -> Message {
        Message("中文语句中应使用全角“\(full)”", en: "use the full-width “\(full)” in Chinese text")
    }

    /// `, ; : ? !`, with `?!` runs taken together.
    func marks(_ text: ScalarText, _ candidates: Marks.Candidates, _ links: Links) -> [Diagnosis] {
        var out: [Diagnosis] = []
        var cursor = 0
        for i in candidates where i >= cursor && !links.contains(i) {
            let s = text.scalars[i]
            let end = s == "?" || s == "!" ? text.runEnd(from: i) { $0 == "?" || $0 == "!" } : i + 1
            let after = text.runEnd(from: end) { $0.isInlineSpace }
            if isChineseMark(text, i, end, after) {
                let full = String(String.UnicodeScalarView(text.scalars[i..<end].map(Self.fullWidth)))
                out.append(.fix(text.range(i, after), Self.message(full), with: full))
            }
            cursor = end
        }
        return out
    }

    /// Whether the mark at `start..<end` (spaces up to `after`) sits in Chinese text.
    func isChineseMark(_ text: ScalarText, _ start: Int, _ end: Int, _ after: Int) -> Bool {
        let prev = text[safe: start - 1]
        let next = text[safe: after]
        let spaced = after > end
        if let p = prev, let n = next, p.isASCIIDigit && n.isASCIIDigit { return false }
        guard let p = prev else { return false }
        let nextHan = next.map(CJK.isHan) == true
        let nextChinese = next.map(CJK.isChinese) == true
        if CJK.isChinese(p) {
            guard let n = next, n != "\n", n != "\r" else { return true }
            if nextChinese || n.isASCIIDigit { return true }
            // `有三种,A、B` is Chinese; `滨江, which means` is English around a Chinese word.
            if n.isASCIILetter && !spaced {
                let word = text.runEnd(from: after) { $0.value > 0x20 && $0.value < 0x7F }
                return text[safe: word].map(CJK.isChinese) ?? false
            }
            return false
        }
        if p.isASCIIDigit || p == "%" { return nextHan }
        if p.isASCIILetter && nextHan && !spaced {
            // A single Latin word between Chinese (`下载APP,即可`), not the end of an English sentence.
            var k = start - 1
            while let q = text[safe: k], q.isASCIIAlphanumeric { k -= 1 }
            return text[safe: k].map(CJK.isChinese) ?? false
        }
        return false
    }

    /// `( )` pairs around Chinese content or next to Chinese text, and a half-width half of a mixed pair.
    func brackets(_ text: ScalarText, _ candidates: Marks.Candidates, _ paragraphs: [Range<Int>], _ links: Links) -> [Diagnosis] {
        var out: [Diagnosis] = []
        var next = 0
        for paragraph in paragraphs {
            var open: [Int] = []
            while next < candidates.count, candidates[next] < paragraph.lowerBound { next += 1 }
            while next < candidates.count, candidates[next] < paragraph.upperBound {
                let i = candidates[next]
                next += 1
                if links.contains(i) { continue }
                let s = text.scalars[i]
                if s == "(" || s == "（" {
                    open.append(i)
                } else if (s == ")" || s == "）"), let o = open.popLast() {
                    let halfOpen = text.scalars[o] == "("
                    let halfClose = s == ")"
                    if halfOpen && halfClose {
                        guard encloseChinese(text, o, i) else { continue }
                        out.append(.fix(text.range(o, o + 1), Self.message("（"), with: "（"))
                        out.append(.fix(text.range(i, i + 1), Self.message("）"), with: "）"))
                    } else if halfOpen {
                        out.append(.fix(text.range(o, o + 1), Self.message("（"), with: "（"))
                    } else if halfClose {
                        out.append(.fix(text.range(i, i + 1), Self.message("）"), with: "）"))
                    }
                }
            }
        }
        return out
    }

    /// Content with Han, or non-empty content next to Chinese text (`成像(NMRI)是`), but not a
    /// Markdown link target `](…)` nor a call or mark in Latin text (`f(x)`, `Windows(R)`).
    func encloseChinese(_ text: ScalarText, _ open: Int, _ close: Int) -> Bool {
        let content = text.scalars[(open + 1)..<close]
        if content.contains(where: CJK.isHan) { return true }
        guard !content.isEmpty else { return false }
        let before = text[safe: open - 1]
        if let b = before, b == "]" || b.isASCIIAlphanumeric { return false }
        return before.map(CJK.isChinese) == true || text[safe: close + 1].map(CJK.isChinese) == true
    }
}
