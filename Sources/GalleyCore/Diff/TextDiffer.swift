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
    /// Compares two texts (normalised here; the time limit counts from here).
    public static func diff(_ old: String, _ new: String, options: DiffOptions = DiffOptions()) -> TextDiff {
        let started = options.started ?? DiffClock.nanoseconds()
        let a = NormalizedText(old), b = NormalizedText(new)
        var engine = DiffEngine(old: a, new: b, options: options, started: started)
        return engine.run()
    }

    /// Compares two texts already normalised.
    public static func diff(_ old: NormalizedText, _ new: NormalizedText, options: DiffOptions = DiffOptions()) -> TextDiff {
        var engine = DiffEngine(old: old, new: new, options: options, started: options.started ?? DiffClock.nanoseconds())
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
    /// The tokens as the alignment sees them: those of paragraphs moved unchanged get ids of their own.
    var alignA: Tokens
    var alignB: Tokens
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
        alignA = tokensA
        alignB = tokensB
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
        var units = UnitIndex(tokensA: tokensA, tokensB: tokensB, region: (aRange, bRange))
        // Paragraphs moved unchanged take no part in the finer alignment: matched sentence by sentence
        // against the text around their old or new place they would come out as scraps.
        alignA = Self.masked(tokensA, units.movedA, base: -1)
        alignB = Self.masked(tokensB, units.movedB, base: -(1 << 30) - 1)
        refine(.paragraph, aRange, bRange, &units)

        var changes = EditScript.changes(deleted: deleted, inserted: inserted)
        if options.cleanup {
            changes = SemanticCleanup(a: alignA, b: alignB).run(changes)
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

    /// `tokens` with each token in `ranges` given an id no other token has (`base` − index).
    static func masked(_ tokens: Tokens, _ ranges: [Range<Int>], base: Int32) -> Tokens {
        guard !ranges.isEmpty else { return tokens }
        var ids = tokens.ids
        for r in ranges {
            for t in r { ids[t] = base - Int32(t) }
        }
        return Tokens(ids: ids, starts: tokens.starts)
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
            alignA.ids.withUnsafeBufferPointer { ap in
                alignB.ids.withUnsafeBufferPointer { bp in
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
                } else if level == .paragraph, units.onlyMovedParagraphs(ga, gb) {
                    // One side holds nothing but paragraphs that moved away or in: nothing to pair up.
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
    /// Token ranges of paragraphs moved unchanged (unique on both sides, matched on neither).
    private(set) var movedA: [Range<Int>] = []
    private(set) var movedB: [Range<Int>] = []
    /// For each paragraph unit, whether it is a moved paragraph or a paragraph break.
    private var setApartA: [Bool] = []
    private var setApartB: [Bool] = []
    /// For each paragraph unit of the old text, whether it is a paragraph break.
    private var breakA: [Bool] = []

    /// Paragraphs shorter than this (in characters) are not set apart as moved.
    static let minimumMovedParagraph = 20

    init(tokensA: Tokens, tokensB: Tokens, region: (Range<Int>, Range<Int>)) {
        var interner = SliceInterner(firstID: 0)
        paragraphsA = Units(ends: Segmenter.paragraphEnds(tokensA), tokens: tokensA, interner: &interner)
        paragraphsB = Units(ends: Segmenter.paragraphEnds(tokensB), tokens: tokensB, interner: &interner)
        sentencesA = Units(ends: Segmenter.sentenceEnds(tokensA), tokens: tokensA, interner: &interner)
        sentencesB = Units(ends: Segmenter.sentenceEnds(tokensB), tokens: tokensB, interner: &interner)
        var ids = interner.count
        paragraphAligner = UnitAligner(a: paragraphsA.ids, b: paragraphsB.ids, weightA: Self.weights(paragraphsA, tokensA), idCount: ids)

        // Paragraphs unique on both sides that the paragraph alignment leaves unmatched on both sides moved.
        let ua = paragraphsA.covering(region.0), ub = paragraphsB.covering(region.1)
        let pairs = paragraphAligner.takePairs(ua, ub)
        var matchedA = Set(pairs.map { Int($0.0) }), matchedB = Set(pairs.map { Int($0.1) })
        var count: [Int32: (a: Int, b: Int, ua: Int, ub: Int)] = [:]
        for u in ua where !matchedA.contains(u) { count[paragraphsA.ids[u], default: (0, 0, u, -1)].a += 1 }
        for u in ub where !matchedB.contains(u) {
            if var c = count[paragraphsB.ids[u]] {
                c.b += 1
                c.ub = u
                count[paragraphsB.ids[u]] = c
            }
        }
        var sentenceIDsA = sentencesA.ids, sentenceIDsB = sentencesB.ids
        for (_, c) in count where c.a == 1 && c.b == 1 {
            let ra = paragraphsA.start(c.ua)..<paragraphsA.end(c.ua), rb = paragraphsB.start(c.ub)..<paragraphsB.end(c.ub)
            guard tokensA.length(ra) >= Self.minimumMovedParagraph, !tokensA.isParagraph(ra.lowerBound) else { continue }
            movedA.append(ra)
            movedB.append(rb)
            for s in sentencesA.covering(ra) { sentenceIDsA[s] = Int32(ids); ids += 1 }
            for s in sentencesB.covering(rb) { sentenceIDsB[s] = Int32(ids); ids += 1 }
        }
        matchedA = []
        matchedB = []
        let pa = paragraphsA, pb = paragraphsB
        breakA = (0..<pa.count).map { tokensA.isParagraph(pa.start($0)) }
        var apartA = breakA
        var apartB = (0..<pb.count).map { tokensB.isParagraph(pb.start($0)) }
        for r in movedA { for u in pa.covering(r) { apartA[u] = true } }
        for r in movedB { for u in pb.covering(r) { apartB[u] = true } }
        setApartA = apartA
        setApartB = apartB
        sentenceAligner = UnitAligner(a: sentenceIDsA, b: sentenceIDsB, weightA: Self.weights(sentencesA, tokensA), idCount: ids)
    }

    /// True when tokens `a` or tokens `b` hold only moved paragraphs and paragraph breaks.
    func onlyMovedParagraphs(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard !movedA.isEmpty else { return false }
        return paragraphsA.covering(a).allSatisfy { setApartA[$0] } || paragraphsB.covering(b).allSatisfy { setApartB[$0] }
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
        // Paragraph breaks paired between changed paragraphs would cut the region at a break that may have
        // moved (one paragraph split in two, two joined): the sentence pass pairs them instead.
        let kept = level == .paragraph ? pairs.filter { !breakA[Int($0.0)] } : pairs
        for (i, j) in kept + [(Int32(unitsA.upperBound), Int32(unitsB.upperBound))] {
            let i = Int(i), j = Int(j)
            if i > pa || j > pb { gaps.append((ua.start(pa)..<ua.start(i), ub.start(pb)..<ub.start(j))) }
            pa = i + 1
            pb = j + 1
        }
        return gaps
    }
}
