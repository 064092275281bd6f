import GalleyCore

/// A long editing history for the `each` suite: `revisions` commits over `articleCount` articles, each
/// revision adding one article or editing one (a sentence added, changed or removed, a typography error
/// introduced or fixed), written as a `git fast-import` stream. Deterministic for given sizes.
struct EachHistory {
    /// The kinds of typography error the history introduces, and how an editor later corrects each.
    static let errors: [(name: String, wrong: String, right: String)] = [
        ("，，", "，，", "，"),
        ("２０２６", "２０２６年", "2026年"),
        ("...", "...", "……"),
        ("--", "--", "——"),
        ("single —", "—", "——"),
    ]

    /// One sentence (or two) of an article body; `fix` is its corrected text while it holds an error.
    struct Sentence {
        var text: String
        var fix: String?
    }

    /// An article as the history edits it: the front matter kept verbatim, the body as sentences.
    struct Draft {
        let header: String
        var paragraphs: [[Sentence]]
        let month: Int

        init(_ bytes: [UInt8], month: Int) {
            let text = String(decoding: bytes, as: UTF8.self)
            // Corpus articles: "---\n…\n---\n" then one line per paragraph, paragraphs separated by a blank line.
            let close = text.firstRange(of: "\n---\n")!
            header = String(text[..<close.upperBound])
            paragraphs = text[close.upperBound...].split(separator: "\n").map { line in
                var out: [Sentence] = []
                var current = ""
                for c in line {
                    current.append(c)
                    if c == "。" {
                        out.append(Sentence(text: current))
                        current = ""
                    }
                }
                if !current.isEmpty { out.append(Sentence(text: current)) }
                return out
            }
            self.month = month
        }

        func render() -> [UInt8] {
            var s = header
            for (i, p) in paragraphs.enumerated() {
                if i > 0 { s += "\n\n" }
                for sentence in p { s += sentence.text }
            }
            s += "\n"
            return Array(s.utf8)
        }

        /// Every (paragraph, sentence) but the lead sentence (本报讯（…）…), which editors leave alone.
        var editable: [(Int, Int)] {
            paragraphs.indices.flatMap { p in paragraphs[p].indices.filter { p > 0 || $0 > 0 }.map { (p, $0) } }
        }

        var withErrors: [(Int, Int)] {
            paragraphs.indices.flatMap { p in paragraphs[p].indices.filter { paragraphs[p][$0].fix != nil }.map { (p, $0) } }
        }
    }

    let revisions: Int
    let articleCount: Int
    let corpus: Corpus
    /// The fast-import stream: one blob and one commit per revision, on top of `base`.
    private(set) var stream: [UInt8] = []
    /// Distinct article texts over the history (= distinct article blobs).
    private(set) var distinctVersions = 0
    /// Errors introduced, and those still present at the tip.
    private(set) var introduced = 0
    private(set) var live = 0
    /// What each revision did, by kind (for the report).
    private(set) var operations: [String: Int] = [:]
    private(set) var introducedByKind: [String: Int] = [:]

    init(revisions: Int, articleCount: Int) {
        self.revisions = revisions
        self.articleCount = articleCount
        // Five issue dates.
        corpus = Corpus(perIssue: max(1, articleCount / 5))
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(s.value) }

    /// One to three new sentences of Corpus text.
    static func newSentence(_ rng: inout SplitMix64, month: Int) -> String {
        var local = SplitMix64(seed: rng.next())
        var out: [UInt8] = []
        Corpus.paragraph(into: &out, &local, bytes: local.inRange(30...90), month: month)
        return String(decoding: out, as: UTF8.self)
    }

    /// Builds the stream; the first commit's parent is `base`, the branch is `branch`.
    mutating func generate(base: String, branch: String, author: String, startTime: Int64) {
        var rng = SplitMix64(seed: Corpus.seed ^ 0xEAC4)
        var drafts: [Draft] = []
        var seen = Set<[UInt8]>()
        stream.reserveCapacity(revisions * (Corpus.targetBytes + 400))

        for r in 0..<revisions {
            // Articles are filed at an even pace over the first 80% of the history; edits go mostly to
            // the 50 most recent ones (the news cycle), the rest anywhere.
            let due = Double(r + 1) / (Double(revisions) * 0.8) * Double(articleCount)
            let article: Int
            let what: String
            if drafts.count < articleCount && (drafts.isEmpty || Double(drafts.count) < due) {
                article = drafts.count
                let month = CivilDate(iso: corpus.issue(of: article))!.month
                drafts.append(Draft(corpus.text(of: article), month: month))
                what = "file"
            } else {
                article = rng.below(10) < 7 ? drafts.count - 1 - rng.below(min(50, drafts.count)) : rng.below(drafts.count)
                what = edit(&drafts[article], &rng)
            }
            operations[what, default: 0] += 1

            let bytes = drafts[article].render()
            if seen.insert(bytes).inserted { distinctVersions += 1 }
            let message = "\(what == "file" ? "File" : "Edit") \(corpus.id(of: article)): \(what)\n"
            let who = "\(author) \(startTime + Int64(r) * 60) +0800"
            stream += Array("blob\nmark :\(r + 1)\ndata \(bytes.count)\n".utf8)
            stream += bytes
            stream += Array("\ncommit \(branch)\nauthor \(who)\ncommitter \(who)\ndata \(message.utf8.count)\n\(message)".utf8)
            if r == 0 { stream += Array("from \(base)\n".utf8) }
            stream += Array("M 100644 :\(r + 1) \(corpus.path(of: article))\n\n".utf8)
        }
        live = drafts.reduce(0) { $0 + $1.withErrors.count }
    }

    /// One editor's change to `draft`; returns what it was.
    private mutating func edit(_ draft: inout Draft, _ rng: inout SplitMix64) -> String {
        let roll = rng.below(100)
        let editable = draft.editable
        if roll < 20, !draft.withErrors.isEmpty {
            // The copy desk corrects an error.
            let (p, s) = draft.withErrors[rng.below(draft.withErrors.count)]
            draft.paragraphs[p][s] = Sentence(text: draft.paragraphs[p][s].fix!)
            return "fix a typography error"
        }
        if roll < 40 {
            // An error slips in, between two Chinese characters of a clean sentence.
            let clean = editable.filter { draft.paragraphs[$0.0][$0.1].fix == nil }
            if !clean.isEmpty {
                let (p, s) = clean[rng.below(clean.count)]
                let scalars = Array(draft.paragraphs[p][s].text.unicodeScalars)
                let spots = (1..<max(1, scalars.count)).filter { Self.isHan(scalars[$0 - 1]) && Self.isHan(scalars[$0]) }
                if !spots.isEmpty {
                    let at = spots[rng.below(spots.count)]
                    let kind = Self.errors[rng.below(Self.errors.count)]
                    func joined(_ middle: String) -> String {
                        var out = String.UnicodeScalarView()
                        out.append(contentsOf: scalars[..<at])
                        out.append(contentsOf: middle.unicodeScalars)
                        out.append(contentsOf: scalars[at...])
                        return String(out)
                    }
                    draft.paragraphs[p][s] = Sentence(text: joined(kind.wrong), fix: joined(kind.right))
                    introduced += 1
                    introducedByKind[kind.name, default: 0] += 1
                    return "introduce \(kind.name)"
                }
            }
        }
        if roll < 70 || editable.isEmpty {
            // A sentence added anywhere after the lead.
            let p = rng.below(draft.paragraphs.count)
            let at = p == 0 ? 1 + rng.below(draft.paragraphs[0].count) : rng.below(draft.paragraphs[p].count + 1)
            draft.paragraphs[p].insert(Sentence(text: Self.newSentence(&rng, month: draft.month)), at: at)
            return "add a sentence"
        }
        let (p, s) = editable[rng.below(editable.count)]
        if roll < 85 && draft.paragraphs[p].count > 1 {
            draft.paragraphs[p].remove(at: s)
            return "remove a sentence"
        }
        draft.paragraphs[p][s] = Sentence(text: Self.newSentence(&rng, month: draft.month))
        return "change a sentence"
    }
}
