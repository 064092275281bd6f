import GalleyCore

/// Flags 等 or 等等 after the ellipsis that ends an enumeration; GB/T 15834 uses one or the other.
struct DengAfterEllipsisRule: CorrectableRule {
    static let description = RuleDescription(
        id: "typography.deng-after-ellipsis",
        summary: Message("省略号后不再用“等”“等等”", en: "No “等” or “等等” after an ellipsis"),
        severity: .warning,
        scope: .paragraph,
        triggering: [
            Example("展出剪纸、面塑、泥塑……⟪等⟫十余项非遗技艺。"),
            Example("社区为老人配齐了轮椅、血压计、药箱……⟪等等⟫。"),
        ],
        nonTriggering: [
            Example("展出剪纸、面塑、泥塑等十余项非遗技艺。"),
            Example("“我想想……等一下，钥匙放哪儿了？”"),
            Example("他说：“好吧……等等，先别走！”"),
            Example("他把纸、笔准备好……等着开考。"),
            Example("展出剪纸、面塑……十余项非遗技艺。"),
        ],
        corrections: [
            Example("剪纸、面塑、泥塑……等十余项", "剪纸、面塑、泥塑……十余项"),
            Example("集成电路、新型显示……等领域", "集成电路、新型显示……领域"),
        ])

    /// After these 等 is the verb “wait” (`等着`, `等一下`, `等他`), even after a list.
    static let verbFollowers = Set("着待候到了一会我你他她咱上下".unicodeScalars)

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] {
        let text = article.bodyScalars
        var out: [Diagnosis] = []
        var cursor = 0
        for start in Marks.of(article)[.dot] where start >= cursor && text.scalars[start] == "…" {
            let end = text.runEnd(from: start) { $0 == "…" }
            cursor = end
            guard text[safe: end] == "等", listsBefore(text, start) else { continue }
            let dengEnd = text[safe: end + 1] == "等" ? end + 2 : end + 1
            if let n = text[safe: dengEnd], Self.verbFollowers.contains(n) { continue }
            let word = dengEnd - end == 2 ? "等等" : "等"
            // Before a noun (`……等领域`) dropping 等 is certainly right; before a mark the sentence may want rewording.
            let certain = text[safe: dengEnd].map(CJK.isHan) == true
            out.append(Diagnosis(text.range(end, dengEnd), Message("省略号后不再用“\(word)”", en: "no “\(word)” after an ellipsis"),
                                 replacement: "", certain: certain))
        }
        return out
    }

    /// An enumeration (a 、) in the clause before the ellipsis: otherwise 等 may be the verb “wait”.
    func listsBefore(_ text: ScalarText, _ start: Int) -> Bool {
        var k = start - 1
        while k >= 0 {
            let s = text.scalars[k]
            if s == "、" { return true }
            if "。！？；\n".unicodeScalars.contains(s) { return false }
            k -= 1
        }
        return false
    }
}
