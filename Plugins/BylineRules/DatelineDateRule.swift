import GalleyCore

/// A dated 电头 (`11月26日电`) is not after the issue date and not implausibly old.
struct DatelineDateRule: ArticleRule {
    static let description = RuleDescription(
        id: "byline.dateline-date",
        summary: Message("电头日期不得晚于出版日期，也不宜过旧", en: "Dateline date is not after the issue date nor too old"),
        severity: .error,
        options: [OptionSpec("max-age-days", default: .int(7), "how many days before the issue a dateline may be")],
        needs: [.frontMatter], readsBodyStart: true,
        triggering: [
            Example(article("news", "本报北京⟪11月28日⟫电（记者赵明远）推介会举行。"), message: "电头日期11月28日晚于出版日期2026-11-27"),
            Example(article("news", "新华社北京⟪10月2日⟫电（记者高晨阳）应急管理部提醒。")),
        ],
        nonTriggering: [
            Example(article("news", "本报北京11月26日电（记者赵明远）推介会举行。")),
            Example(article("news", "新华社北京12月30日电（记者高晨阳）提醒。", issue: "2027-01-02")),
            Example(article("news", "新华社北京10月2日电（记者高晨阳）提醒。"), options: ["max-age-days": .int(90)]),
        ])

    let maxAge: Int
    init(options: RuleOptions) { maxAge = options.int("max-age-days") }

    func check(_ article: ArticleContext) -> [Diagnosis] {
        guard let issue = article.frontMatter?.issue, let b = PrintedByline.parse(article), let m = b.month, let d = b.day else { return [] }
        let text = article.source[b.datelineRange]
        guard let start = text.range(of: "\(m)月")?.lowerBound, let end = text.range(of: "\(d)日", range: start..<text.endIndex)?.upperBound else { return [] }
        // The 电头 has no year: the nearest date on or before the issue, else the same year.
        var year = issue.year
        if m > issue.month { year -= 1 }
        guard let date = CivilDate(year: year, month: m, day: d) else {
            return [Diagnosis(start..<end, Message("电头日期\(m)月\(d)日不存在", en: "no such date"))]
        }
        let sameYear = CivilDate(year: issue.year, month: m, day: d)
        if let sameYear, sameYear > issue, sameYear.daysSinceEpoch - issue.daysSinceEpoch < 31 {
            return [Diagnosis(start..<end, Message("电头日期\(m)月\(d)日晚于出版日期\(issue.iso)", en: "dateline is after the issue date \(issue.iso)"))]
        }
        let age = issue.daysSinceEpoch - date.daysSinceEpoch
        if age > maxAge {
            return [Diagnosis(start..<end, Message("电头日期\(m)月\(d)日比出版日期早\(age)天", en: "dateline is \(age) days before the issue"))]
        }
        return []
    }
}
