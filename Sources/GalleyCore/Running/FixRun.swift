/// One `--fix` of an article: the check-and-apply passes of `Fixer.fix`, the first over the whole body, each
/// next one over the stretches the one before touched. A stretch no edit touched had no certain diagnosis
/// (it would have been applied), so it has none now for a `.paragraph` rule, nor for a tallying rule whose
/// tally of the body stayed the same; other rules see the whole body every pass.
struct FixRun {
    let path: String
    let resources: NewsroomResources?
    let rules: [any CorrectableRule]

    /// What a pass leaves the next one.
    struct Carry {
        let bodyOffset: Int
        /// The stretches the edits touched, as they are now.
        let stretches: TouchedStretches
        /// Per tallying rule: the body's tally before the edits, and that minus the touched stretches' then.
        let tallies: [[Int]?]
        let untouched: [[Int]?]
    }

    func run(_ source: String) -> (text: String, applied: Int) {
        var text = source
        var total = 0
        var carry: Carry?
        for _ in 0..<Fixer.passes {
            guard let article = try? ArticleParser.parse(text, path: path, requireFrontMatter: false) else { break }
            let context = ArticleContext(path: path, article: article, resources: resources)
            if carry?.bodyOffset != article.bodyByteOffset { carry = nil }
            guard let done = pass(context, &carry) else { break }
            carry = done.carry
            text = done.text
            total += done.applied
        }
        return (text, total)
    }

    /// One check-and-apply: the new text, how many edits, what the next pass needs; nil when nothing applies.
    /// `carried` is taken: its text is freed with the scalar views, so that the new text can take their room
    /// (a peak ~10 MB higher on 10 MB otherwise).
    func pass(_ context: ArticleContext, _ carried: inout Carry?) -> (text: String, applied: Int, carry: Carry?)? {
        var carry = carried
        carried = nil
        var diagnoses: [Diagnosis] = []
        var tallies: [[Int]?] = Array(repeating: nil, count: rules.count)
        var untouched: [[Int]?] = tallies
        var oldRegions: [Range<Int>] = []
        var chosen: [Fixer.Choice] = []
        // The contexts hold a scalar view each: gone before the new text is made.
        checking: do {
            let local = carry.map { Self.part($0.stretches.text, of: context) }
            var whole: ArticleContext?
            for (n, rule) in rules.enumerated() {
                if let carry, let local {
                    if let t = rule.asTallying, let before = carry.tallies[n], let rest = carry.untouched[n] {
                        let now = zip(rest, t.tally(local, in: nil)).map { $0 + $1 }
                        tallies[n] = now
                        if now == before {
                            diagnoses += Self.moved(t.check(local, tally: now), carry.stretches, into: context)
                            continue
                        }
                    } else if type(of: rule).description.scope == .paragraph {
                        diagnoses += Self.moved(rule.check(local), carry.stretches, into: context)
                        continue
                    }
                }
                if whole == nil { whole = context.withBodyScalars() }
                if let t = rule.asTallying {
                    // A tally carried forward is the whole body's already (untouched part + re-checked part).
                    let tally = tallies[n] ?? t.tally(whole!, in: nil)
                    tallies[n] = tally
                    diagnoses += t.check(whole!, tally: tally)
                } else {
                    diagnoses += rule.check(whole!)
                }
            }
            chosen = Fixer.applicable(diagnoses, in: context.source)
            guard let first = chosen.first else { return nil }
            // Edits in the front matter move the body: the next pass checks it whole.
            let offset = context.article.bodyByteOffset
            guard first.range.lowerBound >= offset else { break checking }
            oldRegions = TouchedStretches.regions(context.body, edits: chosen.map { ($0.range.lowerBound - offset)..<($0.range.upperBound - offset) })
            for (n, rule) in rules.enumerated() {
                guard let t = rule.asTallying, let tally = tallies[n] else { continue }
                let then: [Int]
                if let whole {
                    then = t.tally(whole, in: oldRegions)
                } else if let local, let ranges = carry?.stretches.textRanges(oldRegions) {
                    then = t.tally(local, in: ranges)
                } else {
                    then = t.tally(Self.part(TouchedStretches(body: context.body, regions: oldRegions).text, of: context), in: nil)
                }
                untouched[n] = zip(tally, then).map { $0 - $1 }
            }
        }
        carry = nil
        let (text, placed) = Fixer.rewrite(context.source, diagnoses, chosen)
        diagnoses = []
        guard !oldRegions.isEmpty else { return (text, chosen.count, nil) }
        let offset = context.article.bodyByteOffset
        let body = text[text.utf8.index(text.startIndex, offsetBy: offset)...]
        let regions = TouchedStretches.after(oldRegions, edits: placed.map {
            (($0.old.lowerBound - offset)..<($0.old.upperBound - offset), ($0.new.lowerBound - offset)..<($0.new.upperBound - offset))
        })
        return (text, chosen.count, Carry(bodyOffset: offset, stretches: TouchedStretches(body: body, regions: regions), tallies: tallies, untouched: untouched))
    }

    /// An article whose body is `text` (touched stretches), with `context`'s front matter and newsroom files.
    static func part(_ text: String, of context: ArticleContext) -> ArticleContext {
        let article = Article(source: text, frontMatter: context.frontMatter, body: text[...], bodyStartLine: context.article.bodyStartLine, bodyByteOffset: 0)
        return ArticleContext(path: context.path, article: article, resources: context.resources).withBodyScalars()
    }

    /// The certain ones of `diagnoses` of the touched stretches, moved to where they stand in `context`.
    static func moved(_ diagnoses: [Diagnosis], _ stretches: TouchedStretches, into context: ArticleContext) -> [Diagnosis] {
        let sub = stretches.text.utf8
        let source = context.source.utf8
        let offset = context.article.bodyByteOffset
        return diagnoses.compactMap { d in
            guard d.isCertain else { return nil }
            let range = sub.distance(from: sub.startIndex, to: d.range.lowerBound)..<sub.distance(from: sub.startIndex, to: d.range.upperBound)
            guard let r = stretches.bodyRange(range) else { return nil }
            var moved = d
            moved.range = source.index(source.startIndex, offsetBy: r.lowerBound + offset)..<source.index(source.startIndex, offsetBy: r.upperBound + offset)
            return moved
        }
    }
}
