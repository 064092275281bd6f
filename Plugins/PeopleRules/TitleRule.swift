import GalleyCore

/// An official of people.yml named with a title they do not hold on the issue date.
struct TitleRule: ArticleRule {
    static let description = RuleDescription(
        id: "people.title",
        summary: Message("领导职务须与 people.yml 在出版日期的任职一致", en: "An official's title is one they hold on the issue date"),
        severity: .error, needs: [.frontMatter, .repository],
        triggering: [
            Example(article("11月26日上午，⟪市委副书记⟫魏东升带队检查供热。"), message: "魏东升的职务是副市长（people.yml），不是“市委副书记”", files: exampleRoster),
            Example(article("⟪副市长⟫罗振华出席。"), files: exampleRoster),
            // 谢文斌 left 副市长 on 2025-12-31 and is 常务副市长 from 2026-01-01.
            Example(article("⟪副市长⟫谢文斌主持调度会。"), message: "谢文斌已于2025-12-31卸任副市长，现任常务副市长（people.yml）", files: exampleRoster),
            Example(article("⟪常务副市长⟫谢文斌主持调度会。", issue: "2025-12-15"), files: exampleRoster),
            // Each title of a chain is checked.
            Example(article("⟪市委书记⟫、市长罗振华出席。"), files: exampleRoster),
            Example(article("——访滨江⟪高新区党工委书记⟫韦俊杰"), files: exampleRoster),
        ],
        nonTriggering: [
            Example(article("副市长魏东升带队检查供热。常务副市长谢文斌主持调度会。"), files: exampleRoster),
            Example(article("市委副书记、市长罗振华出席。"), files: exampleRoster),
            Example(article("副市长谢文斌主持调度会。", issue: "2025-12-15"), files: exampleRoster),
            // The organization may be written before the title, or left out.
            Example(article("——访滨江高新区管委会主任韦俊杰"), files: exampleRoster),
            Example(article("党工委书记田建平出席。"), files: exampleRoster),
            // A former title, said to be one.
            Example(article("原副市长谢文斌出席。"), files: exampleRoster),
            // A title wrapped across two lines of a paragraph.
            Example(article("市委副\n书记、市长罗振华出席。"), files: exampleRoster),
            Example(article("市领导罗振华、钟卫国、魏东升出席。"), files: exampleRoster),
            // Without people.yml the rule is silent.
            Example(article("市委副书记魏东升带队。")),
        ])

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] {
        guard let scan = PeopleScan.of(article) else { return [] }
        var out: [Diagnosis] = []
        for segment in scan.segments {
            for m in segment.mentions {
                let person = scan.roster.people[m.person]
                for (k, t) in m.titles.enumerated() {
                    let adjacent = k == m.titles.count - 1
                    guard let message = problem(t, of: person, adjacent: adjacent, past: m.past, on: scan.date) else { continue }
                    let current = person.activeTitles(on: scan.date)
                    let suggestion = adjacent && current.count == 1 && m.titles.count == 1 ? current[0].title : nil
                    out.append(Diagnosis(segment.text.range(t.start, t.end), message, replacement: suggestion))
                }
            }
        }
        return out
    }

    func problem(_ t: WrittenTitle, of person: PeopleRoster.Person, adjacent: Bool, past: Bool, on date: CivilDate) -> Message? {
        let name = person.name
        let current = person.titlesText(on: date)
        switch t.kind {
        case .own(let title, _):
            if title.isActive(on: date) || (past && title.from <= date) { return nil }
            if let to = title.to, to < date {
                let now = current.isEmpty ? "" : "，现任\(current)"
                return Message("\(name)已于\(to.iso)卸任\(title.title)\(now)（people.yml）", en: "\(name) left the post of \(title.title) on \(to.iso)")
            }
            let then = current.isEmpty ? "" : "，出版日期时为\(current)"
            return Message("\(name)\(title.from.iso)起才任\(title.title)\(then)（people.yml）", en: "\(name) holds \(title.title) only from \(title.from.iso)")
        case .other(let written, let isRosterTitle):
            guard adjacent || isRosterTitle else { return nil }
            if current.isEmpty {
                return Message("people.yml 中没有\(name)任“\(written)”的记录", en: "people.yml does not list \(name) as \(written)")
            }
            return Message("\(name)的职务是\(current)（people.yml），不是“\(written)”", en: "\(name) is \(current) (people.yml), not \(written)")
        }
    }
}
