import GalleyCore

/// Within one issue, one kind of 电头 is written one way, and nobody is credited under two roles.
struct IssueConsistencyRule: CollectingRule {
    static let description = RuleDescription(
        id: "byline.issue-consistency",
        summary: Message("同一期报纸中电头写法一致，同一人不以两种身份署名", en: "One issue writes each dateline form one way; one role per person"),
        severity: .warning, needs: [.frontMatter], readsBodyStart: true,
        triggering: [
            Example(article("news", "本报讯（⟪通讯员⟫陈立峰）调度会召开。"),
                    otherArticles: [article("news", "本报讯（记者陈立峰）供暖启动。"), article("news", "本报讯（记者陈立峰）项目开工。")]),
            Example(article("news", "⟪本报北京11月26日电⟫(记者赵明远)推介会举行。"),
                    otherArticles: [article("news", "本报上海11月26日电（记者孙嘉禾）展会开幕。"), article("news", "本报广州11月25日电（记者何雨桐）签约。")]),
        ],
        nonTriggering: [
            Example(article("news", "本报讯（记者陈立峰）调度会召开。"), otherArticles: [article("news", "本报讯（记者陈立峰）供暖启动。")]),
            Example(article("news", "本报讯（通讯员梁志诚）调度会召开。"), otherArticles: [article("news", "本报讯（记者陈立峰 通讯员梁志诚）供暖启动。")]),
        ])

    init(options: RuleOptions) {}

    /// The way a byline is written, with place, date and names abstracted: `本报<地>X月X日电（记者X）`.
    static func shape(_ b: PrintedByline) -> String {
        let open = b.open.map { String($0.0) } ?? ""
        let close = b.close.map { String($0.0) } ?? ""
        return b.kind.rawValue + (b.abridged ? "+据" : "") + open + close
    }

    func check(issue articles: [ArticleContext]) -> [(article: Int, diagnosis: Diagnosis)] {
        var out: [(Int, Diagnosis)] = []
        let bylines = articles.map(PrintedByline.parse)
        // Same person, two roles: flag the credits using the less common role.
        var roles: [String: [String: [(Int, PrintedByline.Credit)]]] = [:]
        for (i, b) in bylines.enumerated() {
            for c in b?.credits ?? [] { roles[c.name, default: [:]][CreditsMatchRule.normalized(c.role), default: []].append((i, c)) }
        }
        for (name, byRole) in roles where byRole.count > 1 {
            let major = byRole.max { $0.value.count < $1.value.count }!.key
            for (role, uses) in byRole where role != major {
                for (i, c) in uses {
                    out.append((i, Diagnosis(c.roleRange, Message("同一期中“\(name)”既署“\(role)”又署“\(major)”", en: "'\(name)' is credited as both \(role) and \(major) in this issue"))))
                }
            }
        }
        // One 电头 kind written two ways (brackets): flag the minority.
        var shapes: [PrintedByline.Kind: [String: [Int]]] = [:]
        for (i, b) in bylines.enumerated() {
            guard let b, b.open != nil else { continue }
            shapes[b.kind, default: [:]][Self.shape(b), default: []].append(i)
        }
        for (_, byShape) in shapes where byShape.count > 1 {
            let major = byShape.max { $0.value.count < $1.value.count }!.key
            for (shape, uses) in byShape where shape != major {
                for i in uses {
                    out.append((i, Diagnosis(bylines[i]!.datelineRange, Message("同一期中此类电头写法不一致（\(shape.hasSuffix("()") ? "半角括号" : "括号不同")）",
                                                                                en: "this dateline form is written differently elsewhere in the issue"))))
                }
            }
        }
        return out
    }
}
