import GalleyCore

/// `people.yml`: the officials a paper names, their protocol order and their titles over time.
struct PeopleRoster: Sendable {
    struct Title: Sendable {
        let title: String
        let organization: String?
        let from: CivilDate
        let to: CivilDate?

        func isActive(on date: CivilDate) -> Bool { from <= date && (to.map { date <= $0 } ?? true) }
    }

    struct Person: Sendable {
        let name: String
        /// Protocol order: lower comes first; nil when the paper does not rank the person.
        let rank: Int?
        let titles: [Title]
        let line: Int

        func activeTitles(on date: CivilDate) -> [Title] { titles.filter { $0.isActive(on: date) } }
    }

    static let file = "people.yml"
    let people: [Person]
    /// Every title string a person of the roster holds or held.
    let rosterTitles: Set<String>
    let names: AhoCorasick

    init(people: [Person]) {
        self.people = people
        rosterTitles = Set(people.flatMap { $0.titles.map(\.title) })
        names = AhoCorasick(patterns: people.map { Array($0.name.unicodeScalars) })
    }

    /// The roster of the newsroom, or the reason there is none.
    static func load(_ resources: NewsroomResources?) -> Result<PeopleRoster, Problem> {
        guard let resources, let text = resources.file(file) else { return .failure(.missing) }
        return resources.shared("people.roster") { cache.value(for: text) { parse(resources.yaml(file) ?? .success(nil)) } }
    }

    static let cache = ResultCache<Result<PeopleRoster, Problem>>()

    static func parse(_ parsed: Result<YAMLNode?, YAMLError>) -> Result<PeopleRoster, Problem> {
        let root: YAMLNode?
        switch parsed {
        case .failure(let e): return .failure(.invalid("\(file):\(e.line): not valid YAML: \(e.message)"))
        case .success(let node): root = node
        }
        guard let list = root?["people"]?.items else {
            return .failure(.invalid("\(file):\(root?.line ?? 1): expected a top-level 'people:' list"))
        }
        var people: [Person] = []
        var seen: [String: Int] = [:]
        for item in list {
            func bad(_ line: Int, _ text: String) -> Result<PeopleRoster, Problem> { .failure(.invalid("\(file):\(line): \(text)")) }
            guard let name = item["name"]?.string, !name.isEmpty else { return bad(item.line, "an entry of people needs a 'name'") }
            guard name.unicodeScalars.count >= 2, name.unicodeScalars.allSatisfy(CJK.isHan) || name.contains("·") else {
                return bad(item["name"]!.line, "'\(name)' is not a name in Chinese characters")
            }
            if let first = seen[name] { return bad(item.line, "duplicate name '\(name)' (first at line \(first))") }
            seen[name] = item.line
            var rank: Int?
            if let r = item["rank"] {
                guard let s = r.string, let n = Int(s), n >= 0 else { return bad(r.line, "the rank of '\(name)' must be a whole number (lower comes first)") }
                rank = n
            }
            var titles: [Title] = []
            if let t = item["titles"] {
                guard let entries = t.items else { return bad(t.line, "the titles of '\(name)' must be a list of {title, organization, from, to}") }
                for entry in entries {
                    guard let title = entry["title"]?.string, !title.isEmpty else { return bad(entry.line, "a title of '\(name)' needs 'title'") }
                    guard let fromText = entry["from"]?.string, let from = CivilDate(iso: fromText) else {
                        return bad(entry.line, "the title '\(title)' of '\(name)' needs 'from' as a date YYYY-MM-DD")
                    }
                    var to: CivilDate?
                    if let toText = entry["to"]?.string, !["", "null", "~"].contains(toText) {
                        guard let d = CivilDate(iso: toText) else { return bad(entry.line, "'to' of the title '\(title)' of '\(name)' is not a date YYYY-MM-DD (or null)") }
                        guard from <= d else { return bad(entry.line, "the title '\(title)' of '\(name)' ends (\(d.iso)) before it starts (\(from.iso))") }
                        to = d
                    }
                    let organization = entry["organization"]?.string.flatMap { $0.isEmpty || $0 == "null" ? nil : $0 }
                    titles.append(Title(title: title, organization: organization, from: from, to: to))
                }
            }
            people.append(Person(name: name, rank: rank, titles: titles, line: item.line))
        }
        return .success(PeopleRoster(people: people))
    }

    /// Why the people rules cannot run.
    enum Problem: Error, Sendable {
        case missing
        case invalid(String)

        var message: String {
            switch self {
            case .missing: return "no people.yml in the newsroom: the people rules (people.*) are off"
            case .invalid(let m): return m
            }
        }
    }
}
