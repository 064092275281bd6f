/// Runs a rule's examples: each triggering example must be flagged exactly at its marked ranges,
/// each non-triggering one not at all, and each correction must give its `after` text. Every example
/// also runs after a multi-byte prefix paragraph and with CRLF line endings.
public enum ExampleHarness {
    /// A failed example, pointing into the rule's source file.
    public struct Failure: Sendable, CustomStringConvertible {
        public let rule: String
        public let variant: String
        public let problem: String
        public let file: String
        public let line: Int
        public var description: String { "\(file):\(line): \(rule) [\(variant)]: \(problem)" }
    }

    /// A paragraph of CJK, emoji (with ZWJ) and Latin text no rule should flag: it shifts every byte,
    /// scalar and UTF-16 offset differently.
    public static let prefixParagraph = "序：滨江😀👩‍👩‍👧市民。\n\n"

    /// Runs the examples of a built-in rule with its default options (plus each example's overrides).
    public static func run(_ type: any Rule.Type) -> [Failure] {
        let d = type.description
        func rule(_ example: Example) -> any Rule {
            type.init(options: RuleOptions(defaultsOf: d, overrides: example.options, profile: example.profile))
        }
        // Corrections also go through `galley check --fix`'s own passes, which re-check only what they edited.
        let fixRun = { (example: Example, context: ArticleContext) -> String? in
            guard let correctable = rule(example).asCorrectable else { return nil }
            return FixRun(path: context.path, resources: context.resources, rules: [correctable]).run(context.source).text
        }
        return run(id: d.id, triggering: d.triggering, nonTriggering: d.nonTriggering, corrections: d.corrections,
                   prefixInFrontMatter: d.readsBodyStart, fixRun: fixRun) { example, context in
            let history = ArticleHistory(previous: example.previous.flatMap { parse($0, path: context.path, files: example.files) },
                                         first: example.first.flatMap { parse($0, path: context.path, files: example.files) })
            let others = example.otherArticles.compactMap { parse($0, path: "other.md", files: example.files) }
            return diagnose(rule(example), context, history: history, issue: others)
        }
    }

    /// Runs examples against any checker, e.g. an external plugin.
    public static func run(id: String, triggering: [Example], nonTriggering: [Example], corrections: [Example],
                           prefixInFrontMatter: Bool = false, fixRun: ((Example, ArticleContext) -> String?)? = nil,
                           check: (Example, ArticleContext) -> [Diagnosis]) -> [Failure]
    {
        var failures: [Failure] = []
        func fail(_ e: Example, _ variant: String, _ problem: String) {
            failures.append(Failure(rule: id, variant: variant, problem: problem, file: e.file, line: e.line))
        }
        for e in triggering + nonTriggering {
            let (text, ranges) = e.unmarked
            if triggering.contains(where: { $0.file == e.file && $0.line == e.line && $0.marked == e.marked }) && ranges.isEmpty {
                fail(e, "plain", "a triggering example needs at least one ⟪marked⟫ range")
            }
            for variant in Variant.allCases {
                guard let (context, shift) = variant.context(text, files: e.files, inFrontMatter: prefixInFrontMatter) else {
                    fail(e, variant.rawValue, "the example text does not parse as an article")
                    continue
                }
                let found = check(e, context)
                let foundRanges = found.map { byteRange($0.range, in: context.source) }.sorted { $0.lowerBound < $1.lowerBound }
                let expected = ranges.map { ($0.lowerBound + shift)..<($0.upperBound + shift) }
                if foundRanges != expected {
                    fail(e, variant.rawValue, "expected \(describe(expected, context.source)), found \(describe(foundRanges, context.source))")
                }
                if let message = e.message, let wrong = found.first(where: { $0.message.zh != message }) {
                    fail(e, variant.rawValue, "expected message “\(message)”, found “\(wrong.message.zh)”")
                }
            }
        }
        for e in corrections {
            let before = e.unmarked.text
            guard let after = e.corrected else {
                fail(e, "plain", "a correction example needs an `after` text")
                continue
            }
            for variant in Variant.allCases {
                guard let (context, _) = variant.context(before, files: e.files, inFrontMatter: prefixInFrontMatter), let (expectedContext, _) = variant.context(after, files: e.files, inFrontMatter: prefixInFrontMatter) else {
                    fail(e, variant.rawValue, "the example text does not parse as an article")
                    continue
                }
                let fixed = Fixer.fix(context.source) { text in
                    guard let c = parse(text, path: context.path, files: e.files) else { return [] }
                    return check(e, c)
                }.text
                if fixed != expectedContext.source {
                    fail(e, variant.rawValue, "expected “\(expectedContext.source)” after --fix, got “\(fixed)”")
                }
                if let fixedByRun = fixRun?(e, context), fixedByRun != expectedContext.source {
                    fail(e, variant.rawValue, "expected “\(expectedContext.source)” after --fix (FixRun), got “\(fixedByRun)”")
                }
            }
        }
        return failures
    }

    enum Variant: String, CaseIterable {
        case plain, multibytePrefix = "multi-byte prefix", crlf = "CRLF"

        /// The article the variant makes of `text`, and how many bytes the marked ranges shift.
        func context(_ text: String, files: [String: String], inFrontMatter: Bool = false) -> (ArticleContext, Int)? {
            guard let base = parse(text, path: "example.md", files: files) else { return nil }
            let bodyStart = base.article.bodyByteOffset
            switch self {
            case .plain: return (base, 0)
            case .multibytePrefix where inFrontMatter:
                // A front-matter field shifts every offset while the body still starts with the example.
                let field = "prefix-note: \"" + prefixParagraph.prefix { $0 != "\n" } + "\"\n"
                // Examples of such rules are whole articles (a body alone cannot take a front-matter field).
                guard base.frontMatter != nil else { return nil }
                return parse("---\n" + field + text.dropFirst(4), path: "example.md", files: files).map { ($0, field.utf8.count) }
            case .multibytePrefix:
                let bytes = Array(text.utf8)
                let withPrefix = String(decoding: bytes[..<bodyStart], as: UTF8.self) + prefixParagraph
                    + String(decoding: bytes[bodyStart...], as: UTF8.self)
                return parse(withPrefix, path: "example.md", files: files).map { ($0, prefixParagraph.utf8.count) }
            case .crlf:
                let crlf = Array(text.replacingLF(with: "\r\n").utf8)
                guard let decoded = try? SourceText.decode(crlf, path: "example.md") else { return nil }
                return parse(decoded.text, path: "example.md", files: files).map { ($0, 0) }
            }
        }
    }

    static func parse(_ text: String, path: String, files: [String: String] = [:]) -> ArticleContext? {
        guard let article = try? ArticleParser.parse(text, path: path, requireFrontMatter: false) else { return nil }
        return ArticleContext(path: path, article: article,
                              resources: NewsroomResources(configuration: Configuration(), files: files))
    }

    /// All diagnoses `rule` gives on one article, whatever its kind.
    /// `issue` holds the other articles a collecting rule sees; only diagnoses on `context` count.
    public static func diagnose(_ rule: any Rule, _ context: ArticleContext, history: ArticleHistory = .none,
                                issue: [ArticleContext] = []) -> [Diagnosis]
    {
        if let r = rule.asArticleRule { return r.check(context) }
        // As the runner does: no history for an article the rule says does not need it.
        if let r = rule.asRevisionAware { return r.check(context, history: r.needsHistory(context) ? history : .none) }
        if let r = rule.asCollecting { return r.check(issue: [context] + issue).filter { $0.article == 0 }.map(\.diagnosis) }
        return []
    }

    static func byteRange(_ r: Range<String.Index>, in s: String) -> Range<Int> {
        let u = s.utf8
        let lo = u.distance(from: u.startIndex, to: r.lowerBound)
        return lo..<(lo + u.distance(from: r.lowerBound, to: r.upperBound))
    }

    static func describe(_ ranges: [Range<Int>], _ s: String) -> String {
        if ranges.isEmpty { return "no finding" }
        let bytes = Array(s.utf8)
        return ranges.map { r in
            r.upperBound <= bytes.count ? "⟪\(String(decoding: bytes[r], as: UTF8.self))⟫@\(r.lowerBound)" : "@\(r)"
        }.joined(separator: ", ")
    }
}

extension String {
    func replacingLF(with newline: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: newline)
    }
}
