import GalleyCore

/// The first mention of an official in an article gives their title in full; later ones may shorten it.
struct FirstMentionRule: ArticleRule {
    static let description = RuleDescription(
        id: "people.first-mention",
        summary: Message("领导同志在文中首次出现时写全职务，之后可简称", en: "An official's first mention gives the full title"),
        severity: .warning,
        options: [OptionSpec("shorten-later", default: .bool(true), "later mentions may drop or shorten the title; false: every mention gives it in full")],
        needs: [.frontMatter, .repository],
        triggering: [
            Example(article("11月26日，⟪魏东升⟫带队检查供热。副市长魏东升指出……"), message: "魏东升首次出现，应写明职务：副市长魏东升", files: exampleRoster),
            Example(article("开工仪式上，党工委书记⟪田建平⟫讲话。"), message: "田建平首次出现，职务宜写全称：高新区党工委书记", files: exampleRoster),
            Example(article("副市长魏东升带队。随后，⟪魏东升⟫来到热源厂。"), options: ["shorten-later": .bool(false)], files: exampleRoster),
        ],
        nonTriggering: [
            Example(article("副市长魏东升带队检查供热。魏东升指出……"), files: exampleRoster),
            Example(article("高新区党工委书记田建平讲话。党工委书记田建平强调……"), files: exampleRoster),
            // A group label introduces the whole list.
            Example(article("市领导罗振华、钟卫国、魏东升出席。"), files: exampleRoster),
            Example(article("副市长魏东升、邓美华出席。"), files: exampleRoster),
            // Inside a word, not a mention of the name.
            Example(article("大家说魏东升的提议好。"), files: exampleRoster),
        ])

    let shortenLater: Bool
    init(options: RuleOptions) { shortenLater = options.bool("shorten-later") }

    func check(_ article: ArticleContext) -> [Diagnosis] {
        guard let scan = PeopleScan.of(article) else { return [] }
        let (text, mentions) = scan.body
        var out: [Diagnosis] = []
        var seen: Set<Int> = []
        for m in mentions {
            let person = scan.roster.people[m.person]
            // Within a list, the first name's title or label covers the others.
            if m.afterEnumerationComma { continue }
            let current = person.activeTitles(on: scan.date)
            guard !current.isEmpty else { continue }
            let first = seen.insert(m.person).inserted
            guard first || !shortenLater else { continue }
            // A bare name counts as a mention only where a name can start: after a mark, a space or a title.
            guard !m.titles.isEmpty || m.afterGroupLabel || !text.isHan(m.start - 1) else {
                if first { seen.remove(m.person) }
                continue
            }
            if m.titles.isEmpty && !m.afterGroupLabel {
                let full = current.map(\.title).joined(separator: "、")
                out.append(Diagnosis(text.range(m.start, m.end),
                                     Message("\(person.name)\(first ? "首次出现" : "")，应写明职务：\(full)\(person.name)",
                                             en: "give \(person.name)'s title: \(full)"),
                                     replacement: full + person.name))
            } else if let last = m.titles.last, case .own(let title, let isFull) = last.kind, !isFull, title.isActive(on: scan.date) {
                out.append(Diagnosis(text.range(m.start, m.end),
                                     Message("\(person.name)\(first ? "首次出现" : "")，职务宜写全称：\(title.title)",
                                             en: "give \(person.name)'s title in full: \(title.title)")))
            }
        }
        return out
    }
}
