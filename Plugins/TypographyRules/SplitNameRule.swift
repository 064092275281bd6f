import GalleyCore

/// A known name (a credit of the article or a name in `staff.yml`) split by a space in running text
/// (`付凯 明`). The byline itself is the byline plugin's; this rule looks at the rest of the body.
struct SplitNameRule: CorrectableRule {
    static let description = RuleDescription(
        id: "typography.split-name",
        summary: Message("人名被空格拆开", en: "A name split by a space"),
        severity: .warning,
        needs: [.frontMatter],
        scope: .paragraph,
        triggering: [
            Example(article("本报讯（记者付凯明）昨日，记者⟪付凯 明⟫在现场看到。")),
            Example(article("本报讯（记者付凯明）一线采访的⟪郭 树勋⟫说。"), files: ["staff.yml": "staff:\n  - name: 郭树勋\n    roles: [记者]\n"]),
        ],
        nonTriggering: [
            Example(article("本报讯（记者付凯明）昨日，记者付凯明在现场看到。")),
            Example(article("本报讯（记者付凯 明）会议召开。")),
            Example(article("本报记者 付凯明\n\n会议召开。")),
            Example(article("本报讯（记者付凯明）付凯\n明在现场。")),
        ],
        corrections: [
            Example(article("本报讯（记者付凯明）记者付凯 明看到。"), article("本报讯（记者付凯明）记者付凯明看到。")),
        ])

    init(options: RuleOptions) {}

    static let staffFile = "staff.yml"
    static let rosterNames = ResultCache<[String]>()

    /// Credited names and roster names (with aliases) of two to four Han characters.
    static func names(_ article: ArticleContext) -> Set<String> {
        var names = (article.frontMatter?.credits ?? []).map(\.name)
        if let resources = article.resources { names += rosterNameList(resources) }
        return Set(names.filter { (2...4).contains($0.unicodeScalars.count) && $0.unicodeScalars.allSatisfy(CJK.isHan) })
    }

    /// The roster's names and aliases, made once per distinct staff.yml in a process.
    static func rosterNameList(_ resources: NewsroomResources) -> [String] {
        guard let text = resources.file(staffFile) else { return [] }
        return resources.shared("typography.roster-names") {
            rosterNames.value(for: text) {
                guard case .success(let root?)? = resources.yaml(staffFile) else { return [] }
                return (root["staff"]?.items ?? []).flatMap { item in
                    [item["name"]?.string].compactMap { $0 } + (item["aliases"]?.items ?? []).compactMap(\.string)
                }
            }
        }
    }

    func check(_ article: ArticleContext) -> [Diagnosis] {
        let names = Self.names(article).map { ($0, Array($0.unicodeScalars)) }
        guard !names.isEmpty else { return [] }
        let scan = SpacingScan.of(article)
        let text = scan.text
        var out: [Diagnosis] = []
        for gap in scan.gaps where gap.kind == .hanHan && !Self.inByline(text, gap.start) {
            // Try every split of a name across this gap.
            for (name, chars) in names {
                for cut in 1..<chars.count {
                    let lower = gap.start - cut
                    let upper = gap.end + (chars.count - cut)
                    guard lower >= 0, upper <= text.count,
                          Array(text.scalars[lower..<gap.start]) == Array(chars[..<cut]),
                          Array(text.scalars[gap.end..<upper]) == Array(chars[cut...])
                    else { continue }
                    out.append(.fix(text.range(lower, upper), Message("人名“\(name)”被空格拆开", en: "the name \(name) is split by a space"), with: name))
                }
            }
        }
        return out
    }

    /// Inside the byline: the bracket after `讯`/`电` at a paragraph's start, or a standalone
    /// `本报记者 X` line.
    static func inByline(_ text: ScalarText, _ i: Int) -> Bool {
        var lineStart = i
        while lineStart > 0, !SpacingScan.isLineBreak(text.scalars[lineStart - 1]) { lineStart -= 1 }
        let line = text.string(lineStart, i)
        if line.hasPrefix("本报记者") || line.hasPrefix("本报通讯员") || line.hasPrefix("记者") { return true }
        guard let open = line.firstIndex(of: "（"), open > line.startIndex,
              ["讯", "电"].contains(line[line.index(before: open)]), line.distance(from: line.startIndex, to: open) <= 24
        else { return false }
        return !line[open...].contains("）")
    }
}

/// An article file with credits 记者 付凯明, for the examples.
private func article(_ body: String) -> String {
    "---\nid: x\nissue: 2026-11-27\npage: A1\nsection: 要闻\ngenre: news\nstatus: draft\nheadline: 标题\ndateline: 本报讯\ncredits: [{role: 记者, name: 付凯明}]\n---\n\(body)\n"
}
