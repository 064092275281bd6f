import GalleyCore

/// A segment of an article (the body, or a headline field) read without the spaces a PDF column leaves
/// and without the line breaks of a wrapped paragraph, with a map back to the text.
struct CompactText: Sendable {
    let scalars: [Unicode.Scalar]
    /// The position of each compact scalar in `source`; nil when nothing was left out (the usual
    /// typed article), so the scalars are the source's own.
    let positions: [Int]?
    let source: ScalarText

    init(_ source: ScalarText) {
        self.source = source
        let s = source.scalars
        func leftOut(_ i: Int) -> Bool {
            let c = s[i]
            if c == " " || c == "\u{3000}" || c == "\t" || c == "\r" { return true }
            return c == "\n" && i > 0 && i + 1 < s.count && s[i - 1] != "\n" && s[i + 1] != "\n"
        }
        // Only the non-Han scalars can be left out.
        guard source.nonHan.contains(where: leftOut) else {
            scalars = s
            positions = nil
            return
        }
        var scalars: [Unicode.Scalar] = []
        var positions: [Int] = []
        scalars.reserveCapacity(s.count)
        positions.reserveCapacity(s.count)
        for i in s.indices where !leftOut(i) {
            scalars.append(s[i])
            positions.append(i)
        }
        self.scalars = scalars
        self.positions = positions
    }

    var count: Int { scalars.count }

    /// The position in `source` of compact scalar `i`.
    func position(_ i: Int) -> Int { positions?[i] ?? i }

    /// The source range of compact scalars `lo..<hi`.
    func range(_ lo: Int, _ hi: Int) -> Range<String.Index> { source.range(position(lo), position(hi - 1) + 1) }

    func text(_ lo: Int, _ hi: Int) -> String {
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars[lo..<hi])
        return s
    }

    /// Whether the compact text ending at `end` ends with `word`.
    func ends(with word: [Unicode.Scalar], at end: Int) -> Bool {
        end >= word.count && scalars[(end - word.count)..<end].elementsEqual(word)
    }

    func isHan(_ i: Int) -> Bool { i >= 0 && i < count && CJK.isHan(scalars[i]) }
}

/// A title written before a name, and what it is for the person named.
struct WrittenTitle: Sendable {
    enum Kind: Sendable {
        /// One of the person's titles in people.yml, written in full or without its organization part.
        case own(PeopleRoster.Title, full: Bool)
        /// A title the person does not hold (another official's, or a common title).
        case other(String, isRosterTitle: Bool)
    }

    let kind: Kind
    let start: Int
    let end: Int
    let text: String
}

/// One occurrence of a roster name, with the titles written before it.
struct Mention: Sendable {
    let person: Int
    let start: Int
    let end: Int
    /// The title chain before the name, nearest last: `市委副书记、市长罗振华` gives [市委副书记, 市长].
    let titles: [WrittenTitle]
    /// 原、前、时任、曾任 before the titles: the title is a past one.
    let past: Bool
    /// Right after `、`, in a list that goes on from an earlier name.
    let afterEnumerationComma: Bool
    /// After a group label such as 市领导 or 区领导.
    let afterGroupLabel: Bool

    /// Where the mention begins, titles included.
    var leftEdge: Int { titles.first?.start ?? start }
}

/// Roster names and their titles in one text segment.
struct MentionScanner {
    let roster: PeopleRoster
    let date: CivilDate

    /// Common titles of Chinese officials: a roster name after one of these that the person does not
    /// hold has a wrong title. Posts often held alongside others (常委, 委员) are not here.
    static let commonTitles: [String] = [
        "书记", "副书记", "常务副书记", "市长", "副市长", "常务副市长", "区长", "副区长", "常务副区长", "县长", "副县长",
        "常务副县长", "省长", "副省长", "常务副省长", "州长", "副州长", "镇长", "副镇长", "乡长", "副乡长", "主任", "副主任",
        "局长", "副局长", "主席", "副主席", "部长", "副部长", "厅长", "副厅长", "秘书长", "副秘书长", "院长", "副院长",
        "检察长", "处长", "副处长", "党委书记", "党组书记", "市委书记", "市委副书记", "区委书记", "区委副书记", "县委书记",
        "县委副书记", "省委书记", "省委副书记", "党工委书记", "党工委副书记", "管委会主任", "管委会副主任",
        "人大常委会主任", "人大常委会副主任", "政协主席", "政协副主席",
    ]
    /// A title may drop a leading organization part that ends with one of these (高新区|党工委书记).
    static let organizationEnds = Set("区市县省州盟旗镇乡局委部院会厅办处司所站社组团厂校园".unicodeScalars)
    static let pastMarkers = ["时任", "曾任", "原任", "原", "前"]

    /// Forms of a title: in full, then without each leading organization part.
    static func forms(of title: String) -> [(form: [Unicode.Scalar], full: Bool)] {
        let s = Array(title.unicodeScalars)
        var out: [([Unicode.Scalar], Bool)] = [(s, true)]
        for cut in stride(from: 1, through: s.count - 2, by: 1) where organizationEnds.contains(s[cut - 1]) {
            out.append((Array(s[cut...]), false))
        }
        return out
    }

    /// Every roster-name occurrence, leftmost-longest where two overlap, with its titles.
    func mentions(in text: CompactText) -> [Mention] {
        var found: [AhoCorasick.Match] = []
        roster.names.scan(text.scalars) { found.append($0) }
        found.sort { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        var out: [Mention] = []
        var reach = 0
        for m in found where m.start >= reach {
            reach = m.end
            out.append(mention(m, in: text))
        }
        return out
    }

    func mention(_ m: AhoCorasick.Match, in text: CompactText) -> Mention {
        let person = roster.people[m.pattern]
        var titles: [WrittenTitle] = []
        var edge = m.start
        if let t = title(endingAt: edge, for: person, in: text) {
            titles.append(t)
            edge = t.start
            // A chain of titles joined by 、: 党工委副书记、管委会主任宫卫红.
            while titles.count < 4, edge > 0, text.scalars[edge - 1] == "、",
                  let t = title(endingAt: edge - 1, for: person, in: text), t.end - t.start >= 2 {
                titles.insert(t, at: 0)
                edge = t.start
            }
        }
        let past = Self.pastMarkers.contains { text.ends(with: Array($0.unicodeScalars), at: edge) }
        let afterComma = titles.isEmpty && m.start > 0 && text.scalars[m.start - 1] == "、"
        let label = titles.isEmpty && m.start >= 2 && text.scalars[m.start - 2] == "领" && text.scalars[m.start - 1] == "导"
        return Mention(person: m.pattern, start: m.start, end: m.end, titles: titles, past: past,
                       afterEnumerationComma: afterComma, afterGroupLabel: label)
    }

    /// The title ending at `end`: the longest of the person's own forms, unless a longer title they do not
    /// hold ends there.
    func title(endingAt end: Int, for person: PeopleRoster.Person, in text: CompactText) -> WrittenTitle? {
        var own: (PeopleRoster.Title, Int, Bool)?
        for t in person.titles {
            for (form, full) in Self.forms(of: t.title) where text.ends(with: form, at: end) {
                // Prefer the longer form, then a title active on the issue date.
                if let o = own, o.1 > form.count || (o.1 == form.count && (o.0.isActive(on: date) || !t.isActive(on: date))) { continue }
                own = (t, form.count, full)
            }
        }
        var other: (String, Bool)?
        let ownForms = Set(person.titles.flatMap { Self.forms(of: $0.title).map { String(String.UnicodeScalarView($0.form)) } })
        for candidate in roster.rosterTitles.map({ ($0, true) }) + Self.commonTitles.map({ ($0, false) }) where !ownForms.contains(candidate.0) {
            let form = Array(candidate.0.unicodeScalars)
            guard text.ends(with: form, at: end) else { continue }
            if let o = other, o.0.unicodeScalars.count >= form.count { continue }
            other = candidate
        }
        let ownLength = own?.1 ?? 0
        let otherLength = other?.0.unicodeScalars.count ?? 0
        if let own, ownLength >= otherLength {
            return WrittenTitle(kind: .own(own.0, full: own.2), start: end - ownLength, end: end, text: text.text(end - ownLength, end))
        }
        if let other {
            // A roster title is evidence enough; a common title only right before the name.
            return WrittenTitle(kind: .other(other.0, isRosterTitle: other.1), start: end - otherLength, end: end, text: other.0)
        }
        return nil
    }

}

/// The roster, the issue date and each segment's mentions of one article, shared by the people rules.
struct PeopleScan: Sendable {
    let roster: PeopleRoster
    let date: CivilDate
    /// Headline segments first, the body last.
    let segments: [(text: CompactText, mentions: [Mention], isBody: Bool)]

    static func of(_ article: ArticleContext) -> PeopleScan? {
        // Wrapped: the shared memo cannot hold an optional (a stored nil reads back as "not made yet").
        article.shared("people.scan") { Made(scan: make(article)) }.scan
    }

    struct Made: Sendable { let scan: PeopleScan? }

    /// The headline fields' segments, then the body's (shared with `bodyOf`).
    static func make(_ article: ArticleContext) -> PeopleScan? {
        guard let body = bodyOf(article) else { return nil }
        let scanner = MentionScanner(roster: body.roster, date: body.date)
        let headlines = article.headlineFields.map { CompactText(ScalarText($0.text)) }
        return PeopleScan(roster: body.roster, date: body.date,
                          segments: headlines.map { ($0, scanner.mentions(in: $0), false) } + [(body.text, body.mentions, true)])
    }

    var body: (text: CompactText, mentions: [Mention]) {
        let last = segments[segments.count - 1]
        return (last.text, last.mentions)
    }

    /// The body's mentions alone. The issue-level rule reads nothing else of the other articles of an
    /// issue, so it does not build their headline segments; a whole scan builds on it.
    struct Body: Sendable {
        let roster: PeopleRoster
        let date: CivilDate
        let text: CompactText
        let mentions: [Mention]
    }

    static func bodyOf(_ article: ArticleContext) -> Body? {
        article.shared("people.scan.body") { MadeBody(body: makeBody(article)) }.body
    }

    struct MadeBody: Sendable { let body: Body? }

    static func makeBody(_ article: ArticleContext) -> Body? {
        guard let date = article.frontMatter?.issue, case .success(let roster) = PeopleRoster.load(article.resources),
              !roster.people.isEmpty
        else { return nil }
        let text = CompactText(article.bodyScalars)
        return Body(roster: roster, date: date, text: text, mentions: MentionScanner(roster: roster, date: date).mentions(in: text))
    }
}

