import GalleyCore

/// A list of officials (甲、乙、丙) not in the protocol order of people.yml.
struct OrderRule: ArticleRule {
    static let description = RuleDescription(
        id: "people.order",
        summary: Message("领导同志并列时按 people.yml 的排序（rank）", en: "Officials listed together follow the protocol order (rank)"),
        severity: .warning, needs: [.frontMatter, .repository],
        triggering: [
            Example(article("市领导⟪罗振华、钟卫国、魏东升⟫出席开工仪式。"), message: "领导同志排序应为：钟卫国、罗振华、魏东升（people.yml 的 rank）", files: exampleRoster),
            Example(article("⟪副市长魏东升、市委书记钟卫国⟫出席。"), files: exampleRoster),
        ],
        nonTriggering: [
            Example(article("市领导钟卫国、罗振华、魏东升出席开工仪式。"), files: exampleRoster),
            // Separate sentences are not one list.
            Example(article("魏东升出席。钟卫国讲话。"), files: exampleRoster),
            // Names joined by 和 or ，are not an enumeration the rule reads.
            Example(article("副市长魏东升，市委书记钟卫国出席。"), files: exampleRoster),
            Example(article("市领导罗振\n华、魏东升出席。"), files: exampleRoster),
        ])

    init(options: RuleOptions) {}

    func check(_ article: ArticleContext) -> [Diagnosis] {
        guard let scan = PeopleScan.of(article) else { return [] }
        var out: [Diagnosis] = []
        for segment in scan.segments {
            let ms = segment.mentions
            var i = 0
            while i < ms.count {
                var j = i
                // A list goes on while only 、 (and the next person's titles) stands between two names.
                while j + 1 < ms.count, ms[j].end < segment.text.count, segment.text.scalars[ms[j].end] == "、",
                      ms[j].end + 1 == ms[j + 1].leftEdge {
                    j += 1
                }
                if j > i, let d = diagnosis(Array(ms[i...j]), scan, segment.text) { out.append(d) }
                i = j + 1
            }
        }
        return out
    }

    func diagnosis(_ list: [Mention], _ scan: PeopleScan, _ text: CompactText) -> Diagnosis? {
        let people = list.map { scan.roster.people[$0.person] }
        let ranked = people.compactMap(\.rank)
        guard ranked.count >= 2, zip(ranked, ranked.dropFirst()).contains(where: { $0 > $1 }) else { return nil }
        let order = people.enumerated().sorted { a, b in
            switch (a.element.rank, b.element.rank) {
            case (let x?, let y?) where x != y: return x < y
            default: return a.offset < b.offset
            }
        }.map(\.element.name)
        let plain = list.allSatisfy { $0.titles.isEmpty }
        return Diagnosis(text.range(list[0].leftEdge, list[list.count - 1].end),
                         Message("领导同志排序应为：\(order.joined(separator: "、"))（people.yml 的 rank）",
                                 en: "protocol order: \(order.joined(separator: ", ")) (rank in people.yml)"),
                         replacement: plain ? order.joined(separator: "、") : nil)
    }
}
