/// Compares two texts the way an editor reads Chinese copy.
///
/// 1. Normalise the layout of both (`NormalizedText`): a re-wrap or re-spacing alone is no change.
/// 2. Cut into tokens (`Tokens`): characters, with numbers and Latin words whole.
/// 3. Align paragraphs, then sentences inside changed paragraphs, then tokens inside changed sentences
///    (`UnitAligner`, `Myers`). Unchanged units anchor the finer steps, so a change stays where it is.
///    Past the time limit, or for a region too large, the remaining regions keep the coarser unit and
///    the result says so (`fallbacks`); it never turns into "delete all, insert all".
/// 4. Clean up (`SemanticCleanup`): merge edits split by a character or two, slide edits to Chinese
///    punctuation.
/// 5. Find moves (`MoveDetector`).
public enum TextDiffer {
    public static func diff(_ old: String, _ new: String, options: DiffOptions = DiffOptions()) -> TextDiff {
        let started = DiffClock.nanoseconds()
        let a = NormalizedText(old), b = NormalizedText(new)
        var engine = DiffEngine(old: a, new: b, options: options, started: started)
        return engine.run()
    }

    public static func diff(_ old: NormalizedText, _ new: NormalizedText, options: DiffOptions = DiffOptions()) -> TextDiff {
        var engine = DiffEngine(old: old, new: new, options: options, started: DiffClock.nanoseconds())
        return engine.run()
    }
}

/// The state of one comparison.
struct DiffEngine {
    let old: NormalizedText
    let new: NormalizedText
    let options: DiffOptions
    let tokensA: Tokens
    let tokensB: Tokens
    var deleted: [Bool]
    var inserted: [Bool]
    private var fallbackRegions: [DiffGranularity: (time: Int, size: Int)] = [:]
    private let deadline: UInt64

    /// `started`: when the comparison began (the time limit counts from there).
    init(old: NormalizedText, new: NormalizedText, options: DiffOptions, started: UInt64) {
        self.old = old
        self.new = new
        self.options = options
        var atoms = SliceInterner(firstID: Tokens.firstAtomID)
        tokensA = Tokens(old.scalars, atoms: options.atoms, interner: &atoms)
        tokensB = Tokens(new.scalars, atoms: options.atoms, interner: &atoms)
        deleted = [Bool](repeating: false, count: tokensA.count)
        inserted = [Bool](repeating: false, count: tokensB.count)
        deadline = started + UInt64(max(0, options.timeLimit) * 1e9)
    }

    mutating func run() -> TextDiff {
        if old.scalars == new.scalars {
            return TextDiff(old: old, new: new, tokensA: tokensA, tokensB: tokensB, changes: [], moves: [],
                            fallbacks: [], options: options)
        }
        // Trim what is common at both ends first: most revisions change a little in the middle.
        var lo = 0
        let n = tokensA.count, m = tokensB.count
        while lo < n, lo < m, tokensA.ids[lo] == tokensB.ids[lo] { lo += 1 }
        var tail = 0
        while tail < n - lo, tail < m - lo, tokensA.ids[n - 1 - tail] == tokensB.ids[m - 1 - tail] { tail += 1 }
        // Widen back to paragraph boundaries so the paragraph level sees whole paragraphs.
        while lo > 0, !tokensA.isParagraph(lo - 1) { lo -= 1 }
        while tail > 0, !tokensA.isParagraph(n - tail) { tail -= 1 }
        let aRange = lo..<(n - tail), bRange = lo..<(m - tail)
        var units = UnitIndex(tokensA: tokensA, tokensB: tokensB)
        refine(.paragraph, aRange, bRange, &units)

        var changes = EditScript.changes(deleted: deleted, inserted: inserted)
        if options.cleanup {
            changes = SemanticCleanup(a: tokensA, b: tokensB).run(changes)
        }
        var moves: [TextDiff.Move] = []
        if options.moves {
            var detector = MoveDetector(a: tokensA, b: tokensB, aScalars: old.scalars, bScalars: new.scalars, options: options,
                                        deadline: deadline)
            moves = detector.run(&changes)
        }
        return TextDiff(old: old, new: new, tokensA: tokensA, tokensB: tokensB, changes: changes, moves: moves,
                        fallbacks: fallbacks(), options: options)
    }

    private func fallbacks() -> [DiffFallback] {
        var out: [DiffFallback] = []
        for level in [DiffGranularity.paragraph, .sentence] {
            guard let counts = fallbackRegions[level] else { continue }
            if counts.time > 0 { out.append(DiffFallback(granularity: level, regions: counts.time, reason: "time limit")) }
            if counts.size > 0 { out.append(DiffFallback(granularity: level, regions: counts.size, reason: "size limit")) }
        }
        return out
    }

    /// Aligns tokens `a` with tokens `b` at `level`, and refines each changed region one level finer.
    private mutating func refine(_ level: DiffGranularity, _ a: Range<Int>, _ b: Range<Int>, _ units: inout UnitIndex) {
        if a.isEmpty || b.isEmpty {
            markAll(a, b)
            return
        }
        switch level {
        case .character:
            tokensA.ids.withUnsafeBufferPointer { ap in
                tokensB.ids.withUnsafeBufferPointer { bp in
                    deleted.withUnsafeMutableBufferPointer { d in
                        inserted.withUnsafeMutableBufferPointer { i in
                            Myers.mark(ap, a, bp, b, deleted: d, inserted: i)
                        }
                    }
                }
            }
        case .paragraph, .sentence:
            let finer: DiffGranularity = level == .paragraph ? .sentence : .character
            let gaps = units.align(level, a, b)
            for (ga, gb) in gaps {
                if ga.isEmpty || gb.isEmpty {
                    markAll(ga, gb)
                } else if DiffClock.nanoseconds() > deadline {
                    markAll(ga, gb)
                    fallbackRegions[level, default: (0, 0)].time += 1
                } else if finer == .character, ga.count + gb.count > options.characterRegionLimit {
                    markAll(ga, gb)
                    fallbackRegions[level, default: (0, 0)].size += 1
                } else {
                    refine(finer, ga, gb, &units)
                }
            }
        }
    }

    private mutating func markAll(_ a: Range<Int>, _ b: Range<Int>) {
        for i in a { deleted[i] = true }
        for j in b { inserted[j] = true }
    }
}

/// Paragraph and sentence units of both texts, with one aligner per level.
struct UnitIndex {
    let paragraphsA: Units, paragraphsB: Units
    let sentencesA: Units, sentencesB: Units
    var paragraphAligner: UnitAligner
    var sentenceAligner: UnitAligner

    init(tokensA: Tokens, tokensB: Tokens) {
        var interner = SliceInterner(firstID: 0)
        paragraphsA = Units(ends: Segmenter.paragraphEnds(tokensA), tokens: tokensA, interner: &interner)
        paragraphsB = Units(ends: Segmenter.paragraphEnds(tokensB), tokens: tokensB, interner: &interner)
        sentencesA = Units(ends: Segmenter.sentenceEnds(tokensA), tokens: tokensA, interner: &interner)
        sentencesB = Units(ends: Segmenter.sentenceEnds(tokensB), tokens: tokensB, interner: &interner)
        let ids = interner.count
        paragraphAligner = UnitAligner(a: paragraphsA.ids, b: paragraphsB.ids, weightA: Self.weights(paragraphsA, tokensA), idCount: ids)
        sentenceAligner = UnitAligner(a: sentencesA.ids, b: sentencesB.ids, weightA: Self.weights(sentencesA, tokensA), idCount: ids)
    }

    static func weights(_ units: Units, _ tokens: Tokens) -> [Int32] {
        (0..<units.count).map { Int32(tokens.length(units.start($0)..<units.end($0))) }
    }

    /// The changed regions (token ranges) left between the units matched at `level`.
    mutating func align(_ level: DiffGranularity, _ a: Range<Int>, _ b: Range<Int>) -> [(Range<Int>, Range<Int>)] {
        let (ua, ub) = level == .paragraph ? (paragraphsA, paragraphsB) : (sentencesA, sentencesB)
        let unitsA = ua.covering(a), unitsB = ub.covering(b)
        let pairs: [(Int32, Int32)]
        if level == .paragraph {
            pairs = paragraphAligner.takePairs(unitsA, unitsB)
        } else {
            pairs = sentenceAligner.takePairs(unitsA, unitsB)
        }
        var gaps: [(Range<Int>, Range<Int>)] = []
        var pa = unitsA.lowerBound, pb = unitsB.lowerBound
        for (i, j) in pairs + [(Int32(unitsA.upperBound), Int32(unitsB.upperBound))] {
            let i = Int(i), j = Int(j)
            if i > pa || j > pb { gaps.append((ua.start(pa)..<ua.start(i), ub.start(pb)..<ub.start(j))) }
            pa = i + 1
            pb = j + 1
        }
        return gaps
    }
}
