/// Reads the 电头 at the start of a first paragraph (`本报讯（记者郭树勋、付凯明）`) and byline lines
/// (`本报记者 付凯明`) into a dateline and credits.
enum DatelineParser {
    struct Parsed: Equatable {
        var dateline: String
        var credits: [Credit]
        /// The credit text in brackets when it could not be read as roles and names.
        var unreadCredits: String?
    }

    static func parse(firstParagraph text: String) -> Parsed? {
        guard let match = try? openingRegex.prefixMatch(in: text) else { return nil }
        let dateline = String(match.output.1)
        guard let inside = match.output.2 else { return Parsed(dateline: dateline, credits: []) }
        if let credits = credits(in: String(inside)) { return Parsed(dateline: dateline, credits: credits) }
        return Parsed(dateline: dateline, credits: [], unreadCredits: String(inside))
    }

    /// `本报记者 付凯明` → 记者 付凯明; `本报记者 王海滔 通讯员 李明`, `本报记者 张三、李四` as in a 电头.
    static func parse(bylineLine text: String) -> [Credit]? {
        credits(in: String(text.drop { $0 == "本" || $0 == "报" }))
    }

    /// `本报记者 蒋一帆 摄` → 摄影记者 蒋一帆.
    static func parse(photoCredit text: String) -> [Credit]? {
        guard PagePatterns.isPhotoCredit(text) else { return nil }
        var body = Substring(text.dropLast()).drop { $0 == " " }
        for prefix in ["本报摄影记者", "本报记者", "摄影记者", "本报通讯员", "通讯员", "记者"] where body.hasPrefix(prefix) {
            body = body.dropFirst(prefix.count)
            break
        }
        let names = body.split(whereSeparator: { $0 == " " || $0 == "、" }).map(String.init)
        guard !names.isEmpty, names.allSatisfy(isName) else { return nil }
        let role = text.contains("通讯员") ? "通讯员" : "摄影记者"
        return names.map { Credit(role: role, name: $0) }
    }

    /// Roles and names: `记者郭树勋、付凯明`, `记者王海滔通讯员李明` (a justified line lost the spaces).
    /// Nil when anything is left unread, e.g. two names run together without a 、.
    static func credits(in text: String) -> [Credit]? {
        var out: [Credit] = []
        var role: String?
        var name = ""
        func flush() -> Bool {
            defer { name = "" }
            if name.isEmpty { return true }
            guard let role, isName(name) else { return false }
            out.append(Credit(role: role, name: name))
            return true
        }
        var rest = Substring(text)
        while let c = rest.first {
            if let r = roles.first(where: { rest.hasPrefix($0) }) {
                guard flush() else { return nil }
                role = canonicalRole(r)
                rest = rest.dropFirst(r.count)
            } else if " 、，,　".contains(c) {
                guard flush() else { return nil }
                rest = rest.dropFirst()
            } else {
                name.append(c)
                rest = rest.dropFirst()
            }
        }
        guard flush() else { return nil }
        return out.isEmpty ? nil : out
    }

    /// Longest first, so 摄影记者 wins over 记者.
    static let roles = ["摄影记者", "特约记者", "见习记者", "实习记者", "本报记者", "通讯员", "实习生", "记者", "摄影"]

    static func canonicalRole(_ role: String) -> String { role == "本报记者" ? "记者" : role }

    /// A Chinese personal name: two to four Han characters, or a transliteration with `·`.
    static func isName(_ s: String) -> Bool {
        let scalars = s.unicodeScalars
        guard scalars.allSatisfy({ CJK.isHan($0) || $0 == "·" }) else { return false }
        return s.contains("·") ? (3...12).contains(s.count) : (2...4).contains(s.count)
    }

    static var openingRegex: Regex<(Substring, Substring, Substring?)> { #/(本报讯|(?:本报|新华社|中新社)[^，。、；（）\s]{0,12}?\d{1,2}月\d{1,2}日电)(?:（([^（）]{1,40})）)?/# }
}
