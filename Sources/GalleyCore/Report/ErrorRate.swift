/// 差错率: weighted errors per 10,000 characters, per article and per issue, from a check's findings,
/// after 《报纸编校差错率计算方法》:
/// - each finding weighs what its rule's weight says (`ErrorRateSettings`);
/// - in a headline (引题, 主题, 副题) it counts double;
/// - one error repeated in an issue counts at most 3 times;
/// - number-form errors count 0.1 each and at most 1 per issue;
/// - several rules flagging the same text count once (the largest weight).
///
/// Characters are the 字数 of the printed text (headline fields and body), not the annex's 版面字数
/// (characters per line × lines), which needs the page layout.
public enum ErrorRate {
    /// One finding as counted.
    public struct Item: Sendable {
        public let finding: Finding
        /// The rule's weight for this finding, before doubling and caps.
        public let base: Double
        /// In the headline block: counts double.
        public let inHeadline: Bool
        /// What the finding adds to the article's weighted errors.
        public let weight: Double
        /// Why `weight` is less than the base (doubled in a headline), if it is.
        public let note: Message?
    }

    public struct ArticleRate: Sendable {
        public let path: String
        public let headline: String?
        public let characters: Int
        public let items: [Item]
        public let weighted: Double
        /// Weighted errors per 10,000 characters.
        public let rate: Double
        public let pass: Bool
    }

    public struct Contributor: Sendable {
        public let rule: String
        public let count: Int
        public let weight: Double
    }

    public struct IssueRate: Sendable {
        /// The issue date (YYYY-MM-DD), or empty for files without front matter.
        public let issue: String
        public let articles: [ArticleRate]
        public let characters: Int
        public let weighted: Double
        public let rate: Double
        public let threshold: Double
        public let pass: Bool
        /// Rules by the weight they add, largest first.
        public let contributors: [Contributor]
    }

    static let repeatCap = 3
    static let numberFormCap = 1.0

    /// The rates of every issue the checked files belong to. `outcome.sources` holds the texts.
    public static func compute(_ outcome: CheckOutcome, settings: ErrorRateSettings) -> [IssueRate] {
        struct Piece {
            let path: String
            let revision: String?
            let article: Article
            let lines: [Substring]
        }
        var pieces: [Piece] = []
        for (key, text) in outcome.sources {
            let parts = key.split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false)
            let path = String(parts[0])
            let revision = parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil
            guard let article = try? ArticleParser.parse(text, path: path, requireFrontMatter: false) else { continue }
            pieces.append(Piece(path: path, revision: revision, article: article,
                                lines: text.split(separator: "\n", omittingEmptySubsequences: false)))
        }
        let byIssue = Dictionary(grouping: pieces) { $0.article.frontMatter?.issue.iso ?? "" }
        var findingsByPath: [String: [Finding]] = [:]
        for f in outcome.current { findingsByPath[f.path + "\u{0}" + (f.revision ?? ""), default: []].append(f) }

        var out: [IssueRate] = []
        for issue in byIssue.keys.sorted() {
            var repeats: [String: Int] = [:]
            var numberForms = 0.0
            var articles: [ArticleRate] = []
            for piece in byIssue[issue]!.sorted(by: { $0.path < $1.path }) {
                let found = (findingsByPath[piece.path + "\u{0}" + (piece.revision ?? "")] ?? []).sorted(by: Finding.inReadingOrder)
                // Several rules on the same text: the largest weight counts.
                var best: [String: Int] = [:]
                let bases = found.map { base(of: $0, settings) }
                for (i, f) in found.enumerated() {
                    let place = "\(f.line):\(f.column):\(f.length)"
                    if let j = best[place], bases[j] >= bases[i] { continue }
                    best[place] = i
                }
                var items: [Item] = []
                for (i, f) in found.enumerated() {
                    let inHeadline = isHeadline(f, piece.article, piece.lines)
                    let full = bases[i] * (inHeadline ? 2 : 1)
                    var weight = full
                    var note: Message?
                    let place = "\(f.line):\(f.column):\(f.length)"
                    if best[place] != i {
                        weight = 0
                        note = Message("同一处已按 \(found[best[place]!].rule) 计", en: "counted once, as \(found[best[place]!].rule)")
                    } else if full > 0 {
                        let key = f.rule + "\u{0}" + f.text + "\u{0}" + (f.replacement ?? "")
                        repeats[key, default: 0] += 1
                        if repeats[key]! > repeatCap {
                            weight = 0
                            note = Message("同一差错本期已计\(repeatCap)次", en: "the same error already counted \(repeatCap) times in this issue")
                        } else if settings.weight(rule: f.rule, severity: f.severity) == .numberForm {
                            weight = max(0, rounded(min(full, numberFormCap - numberForms)))
                            numberForms = rounded(numberForms + weight)
                            if weight < full { note = Message("数字用法差错本期最多计1个", en: "number-form errors count at most 1 per issue") }
                        }
                    }
                    items.append(Item(finding: f, base: bases[i], inHeadline: inHeadline, weight: weight, note: note))
                }
                let characters = ChineseCount.characters(in: piece.article.body)
                    + [piece.article.frontMatter?.kicker, piece.article.frontMatter?.headline, piece.article.frontMatter?.subheadline]
                        .compactMap { $0 }.reduce(0) { $0 + ChineseCount.characters(in: $1) }
                let weighted = rounded(items.reduce(0) { $0 + $1.weight })
                let rate = per10k(weighted, characters)
                articles.append(ArticleRate(path: piece.path, headline: piece.article.frontMatter?.headline, characters: characters,
                                            items: items, weighted: weighted, rate: rate, pass: rate <= settings.threshold))
            }
            let characters = articles.reduce(0) { $0 + $1.characters }
            let weighted = rounded(articles.reduce(0) { $0 + $1.weighted })
            let rate = per10k(weighted, characters)
            var byRule: [String: (Int, Double)] = [:]
            for item in articles.flatMap(\.items) where item.weight > 0 {
                let old = byRule[item.finding.rule] ?? (0, 0)
                byRule[item.finding.rule] = (old.0 + 1, old.1 + item.weight)
            }
            let contributors = byRule.map { Contributor(rule: $0.key, count: $0.value.0, weight: rounded($0.value.1)) }
                .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.rule < $1.rule }
            out.append(IssueRate(issue: issue, articles: articles, characters: characters, weighted: weighted, rate: rate,
                                 threshold: settings.threshold, pass: rate <= settings.threshold, contributors: contributors))
        }
        return out
    }

    /// The rule's weight for one finding, before doubling and caps.
    static func base(of f: Finding, _ settings: ErrorRateSettings) -> Double {
        switch settings.weight(rule: f.rule, severity: f.severity) {
        case .fixed(let v): return v
        case .numberForm: return 0.1
        case .characters:
            let n = wrongCharacters(f.text, f.replacement)
            return n <= 1 ? 1 : n <= 5 ? 2 : 4
        }
    }

    /// How many characters are wrong, extra or missing: the flagged text and its replacement without their
    /// common beginning and end (其它 → 其他: 1); the flagged length when there is no replacement.
    static func wrongCharacters(_ text: String, _ replacement: String?) -> Int {
        let a = Array(text.unicodeScalars.filter { $0 != "\n" })
        guard let replacement else { return max(1, a.count) }
        let b = Array(replacement.unicodeScalars)
        var head = 0
        while head < min(a.count, b.count), a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < min(a.count, b.count) - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        return max(1, max(a.count, b.count) - head - tail)
    }

    /// A finding on a front-matter line of the headline block.
    static func isHeadline(_ f: Finding, _ article: Article, _ lines: [Substring]) -> Bool {
        guard f.offset == nil, article.frontMatter != nil, f.line < article.bodyStartLine, f.line >= 1, f.line <= lines.count else { return false }
        return ArticleContext.headlineKey(ofLine: String(lines[f.line - 1])) != nil
    }

    static func per10k(_ weighted: Double, _ characters: Int) -> Double {
        characters > 0 ? rounded(weighted * 10_000 / Double(characters)) : 0
    }

    /// Two decimals, so sums print as they add up.
    static func rounded(_ v: Double) -> Double { (v * 100).rounded() / 100 }

    /// `v` with up to `places` decimals, trailing zeros dropped: 1, 0.1, 2.25.
    public static func decimal(_ v: Double, places: Int = 2) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let n = Int((abs(v) * scale).rounded())
        let whole = n / Int(scale)
        var frac = String(n % Int(scale))
        frac = String(repeating: "0", count: places - frac.count) + frac
        while frac.hasSuffix("0") { frac.removeLast() }
        return (v < 0 && n != 0 ? "-" : "") + String(whole) + (frac.isEmpty ? "" : "." + frac)
    }
}
