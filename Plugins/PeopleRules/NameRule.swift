import GalleyCore

/// A name one character off an official of people.yml, right after a title that official holds.
struct NameRule: ArticleRule {
    static let description = RuleDescription(
        id: "people.name",
        summary: Message("职务后的人名与 people.yml 中任该职者差一字", en: "A name after a title is one character off the official holding it"),
        severity: .warning, needs: [.frontMatter, .repository],
        triggering: [
            Example(article("市长⟪罗振化⟫出席开工仪式。"), message: "“罗振化”与 people.yml 中的“罗振华”（市长）只差一字", files: exampleRoster),
            Example(article("高新区党工委书记⟪田健平⟫，区领导出席。"), files: exampleRoster),
        ],
        nonTriggering: [
            Example(article("市长罗振华出席开工仪式。"), files: exampleRoster),
            // A longer name that only starts like one (田建华 is not 田建平, and 田建华明 is a different person).
            Example(article("高新区党工委书记田建华明出席。"), files: exampleRoster),
            // Another official rightly named after a title someone else holds.
            Example(article("副市长邓美华出席。"), files: exampleRoster),
            // Two characters off: not a slip of one character.
            Example(article("市长罗建国出席。"), files: exampleRoster),
        ])

    /// After a name: a mark, or a character that usually starts the next word (出席, 主持, 表示…).
    static let nextWordStarts = Set("在出主表指强说一等到来参讲要介调会和与及带同代对为向也还就先分率陪看走听察慰深实前赴是的认希提作，".unicodeScalars)

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] {
        guard let scan = PeopleScan.of(article) else { return [] }
        let scanner = MentionScanner(roster: scan.roster, date: scan.date)
        let names = Set(scan.roster.people.map(\.name))
        var out: [Diagnosis] = []
        for segment in scan.segments {
            let text = segment.text
            var reported: Set<Int> = []
            for person in scan.roster.people {
                let name = Array(person.name.unicodeScalars)
                for title in person.activeTitles(on: scan.date) {
                    for (form, _) in MentionScanner.forms(of: title.title) {
                        var end = form.count
                        while end + name.count <= text.count {
                            defer { end += 1 }
                            guard text.ends(with: form, at: end), !reported.contains(end) else { continue }
                            let window = Array(text.scalars[end..<(end + name.count)])
                            guard window != name, window.allSatisfy(CJK.isHan),
                                  zip(window, name).filter({ $0 != $1 }).count == 1,
                                  !names.contains(String(String.UnicodeScalarView(window))) else { continue }
                            let after = end + name.count
                            guard after == text.count || !text.isHan(after) || Self.nextWordStarts.contains(text.scalars[after]) else { continue }
                            // The title written there is this one, not a longer one that ends the same way (副市长 vs 市长).
                            guard let written = scanner.title(endingAt: end, for: person, in: text), case .own = written.kind,
                                  written.end - written.start == form.count else { continue }
                            reported.insert(end)
                            let wrong = String(String.UnicodeScalarView(window))
                            out.append(Diagnosis(text.range(end, after),
                                                 Message("“\(wrong)”与 people.yml 中的“\(person.name)”（\(title.title)）只差一字",
                                                         en: "“\(wrong)” is one character off “\(person.name)” (\(title.title)) in people.yml"),
                                                 replacement: person.name))
                        }
                    }
                }
            }
        }
        return out
    }
}
