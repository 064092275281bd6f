import Foundation
import GalleyCore
import GalleyTestSupport
import Testing
@testable import TypographyRules

/// The real page in ../shared/samples (as extracted from its PDF): every damage class on the lines
/// that show it, and nothing anywhere else.
@Suite struct TypographySamplePageTests {
    static let samplePath = projectRoot() + "/../shared/samples/000_582f17a897ff82ac.txt"
    static var present: Bool { FileManager.default.fileExists(atPath: samplePath) }

    /// The lines of the page that show each class (1-based), read off the page by hand.
    static let expected: [String: [Int]] = [
        // Letter-spaced runs a justified column left behind.
        "typography.letter-spacing": [128, 341, 344, 361, 364, 366, 369, 380, 523, 526],
        // `来 （返） 焦`, `（记者郭树勋） 12`, `审议了 《`.
        "typography.punctuation-spacing": [1, 5, 16, 31, 59, 60, 70, 109, 125, 126, 127, 136, 173, 207, 252, 282, 299,
                                           410, 420, 425, 429, 431, 436, 442, 458, 488, 502],
        // `12 月 25 日`, `的 4 个`, `金 966 万`; two on a line are two findings (`“7 天集中隔离+7 天`).
        "typography.han-digit-spacing": [1, 303, 345, 353, 357, 358, 358, 362, 365, 367, 368, 370, 372, 373, 375, 376, 377, 378,
                                         381, 383, 412, 413, 413, 422, 422, 427, 427, 432, 433, 465, 527, 528, 530],
        // `12⏎月18日`, `480⏎余万元`.
        "typography.split-number": [299, 376, 381, 409, 416, 441, 528, 530],
        // ` 本报讯` at two paragraph starts; a lone space on the last line.
        "typography.line-edge-spaces": [1, 59, 532],
        // Quotations cut by a column break (a blank line inside `“工作⏎⏎体检”`).
        "typography.unbalanced-pairs": [160, 412],
        // One `＋` among four `+`.
        "typography.mixed-sign-forms": [413],
    ]

    static func page() throws -> ArticleContext {
        let text = try String(contentsOfFile: samplePath, encoding: .utf8)
        return ArticleContext(path: "page.txt", article: try ArticleParser.parse(text, path: "page.txt", requireFrontMatter: false))
    }

    static func diagnoses(_ context: ArticleContext, profile: Profile = .print) -> [(rule: String, d: Diagnosis)] {
        typographyPlugin.rules.flatMap { type in
            let rule = type.init(options: RuleOptions(defaultsOf: type.description, profile: profile))
            return ExampleHarness.diagnose(rule, context).map { (type.description.id, $0) }
        }
    }

    static func line(_ d: Diagnosis, in source: String) -> Int {
        source[..<d.range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }

    @Test(.enabled(if: present, "the sample page ../shared/samples/000_582f17a897ff82ac.txt is absent"))
    func everyClassOnItsLinesAndNothingElse() throws {
        let context = try Self.page()
        var found: [String: [Int]] = [:]
        for (rule, d) in Self.diagnoses(context) { found[rule, default: []].append(Self.line(d, in: context.source)) }
        for rule in Set(found.keys).union(Self.expected.keys).sorted() {
            #expect(found[rule, default: []].sorted() == Self.expected[rule, default: []], "\(rule)")
        }
    }

    @Test(.enabled(if: present, "the sample page ../shared/samples/000_582f17a897ff82ac.txt is absent"))
    func splitDateAndLetterSpacingAreOneFindingEach() throws {
        let context = try Self.page()
        let texts = Self.diagnoses(context).map { "\($0.rule)|\(context.source[$0.d.range])" }
        #expect(texts.contains("typography.han-digit-spacing|12 月 25 日"))
        #expect(texts.contains("typography.split-number|12\n月"))
        #expect(texts.contains("typography.punctuation-spacing|区 （高新区） 党"))
        #expect(texts.contains("typography.letter-spacing|属 国 有 企 业 安 全 生 产 职 责 清"))
    }

    @Test(.enabled(if: present, "the sample page ../shared/samples/000_582f17a897ff82ac.txt is absent"))
    func fixRemovesOnlyWhiteSpaceAndLeavesNothingCertain() throws {
        let context = try Self.page()
        let (fixed, applied) = Fixer.fix(context.source) { text in
            guard let article = try? ArticleParser.parse(text, path: "page.txt", requireFrontMatter: false) else { return [] }
            return Self.diagnoses(ArticleContext(path: "page.txt", article: article)).map(\.d)
        }
        #expect(applied >= 80)
        func visible(_ s: String) -> String { String(s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }
        #expect(visible(fixed) == visible(context.source), "the fixes only take out spaces and line breaks")
        let after = try ArticleParser.parse(fixed, path: "page.txt", requireFrontMatter: false)
        #expect(Self.diagnoses(ArticleContext(path: "page.txt", article: after)).filter { $0.d.isCertain }.isEmpty)
        #expect(fixed.contains("本报讯（记者郭树勋）12月25日上午，") && fixed.contains("本报记者 付凯明"))
    }

    @Test(.enabled(if: present, "the sample page ../shared/samples/000_582f17a897ff82ac.txt is absent"))
    func webProfileAddsSpacesInsteadOfRemovingThem() throws {
        let context = try Self.page()
        let web = Self.diagnoses(context, profile: .web)
        #expect(!web.contains { $0.rule == "typography.han-digit-spacing" && context.source[$0.d.range] == "12 月 25 日" })
        #expect(web.contains { $0.rule == "typography.han-digit-spacing" && $0.d.replacement == "12 月 25 日" })
        // Both conventions agree on full-width punctuation.
        #expect(web.contains { $0.rule == "typography.punctuation-spacing" && context.source[$0.d.range] == "区 （高新区） 党" })
    }
}
