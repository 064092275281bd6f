import GalleyCore

/// The printed 电头 and credits agree with the front matter's `dateline` and `credits`: same people,
/// same roles, same order.
struct CreditsMatchRule: ArticleRule {
    static let description = RuleDescription(
        id: "byline.credits-match",
        summary: Message("正文电头、署名与 front matter 的 dateline、credits 一致", en: "Printed byline agrees with dateline and credits"),
        severity: .error, needs: [.frontMatter], readsBodyStart: true,
        triggering: [
            Example(article("news", "本报讯（记者⟪周雅琴⟫）调度会召开。")),
            Example(article("news", "⟪本报讯⟫（记者陈立峰）调度会召开。", dateline: "本报北京11月26日电")),
            Example(article("news", "本报讯（⟪通讯员⟫陈立峰）调度会召开。")),
        ],
        nonTriggering: [
            Example(article("news", "本报讯（记者陈立峰）调度会召开。", dateline: "本报讯")),
            Example(article("feature", "本报记者 陈立峰\n\n他说。")),
            Example(article("news", "本报讯（记者陈立峰、周雅琴）会议召开。", credits: "[{role: 记者, name: 陈立峰}, {role: 记者, name: 周雅琴}]")),
        ])

    init(options: RuleOptions) {}

    /// `本报记者` in the standalone form is the role 记者.
    static func normalized(_ role: String) -> String { role == "本报记者" ? "记者" : role }

    func check(_ article: ArticleContext) -> [Diagnosis] {
        guard let fm = article.frontMatter, let b = PrintedByline.parse(article) else { return [] }
        var out: [Diagnosis] = []
        if let dateline = fm.dateline, !b.dateline.isEmpty, b.kind != .commentator, dateline.trimmingSpaces != b.dateline {
            out.append(Diagnosis(b.datelineRange, Message("电头“\(b.dateline)”与 front matter 的 dateline“\(dateline)”不一致",
                                                          en: "dateline differs from the front matter's '\(dateline)'")))
        }
        let printed = b.credits
        let expected = fm.credits
        for (i, c) in printed.enumerated() {
            guard i < expected.count else {
                out.append(Diagnosis(c.range, Message("署名“\(c.name)”不在 credits 中", en: "'\(c.name)' is not in credits")))
                continue
            }
            let e = expected[i]
            if c.name != e.name {
                out.append(Diagnosis(c.range, Message("第\(i + 1)位署名为“\(c.name)”，credits 中为“\(e.name)”", en: "credit \(i + 1) is '\(e.name)' in the front matter")))
            } else if Self.normalized(c.role) != Self.normalized(e.role) {
                out.append(Diagnosis(c.roleRange, Message("“\(c.name)”的角色为“\(c.role)”，credits 中为“\(e.role)”", en: "role of '\(c.name)' is '\(e.role)' in the front matter")))
            }
        }
        if expected.count > printed.count, !printed.isEmpty {
            let missing = expected[printed.count...].map(\.name).joined(separator: "、")
            out.append(Diagnosis(b.credits.last!.range, Message("credits 中的“\(missing)”没有印在署名里", en: "credits '\(missing)' are not printed")))
        }
        return out
    }
}
