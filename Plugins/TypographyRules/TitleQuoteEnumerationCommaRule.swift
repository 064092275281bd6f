import GalleyCore

/// Flags a 、 between adjacent titles (`《A》、《B》`) or quotations (`“甲”、“乙”`); GB/T 15834 omits it.
struct TitleQuoteEnumerationCommaRule: CorrectableRule {
    static let description = RuleDescription(
        id: "typography.title-quote-enumeration-comma",
        summary: Message("并列的书名号或引号之间不用顿号", en: "No 、 between adjacent titles or quotations"),
        severity: .warning,
        scope: .paragraph,
        triggering: [
            Example("书展推出《江城旧事》⟪、⟫《滨江百桥》等新书。"),
            Example("提出“早开工”⟪、⟫“快投产”⟪、⟫“稳达效”的目标。"),
            Example("他说：“大家叫它‘城市客厅’⟪、⟫‘市民书房’。”"),
        ],
        nonTriggering: [
            Example("书展推出《江城旧事》《滨江百桥》等新书。"),
            Example("提出“早开工”、快投产的目标。"),
            Example("包括《江城旧事》、“滨江百桥”系列图片展。"),
            Example("参考《滨江年鉴》（2025）、《江城志》两部资料。"),
        ],
        corrections: [
            Example("推出《江城旧事》、《滨江百桥》等", "推出《江城旧事》《滨江百桥》等"),
            Example("提出“早开工”、“快投产”的目标", "提出“早开工”“快投产”的目标"),
        ])

    /// The opening mark of the same kind as closing mark `s`.
    static func opening(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s {
        case "》": return "《"
        case "〉": return "〈"
        case "”": return "“"
        case "’": return "‘"
        default: return nil
        }
    }

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] {
        let text = article.bodyScalars
        var out: [Diagnosis] = []
        for i in Marks.of(article)[.enumerationComma] {
            guard let close = text[safe: i - 1], let open = Self.opening(close), text[safe: i + 1] == open else { continue }
            let kind = open == "《" || open == "〈" ? ("书名号", "titles") : ("引号", "quotations")
            out.append(.fix(text.range(i, i + 1), Message("并列的\(kind.0)之间不用顿号", en: "no 、 between adjacent \(kind.1)"), with: ""))
        }
        return out
    }
}
