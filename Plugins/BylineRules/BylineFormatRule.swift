import GalleyCore

/// Full-width brackets, `、` between names of one role, one space between roles, no space between role
/// and name in brackets, and staff before 通讯员 before 实习生.
struct BylineFormatRule: CorrectableRule {
    static let description = RuleDescription(
        id: "byline.format",
        summary: Message("署名格式：全角括号、顿号、空格与角色顺序", en: "Byline form: full-width brackets, separators, role order"),
        severity: .warning,
        options: [OptionSpec("role-order", default: .bool(true), "staff before 通讯员 before 实习生")],
        readsBodyStart: true,
        triggering: [
            Example(article("news", "本报北京11月26日电⟪(⟫记者赵明远）推介会举行。"), message: "括号应为全角“（”"),
            Example(article("news", "本报讯（记者陈立峰⟪，⟫周雅琴）调度会召开。")),
            Example(article("news", "本报讯（⟪通讯员⟫邵红梅 记者林晓岚）图书馆延时开放。")),
            Example(article("news", "本报讯（记者⟪ ⟫陈立峰）调度会召开。")),
            Example(article("news", "本报讯（记者陈立峰⟪  ⟫通讯员梁志诚）调度会召开。")),
        ],
        nonTriggering: [
            Example(article("news", "本报讯（记者陈立峰 通讯员梁志诚）调度会召开。")),
            Example(article("news", "本报讯（记者郭树勋、付凯明）会议召开。")),
            Example(article("feature", "本报记者 林晓岚 实习生 许可欣\n\n他说。")),
            Example(article("news", "本报讯（通讯员邵红梅 记者林晓岚）图书馆延时开放。"), options: ["role-order": .bool(false)]),
        ],
        corrections: [
            Example(article("news", "本报北京11月26日电(记者赵明远）推介会举行。"), article("news", "本报北京11月26日电（记者赵明远）推介会举行。")),
            Example(article("news", "本报讯（记者陈立峰，周雅琴）调度会召开。"), article("news", "本报讯（记者陈立峰、周雅琴）调度会召开。")),
            Example(article("news", "本报讯（记者 陈立峰）调度会召开。"), article("news", "本报讯（记者陈立峰）调度会召开。")),
        ])

    let roleOrder: Bool
    init(options: RuleOptions) { roleOrder = options.bool("role-order") }

    static func rank(_ role: String) -> Int { role == "实习生" ? 2 : role == "通讯员" ? 1 : 0 }

    func check(_ article: ArticleContext) -> [Diagnosis] {
        guard let b = PrintedByline.parse(article) else { return [] }
        var out: [Diagnosis] = []
        if let (c, r) = b.open, c != "（" {
            out.append(.fix(r, Message("括号应为全角“（”", en: "use the full-width bracket （"), with: "（"))
        }
        if let (c, r) = b.close, c != "）" {
            out.append(.fix(r, Message("括号应为全角“）”", en: "use the full-width bracket ）"), with: "）"))
        }
        for (r, expected) in b.badSeparators {
            if expected == "、" {
                out.append(.fix(r, Message("同一角色的多个姓名之间用顿号“、”", en: "join names of one role with 、"), with: "、"))
            } else {
                out.append(.fix(r, Message("不同角色之间空一格", en: "separate roles with one space"), with: " "))
            }
        }
        for r in b.spacesAfterRole where !r.isEmpty {
            out.append(.fix(r, Message("括号内角色与姓名之间不空格", en: "no space between role and name inside the brackets"), with: ""))
        }
        if b.kind == .standalone {
            for r in b.spacesAfterRole where r.isEmpty {
                out.append(.fix(r, Message("单独署名行中角色与姓名之间空一格", en: "one space between role and name on a byline line"), with: " "))
            }
        }
        for r in b.unknownParts {
            out.append(Diagnosis(r, Message("无法识别的署名角色，可用：\(PrintedByline.roles.joined(separator: "、"))", en: "unknown byline role")))
        }
        if roleOrder {
            // Report the first credit that comes too early: the one before a lower-ranked role.
            var seenHigher: PrintedByline.Credit?
            for c in b.credits {
                if let h = seenHigher, Self.rank(c.role) < Self.rank(h.role) {
                    out.append(Diagnosis(h.roleRange, Message("署名顺序应为本报采编人员在前，通讯员、实习生在后", en: "staff come before 通讯员 and 实习生")))
                    break
                }
                if Self.rank(c.role) > 0, seenHigher.map({ Self.rank(c.role) > Self.rank($0.role) }) ?? true { seenHigher = c }
            }
        }
        return out
    }
}
