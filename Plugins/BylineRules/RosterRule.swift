import GalleyCore

/// Every credited name is in `staff.yml` with that role and active on the issue date.
struct RosterRule: ArticleRule {
    static let description = RuleDescription(
        id: "byline.roster",
        summary: Message("署名人员须在名册中，角色相符且在职", en: "Credited people are on the staff roster with that role"),
        severity: .error, needs: [.frontMatter, .repository], readsBodyStart: true,
        triggering: [
            Example(article("news", "本报讯（记者⟪王海滔⟫）项目开工。", credits: "[{role: 记者, name: 王海滔}]"), message: "“王海滔”不在名册中，是否为“王海涛”？", files: roster),
            Example(article("news", "本报讯（⟪通讯员⟫陈立峰）项目开工。", credits: "[{role: 通讯员, name: 陈立峰}]"), files: roster),
            Example(article("news", "本报讯（记者⟪付凯 明⟫）会议召开。", credits: "[{role: 记者, name: 付凯明}]"), files: roster),
        ],
        nonTriggering: [
            Example(article("news", "本报讯（记者陈立峰）调度会召开。"), files: roster),
            Example(article("news", "本报讯（记者付凯\n明）会议召开。", credits: "[{role: 记者, name: 付凯明}]"), files: roster),
            Example(article("news", "本报讯（记者王海滔）项目开工。", credits: "[{role: 记者, name: 王海滔}]")),
            Example(article("news", "新华社北京11月26日电（记者高晨阳）提醒。", credits: "[{role: 记者, name: 高晨阳}]"), files: roster),
        ])

    /// A roster for the examples.
    static let roster = [StaffRoster.file: "staff:\n  - {name: 王海涛, roles: [记者]}\n  - {name: 陈立峰, roles: [记者]}\n  - {name: 付凯明, roles: [记者]}\n"]

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] {
        // Wire copy credits the agency's reporters, who are not on this paper's roster.
        guard let fm = article.frontMatter, let b = PrintedByline.parse(article), b.kind != .wire else { return [] }
        let roster: StaffRoster
        switch StaffRoster.load(article.resources) {
        case .success(let r): roster = r
        case .failure: return []
        }
        var out: [Diagnosis] = []
        for c in b.credits {
            if c.split, roster.member(c.name) != nil {
                out.append(Diagnosis(c.range, Message("姓名“\(c.name)”被空格拆开", en: "the name '\(c.name)' is split by a space"), replacement: c.name))
                continue
            }
            guard let m = roster.member(c.name) else {
                let near = roster.nearest(c.name)
                let hint = near.isEmpty ? "" : "，是否为“\(near.joined(separator: "”或“"))”？"
                out.append(Diagnosis(c.range, Message("“\(c.name)”不在名册中" + hint, en: "'\(c.name)' is not on the staff roster"),
                                     replacement: near.count == 1 ? near[0] : nil))
                continue
            }
            let role = CreditsMatchRule.normalized(c.role)
            if !m.roles.contains(role) && !(role == "摄影" && m.roles.contains("摄影记者")) {
                out.append(Diagnosis(c.roleRange, Message("名册中“\(m.name)”的角色是\(m.roles.joined(separator: "、"))，不是\(c.role)", en: "'\(m.name)' is \(m.roles.joined(separator: ", ")) on the roster")))
            }
            if let from = m.from, fm.issue < from {
                out.append(Diagnosis(c.range, Message("“\(m.name)”\(from.iso)起才在职", en: "'\(m.name)' starts on \(from.iso)")))
            } else if let to = m.to, to < fm.issue {
                out.append(Diagnosis(c.range, Message("“\(m.name)”已于\(to.iso)离职", en: "'\(m.name)' left on \(to.iso)")))
            }
        }
        return out
    }
}
