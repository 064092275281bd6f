import GalleyCore

/// 人名与职务: officials of `people.yml` against what the paper prints: titles held on the issue date,
/// names, protocol order, first mentions and one way of writing a title per issue.
public let peoplePlugin = PluginFamily(
    id: "people", version: "1",
    summary: Message("领导人名、职务与排序（people.yml）", en: "Officials' names, titles and protocol order (people.yml)"),
    rules: [
        TitleRule.self,
        NameRule.self,
        OrderRule.self,
        FirstMentionRule.self,
        TitleConsistencyRule.self,
    ],
    resourcePaths: [PeopleRoster.file],
    checkResources: { resources in
        switch PeopleRoster.load(resources) {
        case .success: return []
        case .failure(.missing): return [.warning(PeopleRoster.Problem.missing.message)]
        case .failure(let p): return [.error(p.message)]
        }
    })

/// The roster of the rules' examples (a few officials of the sample city).
let exampleRoster = [PeopleRoster.file: """
    people:
      - name: 钟卫国
        rank: 1
        titles:
          - {title: 市委书记, organization: 滨江市, from: 2023-01-01, to: null}
      - name: 罗振华
        rank: 2
        titles:
          - {title: 市委副书记, organization: 滨江市, from: 2022-02-01, to: null}
          - {title: 市长, organization: 滨江市, from: 2022-03-01, to: null}
      - name: 谢文斌
        rank: 4
        titles:
          - {title: 副市长, organization: 滨江市, from: 2021-06-01, to: 2025-12-31}
          - {title: 常务副市长, organization: 滨江市, from: 2026-01-01, to: null}
      - name: 魏东升
        rank: 5
        titles:
          - {title: 副市长, organization: 滨江市, from: 2022-05-01, to: null}
      - name: 田建平
        rank: 7
        titles:
          - {title: 高新区党工委书记, organization: 滨江高新区, from: 2024-01-01, to: null}
      - name: 韦俊杰
        rank: 8
        titles:
          - {title: 高新区管委会主任, organization: 滨江高新区, from: 2025-03-01, to: null}
    """]

/// An article file of the given issue date for examples.
func article(_ body: String, issue: String = "2026-11-27", headline: String = "标题", id: String = "x") -> String {
    "---\nid: \(id)\nissue: \(issue)\npage: A1\nsection: 要闻\ngenre: news\nstatus: draft\nheadline: \(headline)\n---\n\(body)\n"
}

extension PeopleRoster.Person {
    /// The titles held on `date`, joined for messages: 市委副书记、市长.
    func titlesText(on date: CivilDate) -> String { activeTitles(on: date).map(\.title).joined(separator: "、") }
}
