import GalleyCore

/// A number at the end of a line whose unit starts the next line of the same paragraph
/// (`12⏎月18日`, `480⏎余万元`): the break shows as a space wherever the text is reflowed.
struct SplitNumberRule: CorrectableRule {
    static let description = RuleDescription(
        id: "typography.split-number",
        summary: Message("数字与单位被换行拆开", en: "A number split from its unit by a line break"),
        severity: .warning,
        scope: .paragraph,
        triggering: [
            Example("本报讯（记者付凯明）⟪12\n月⟫18日，专家现场考察。"),
            Example("实现销售收入⟪480\n余⟫万元。"),
            Example("就业岗位⟪100 \n余⟫个。"),
        ],
        nonTriggering: [
            Example("12月18日，专家现场考察。"),
            Example("全年共计\n1200吨。"),
            Example("名单如下：\n\n1\n\n第一项。"),
            Example("版本 2.1\nbeta 发布。"),
        ],
        corrections: [
            Example("付凯明）12\n月18日", "付凯明）12月18日"),
        ])

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] {
        let text = article.bodyScalars
        var out: [Diagnosis] = []
        for i in Marks.of(article)[.lineFeed] {
            // The line before ends in a digit, after optional spaces.
            var before = i - 1
            if before >= 0, text.scalars[before] == "\r" { before -= 1 }
            while before >= 0, SpacingScan.isSpace(text.scalars[before]) { before -= 1 }
            guard before >= 0, text.scalars[before].isASCIIDigit || text.scalars[before] == "‰",
                  SpacingClass.of(text, before) == .digit, text.scalars[before] != "%" else { continue }
            var after = i + 1
            while after < text.count, SpacingScan.isSpace(text.scalars[after]) || text.scalars[after] == "\u{3000}" { after += 1 }
            // The next line starts with a Han character: the same paragraph goes on with the unit.
            guard after < text.count, CJK.isHan(text.scalars[after]) else { continue }
            var start = before
            while start > 0, SpacingClass.of(text, start - 1) == .digit || text.scalars[start - 1] == "." { start -= 1 }
            out.append(.fix(text.range(start, after + 1), Message("数字与单位被换行拆开", en: "the number is split from its unit by a line break"),
                            with: text.string(of: [start..<(before + 1), after..<(after + 1)])))
        }
        return out
    }
}
