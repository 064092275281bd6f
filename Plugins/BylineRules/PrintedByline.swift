import GalleyCore

/// The byline as printed at the start of an article body: a 电头 with credits in brackets
/// (`本报讯（记者甲、记者乙）`), or a standalone line (`本报记者 甲`, `本报评论员`).
struct PrintedByline {
    enum Kind: String {
        /// 本报讯
        case local
        /// 本报<地名><月>月<日>日电
        case ownDated
        /// 本报<地名>专电
        case ownSpecial
        /// 新华社<地名><月>月<日>日电 (and other agencies)
        case wire
        /// `本报记者 X` on its own line
        case standalone
        /// 本报评论员
        case commentator
    }

    struct Credit {
        var role: String
        var name: String
        /// Where the name is printed (a name split by a space covers both parts).
        var range: Range<String.Index>
        var roleRange: Range<String.Index>
        /// The name was printed in two parts separated by white space.
        var split = false
    }

    var kind: Kind
    /// The 电头 as printed, without the credits (`本报北京11月26日电`, `据新华社北京11月26日电`).
    var dateline: String
    var datelineRange: Range<String.Index>
    var abridged = false
    var place: String?
    var month: Int?
    var day: Int?
    var credits: [Credit] = []
    /// The brackets as printed, when there are any.
    var open: (Character, Range<String.Index>)?
    var close: (Character, Range<String.Index>)?
    /// Separators between names of one role other than `、`, and between roles other than one space.
    var badSeparators: [(Range<String.Index>, String)] = []
    /// A space between a role and its name inside the brackets.
    var spacesAfterRole: [Range<String.Index>] = []
    /// Words inside the brackets that are not an allowed role followed by a name.
    var unknownParts: [Range<String.Index>] = []

    static let roles = ["摄影记者", "特约记者", "见习记者", "本报记者", "记者", "通讯员", "实习生", "编辑", "摄影"]
    static let agencies = ["新华社", "中新社"]

    /// The byline at the start of the body, or nil when none is recognisable.
    /// Everything it reads lies on the first line or in brackets of at most 80 scalars opened there
    /// (one more is looked at past them), so the rest of the body is not converted.
    static func parse(_ article: ArticleContext) -> PrintedByline? {
        let text = article.bodyStartScalars(beyondFirstLine: 82)
        var i = 0
        while i < text.count, isSpace(text.scalars[i]) || text.scalars[i] == "\n" { i += 1 }
        return bracketForm(text, from: i) ?? standaloneForm(text, from: i)
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\u{3000}" || s == "\t" }

    static func matches(_ text: ScalarText, _ word: String, at i: Int) -> Bool {
        var j = i
        for s in word.unicodeScalars {
            guard text[safe: j] == s else { return false }
            j += 1
        }
        return true
    }

    static func string(_ text: ScalarText, _ lo: Int, _ hi: Int) -> String {
        String(String.UnicodeScalarView(text.scalars[lo..<hi]))
    }

    static func digits(_ text: ScalarText, from i: Int) -> (Int, Int)? {
        var j = i
        var v = 0
        while let s = text[safe: j], let d = Int(String(s)), s.isASCII, j - i < 2 {
            v = v * 10 + d
            j += 1
        }
        return j > i ? (v, j) : nil
    }

    static func bracketForm(_ text: ScalarText, from start: Int) -> PrintedByline? {
        var i = start
        var abridged = false
        if matches(text, "据", at: i) {
            abridged = true
            i += 1
        }
        var kind: Kind
        var place: String?
        var month: Int?
        var day: Int?
        if matches(text, "本报讯", at: i) {
            kind = .local
            i += 3
        } else if let agency = (["本报"] + agencies).first(where: { matches(text, $0, at: i) }) {
            i += agency.unicodeScalars.count
            let placeStart = i
            while let s = text[safe: i], CJK.isHan(s), i - placeStart < 8, !matches(text, "专电", at: i) { i += 1 }
            guard i > placeStart else { return nil }
            place = string(text, placeStart, i)
            if matches(text, "专电", at: i) {
                guard agency == "本报" else { return nil }
                kind = .ownSpecial
                i += 2
            } else if let (m, afterMonth) = digits(text, from: i), matches(text, "月", at: afterMonth),
                      let (d, afterDay) = digits(text, from: afterMonth + 1), matches(text, "日电", at: afterDay)
            {
                kind = agency == "本报" ? .ownDated : .wire
                month = m
                day = d
                i = afterDay + 2
            } else {
                return nil
            }
        } else {
            return nil
        }
        var byline = PrintedByline(kind: kind, dateline: string(text, start, i), datelineRange: text.range(start, i), abridged: abridged,
                                   place: place, month: month, day: day)
        // Credits in brackets, right after the 电头 (a space before them is tolerated by this parser).
        var j = i
        while let s = text[safe: j], isSpace(s) { j += 1 }
        guard let o = text[safe: j], o == "（" || o == "(" else { return byline }
        byline.open = (Character(o), text.range(j, j + 1))
        var k = j + 1
        while let s = text[safe: k], s != "）", s != ")", s != "\n" || text[safe: k + 1] != "\n", k - j < 80 { k += 1 }
        guard let c = text[safe: k], c == "）" || c == ")" else { return byline }
        byline.close = (Character(c), text.range(k, k + 1))
        byline.parseCredits(text, j + 1, k)
        return byline
    }

    /// `本报记者 林晓岚 实习生 许可欣` or `本报评论员` alone on the first line.
    static func standaloneForm(_ text: ScalarText, from start: Int) -> PrintedByline? {
        var end = start
        while let s = text[safe: end], s != "\n" { end += 1 }
        let line = string(text, start, end).trimmingSpaces
        if line == "本报评论员" || line == "本报特约评论员" {
            return PrintedByline(kind: .commentator, dateline: line, datelineRange: text.range(start, end))
        }
        guard matches(text, "本报记者", at: start), end - start <= 40 else { return nil }
        var byline = PrintedByline(kind: .standalone, dateline: "", datelineRange: text.range(start, start))
        byline.parseCredits(text, start, end, standalone: true)
        return byline.credits.isEmpty ? nil : byline
    }

    /// Credits between `lo` and `hi`: role groups separated by white space, names within a group by `、`.
    mutating func parseCredits(_ text: ScalarText, _ lo: Int, _ hi: Int, standalone: Bool = false) {
        var i = lo
        var role: String?
        var roleRange: Range<String.Index>?
        while i < hi {
            let s = text.scalars[i]
            if Self.isSpace(s) || s == "\n" {
                let spaceStart = i
                while i < hi, Self.isSpace(text.scalars[i]) || text.scalars[i] == "\n" { i += 1 }
                let width = i - spaceStart
                let joinedByWrap = text.scalars[spaceStart..<i].allSatisfy { $0 == "\n" }
                if let r = Self.roles.first(where: { Self.matches(text, $0, at: i) }), i < hi {
                    if width != 1 || text.scalars[spaceStart] != " " {
                        if !joinedByWrap { badSeparators.append((text.range(spaceStart, i), " ")) }
                    }
                    role = r
                    roleRange = text.range(i, i + r.unicodeScalars.count)
                    i += r.unicodeScalars.count
                    if standalone {
                        // The standalone form puts one space between role and name.
                        if text[safe: i] == " " { i += 1 } else { spacesAfterRole.append(text.range(i, i)) }
                    }
                    continue
                }
                // White space inside a name: a name split in two (a soft line wrap just joins).
                if !joinedByWrap, !credits.isEmpty, i < hi, CJK.isHan(text.scalars[i]) {
                    let nameStart = i
                    while i < hi, CJK.isHan(text.scalars[i]) { i += 1 }
                    let last = credits.count - 1
                    credits[last].name += Self.string(text, nameStart, i)
                    credits[last].range = credits[last].range.lowerBound..<text.indices[i]
                    credits[last].split = true
                }
                continue
            }
            if s == "、" || s == "，" || s == "," {
                if s != "、" { badSeparators.append((text.range(i, i + 1), "、")) }
                i += 1
                continue
            }
            if role == nil || (i == lo) {
                guard let r = Self.roles.first(where: { Self.matches(text, $0, at: i) }) else {
                    let start = i
                    while i < hi, !Self.isSpace(text.scalars[i]) { i += 1 }
                    unknownParts.append(text.range(start, i))
                    continue
                }
                role = r
                roleRange = text.range(i, i + r.unicodeScalars.count)
                i += r.unicodeScalars.count
                if standalone {
                    if text[safe: i] == " " { i += 1 } else { spacesAfterRole.append(text.range(i, i)) }
                } else if let sp = text[safe: i], Self.isSpace(sp) {
                    let start = i
                    while i < hi, Self.isSpace(text.scalars[i]) { i += 1 }
                    spacesAfterRole.append(text.range(start, i))
                }
                continue
            }
            // A name: Han characters, with soft line wraps inside joined.
            let nameStart = i
            var name = ""
            while i < hi {
                let c = text.scalars[i]
                if CJK.isHan(c) || c == "·" {
                    name.unicodeScalars.append(c)
                    i += 1
                } else if c == "\n", i + 1 < hi, CJK.isHan(text.scalars[i + 1]) {
                    i += 1
                } else {
                    break
                }
            }
            if i == nameStart {
                unknownParts.append(text.range(i, i + 1))
                i += 1
                continue
            }
            credits.append(Credit(role: role!, name: name, range: text.range(nameStart, i), roleRange: roleRange!))
        }
    }
}

extension String {
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        var lo = scalars.startIndex
        var hi = scalars.endIndex
        while lo < hi, PrintedByline.isSpace(scalars[lo]) { lo = scalars.index(after: lo) }
        while hi > lo, PrintedByline.isSpace(scalars[scalars.index(before: hi)]) { hi = scalars.index(before: hi) }
        return String(scalars[lo..<hi])
    }
}
