import GalleyCore

/// What a spacing rule does with the spaces it is about. `profile` lets the paper's profile decide:
/// print papers set no spaces where web copy adds them.
enum SpacingMode: String {
    case remove, add, ignore

    static let option = "spacing"

    static func spec(canAdd: Bool) -> OptionSpec {
        OptionSpec(option, default: .string("profile"), "profile, remove, \(canAdd ? "add, " : "")or ignore",
                   allowed: canAdd ? ["profile", "remove", "add", "ignore"] : ["profile", "remove", "ignore"])
    }

    static func of(_ options: RuleOptions, print: SpacingMode, web: SpacingMode) -> SpacingMode {
        SpacingMode(rawValue: options.string(option)) ?? (options.profile == .print ? print : web)
    }
}

/// The classes of visible characters spacing rules tell apart.
enum SpacingClass: Equatable {
    case han, digit, latin, opener, closer, punctuation, other

    static func isOpener(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "（", "《", "“", "‘", "「", "『", "【", "〔", "〈", "〖": return true
        default: return false
        }
    }

    static func isCloser(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "）", "》", "”", "’", "」", "』", "】", "〕", "〉", "〗": return true
        default: return false
        }
    }

    /// The class of the scalar at `i`; `%` and `‰` after a digit belong to the number.
    static func of(_ text: ScalarText, _ i: Int) -> SpacingClass {
        let s = text.scalars[i]
        if s.isASCIIDigit { return .digit }
        if (s == "%" || s == "‰"), let p = text[safe: i - 1], p.isASCIIDigit { return .digit }
        if s.isASCIILetter { return .latin }
        if CJK.isHan(s) { return .han }
        if isOpener(s) { return .opener }
        if isCloser(s) { return .closer }
        if CJK.isPunctuation(s) && s != "·" { return .punctuation }
        return .other
    }

    var isFullWidthPunctuation: Bool { self == .opener || self == .closer || self == .punctuation }
}

/// A run of spaces inside one line, between two visible characters.
struct SpaceGap {
    enum Kind: Equatable { case hanDigit, hanLatin, hanHan, outsidePunctuation, insideBracket, other }
    /// Scalar indices of the spaces.
    let start: Int
    let end: Int
    let kind: Kind

    static func kind(_ left: SpacingClass, _ right: SpacingClass) -> Kind {
        if left == .opener || right == .closer { return right == .other || left == .other ? .other : .insideBracket }
        if left.isFullWidthPunctuation || right.isFullWidthPunctuation {
            return left == .other || right == .other ? .other : .outsidePunctuation
        }
        switch (left, right) {
        case (.han, .digit), (.digit, .han): return .hanDigit
        case (.han, .latin), (.latin, .han): return .hanLatin
        case (.han, .han): return .hanHan
        default: return .other
        }
    }
}

/// The spaces of an article body, classified; shared by the spacing rules so they agree on which
/// spaces belong to whom (a letter-spaced run is one finding, not one per rule).
struct SpacingScan {
    let text: ScalarText
    let gaps: [SpaceGap]
    /// Letter-spaced runs (`区 属 国 有 企 业`) as ranges of indices into `gaps`.
    let letterSpacedRuns: [Range<Int>]
    /// Whether each gap belongs to a letter-spaced run.
    let inRun: [Bool]

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{A0}" || (0x2002...0x200A).contains(s.value)
    }

    static func isLineBreak(_ s: Unicode.Scalar) -> Bool { s == "\n" || s == "\r" }

    /// Runs of consecutive positions among `spaces`: each stretch of spaces in the body, made as
    /// it is read (a 10 MB body has hundreds of thousands).
    struct SpaceRuns: Sequence, IteratorProtocol {
        let spaces: Marks.Candidates
        var n = 0

        mutating func next() -> Range<Int>? {
            guard n < spaces.count else { return nil }
            let start = spaces[n]
            n += 1
            while n < spaces.count, spaces[n] == spaces[n - 1] + 1 { n += 1 }
            return start..<spaces[n - 1] + 1
        }
    }

    static func runs(_ spaces: Marks.Candidates) -> SpaceRuns { SpaceRuns(spaces: spaces) }

    /// The scan of `article`'s body, made once for all the spacing rules.
    static func of(_ article: ArticleContext) -> SpacingScan {
        article.shared("typography.spacing-scan") { SpacingScan(article.bodyScalars, spaces: Marks.of(article)[.space]) }
    }

    /// `spaces`: where the body's spaces are (`isSpace`), in order.
    init(_ text: ScalarText, spaces: Marks.Candidates) {
        var gaps: [SpaceGap] = []
        for run in Self.runs(spaces) {
            let (i, end) = (run.lowerBound, run.upperBound)
            if i > 0, end < text.count, !Self.isLineBreak(text.scalars[i - 1]), !Self.isLineBreak(text.scalars[end]),
               text.scalars[i - 1] != "\u{3000}", text.scalars[end] != "\u{3000}"
            {
                gaps.append(SpaceGap(start: i, end: end, kind: SpaceGap.kind(SpacingClass.of(text, i - 1), SpacingClass.of(text, end))))
            }
        }
        // Gaps one character apart form a chain; a chain with two or more Han–Han gaps is letter-spacing.
        var runs: [Range<Int>] = []
        var j = 0
        while j < gaps.count {
            var k = j
            while k + 1 < gaps.count, gaps[k].kind != .other, gaps[k + 1].kind != .other, gaps[k + 1].start - gaps[k].end == 1 { k += 1 }
            if k > j, gaps[j...k].lazy.filter({ $0.kind == .hanHan }).count >= 2 { runs.append(j..<(k + 1)) }
            j = k + 1
        }
        self.text = text
        self.gaps = gaps
        letterSpacedRuns = runs
        var inRun = Array(repeating: false, count: gaps.count)
        for run in runs { for n in run { inRun[n] = true } }
        self.inRun = inRun
    }

    /// Gaps of `kind` outside letter-spaced runs, grouped when only one token of a line lies between
    /// them: a number, one or two characters, or a bracketed phrase (`12 月 25 日`, `区 （高新区） 党`
    /// are one finding each). The groups are ranges of the gaps returned with them.
    func groups(of kind: SpaceGap.Kind) -> (gaps: [SpaceGap], groups: [Range<Int>]) {
        var chosen: [SpaceGap] = []
        var groups: [Range<Int>] = []
        for (n, gap) in gaps.enumerated() where gap.kind == kind && !inRun[n] {
            // Inside brackets the token is the bracketed phrase itself (`“ 小巨人 ”`).
            if let last = chosen.last, isToken(last.end, gap.start) || (kind == .insideBracket && isPhrase(last.end, gap.start)) {
                groups[groups.count - 1] = groups[groups.count - 1].lowerBound..<(chosen.count + 1)
            } else {
                groups.append(chosen.count..<(chosen.count + 1))
            }
            chosen.append(gap)
        }
        return (chosen, groups)
    }

    /// Whether scalars `lower..<upper` are one token: a number or word, at most two characters, or a short
    /// phrase from an opening to a closing bracket.
    func isToken(_ lower: Int, _ upper: Int) -> Bool {
        let count = upper - lower
        if count <= 2 { return true }
        let scalars = text.scalars[lower..<upper]
        // A number or a Latin word.
        if scalars.allSatisfy({ $0.isASCIIAlphanumeric || $0 == "." || $0 == "," || $0 == "%" }) {
            return true
        }
        return SpacingClass.isOpener(scalars.first!) && SpacingClass.isCloser(scalars.last!) && isPhrase(lower, upper)
    }

    /// At most twelve characters of one line without spaces.
    func isPhrase(_ lower: Int, _ upper: Int) -> Bool {
        upper - lower <= 12 && !text.scalars[lower..<upper].contains { SpacingScan.isLineBreak($0) || SpacingScan.isSpace($0) }
    }

    /// Scalar range from the token before `first` to the token after `last`: a whole number or
    /// Latin word, one Han character or punctuation mark.
    func span(from first: Int, to last: Int) -> (Int, Int) {
        var lower = first - 1
        let leftClass = SpacingClass.of(text, lower)
        if leftClass == .digit || leftClass == .latin {
            while lower > 0, SpacingClass.of(text, lower - 1) == leftClass || (leftClass == .digit && text.scalars[lower - 1] == ".") { lower -= 1 }
        }
        var upper = last + 1
        let rightClass = SpacingClass.of(text, last)
        if rightClass == .digit || rightClass == .latin {
            while upper < text.count, SpacingClass.of(text, upper) == rightClass || (rightClass == .digit && text.scalars[upper] == ".") { upper += 1 }
        }
        return (lower, upper)
    }

    /// A diagnosis removing the spaces of `group`, flagging the tokens around them.
    func removal(_ group: ArraySlice<SpaceGap>, _ message: Message) -> Diagnosis {
        let (lower, upper) = span(from: group.first!.start, to: group.last!.end)
        // The text between the gaps.
        let first = group.startIndex
        let kept = (first...group.endIndex).lazy.map { n in
            (n == first ? lower : group[n - 1].end)..<(n == group.endIndex ? upper : group[n].start)
        }
        return .fix(text.range(lower, upper), message, with: text.string(of: kept))
    }

    /// Diagnoses removing the spaces of each group of `kind`.
    func removals(of kind: SpaceGap.Kind, _ message: Message) -> [Diagnosis] {
        let (gaps, groups) = groups(of: kind)
        return groups.map { removal(gaps[$0], message) }
    }

    /// What a Han–`other` spacing rule (digits, Latin letters) finds in `mode`: the spaces of gaps of
    /// `kind` to remove, or the places where the two classes touch, to add one.
    static func hanSpacing(_ article: ArticleContext, with other: SpacingClass, gap kind: SpaceGap.Kind,
                           mode: SpacingMode, remove: Message, add: Message) -> [Diagnosis] {
        switch mode {
        case .ignore: return []
        case .remove: return of(article).removals(of: kind, remove)
        case .add:
            let scan = of(article)
            return scan.touching { ($0 == .han && $1 == other) || ($0 == other && $1 == .han) }.map { scan.insertion($0, add) }
        }
    }

    /// Places where `pair` classes touch with no space between (for the web profile's added spaces),
    /// grouped like `groups(of:)`, as scalar indices of the right-hand character.
    func touching(_ matches: (SpacingClass, SpacingClass) -> Bool) -> [[Int]] {
        var out: [[Int]] = []
        var previous = text.count > 0 ? SpacingClass.of(text, 0) : .other
        for i in 1..<max(1, text.count) {
            let current = SpacingClass.of(text, i)
            defer { previous = current }
            guard current != previous, matches(previous, current) else { continue }
            if let last = out.last?.last, isToken(last, i) { out[out.count - 1].append(i) } else { out.append([i]) }
        }
        return out
    }

    /// A diagnosis inserting a space at each of `points`.
    func insertion(_ points: [Int], _ message: Message) -> Diagnosis {
        let (lower, upper) = span(from: points.first!, to: points.last!)
        var replacement = String.UnicodeScalarView()
        for i in lower..<upper {
            if points.contains(i) { replacement.append(" ") }
            replacement.append(text.scalars[i])
        }
        return .fix(text.range(lower, upper), message, with: String(replacement))
    }
}
