import GalleyCore

/// One issue of the paper writes an official's title one way: 滨江高新区管委会主任 in one article and
/// 高新区管委会主任 in another is flagged where it is the rarer form (报纸编校质量评比差错认定细则第28条:
/// 一份报纸中同一专名的称谓要前后一致).
struct TitleConsistencyRule: CollectingRule {
    static let description = RuleDescription(
        id: "people.title-consistency",
        summary: Message("同一期报纸中同一领导的同一职务写法一致", en: "One issue writes an official's title one way"),
        severity: .warning, needs: [.frontMatter, .repository],
        triggering: [
            Example(article("记者专访了⟪高新区管委会主任⟫韦俊杰。"),
                    message: "同一期中韦俊杰的职务写法不一：此处作“高新区管委会主任”，别的稿件作“滨江高新区管委会主任”",
                    files: exampleRoster,
                    otherArticles: [article("滨江高新区管委会主任韦俊杰介绍。", id: "y"), article("滨江高新区管委会主任韦俊杰出席。", id: "z")]),
            Example(article("⟪管委会主任⟫韦俊杰出席。"), files: exampleRoster,
                    otherArticles: [article("高新区管委会主任韦俊杰介绍。", id: "y"), article("高新区管委会主任韦俊杰出席。", id: "z")]),
        ],
        nonTriggering: [
            Example(article("记者专访了滨江高新区管委会主任韦俊杰。"), files: exampleRoster,
                    otherArticles: [article("滨江高新区管委会主任韦俊杰介绍。", id: "y")]),
            // Within one article a later mention may be shorter; only each article's first titled mention counts.
            Example(article("高新区管委会主任韦俊杰介绍。管委会主任韦俊杰说。"), files: exampleRoster,
                    otherArticles: [article("高新区管委会主任韦俊杰出席。", id: "y")]),
            // Different titles of one person are not different ways of writing one title.
            Example(article("市长罗振华出席。"), files: exampleRoster, otherArticles: [article("市委副书记罗振华讲话。", id: "y")]),
        ])

    init(options: RuleOptions) {}

    /// One article's first written form of a title of a person.
    struct Use {
        let article: Int
        let form: String
        let range: Range<String.Index>
    }

    func check(issue articles: [ArticleContext]) -> [(article: Int, diagnosis: Diagnosis)] {
        var uses: [String: [Use]] = [:]
        var names: [String: (String, String)] = [:]
        for (i, article) in articles.enumerated() {
            guard let scan = PeopleScan.bodyOf(article) else { continue }
            let (text, mentions) = (scan.text, scan.mentions)
            var done: Set<String> = []
            for m in mentions {
                let person = scan.roster.people[m.person]
                for (k, t) in m.titles.enumerated() {
                    guard case .own(let title, _) = t.kind, title.isActive(on: scan.date) else { continue }
                    let key = person.name + "\u{0}" + title.title
                    guard done.insert(key).inserted else { continue }
                    // The organization written before the first title of the chain belongs to the form.
                    let start = k == 0 ? organizationStart(t, title, text) : t.start
                    uses[key, default: []].append(Use(article: i, form: text.text(start, t.end), range: text.range(start, t.end)))
                    names[key] = (person.name, title.title)
                }
            }
        }
        var out: [(Int, Diagnosis)] = []
        for (key, list) in uses.sorted(by: { $0.key < $1.key }) {
            let counts = Dictionary(grouping: list, by: \.form).mapValues(\.count)
            guard counts.count > 1, let (name, _) = names[key] else { continue }
            // The most used form wins; on a tie, the one the issue uses first.
            let major = counts.max { a, b in a.value != b.value ? a.value < b.value : firstUse(a.key, list) > firstUse(b.key, list) }!.key
            for use in list where use.form != major {
                out.append((use.article, Diagnosis(use.range,
                    Message("同一期中\(name)的职务写法不一：此处作“\(use.form)”，别的稿件作“\(major)”",
                            en: "this issue writes \(name)'s title as “\(major)” elsewhere"))))
            }
        }
        return out
    }

    func firstUse(_ form: String, _ list: [Use]) -> Int { list.firstIndex { $0.form == form } ?? Int.max }

    /// Where the written title starts when the person's organization is written before it, whole or
    /// overlapping the title (滨江 + 高新区 of 滨江高新区 before 高新区管委会主任).
    func organizationStart(_ t: WrittenTitle, _ title: PeopleRoster.Title, _ text: CompactText) -> Int {
        guard let org = title.organization.map({ Array($0.unicodeScalars) }), !org.isEmpty else { return t.start }
        let written = Array(text.scalars[t.start..<t.end])
        for overlap in stride(from: min(org.count, written.count), through: 0, by: -1)
        where org.suffix(overlap).elementsEqual(written.prefix(overlap)) {
            let head = Array(org.dropLast(overlap))
            if !head.isEmpty, text.ends(with: head, at: t.start) { return t.start - head.count }
        }
        return t.start
    }
}
