import Foundation
@testable import GalleyCore
import GalleyTestSupport
import Testing
@testable import TypographyRules

/// `--fix` checks again only the stretches an earlier pass touched (`FixRun`); the text it gives must be the
/// one of whole passes over every correctable rule (`Fixer.fix`), the reference here.
@Suite struct TypographyFixPassesTests {
    static var checker: Checker { Checker(newsroom: nil, families: [typographyPlugin]) }

    /// Whole check-and-apply passes, as `--fix` ran before it learnt to check only what changed.
    static func reference(_ context: ArticleContext, rules: [any CorrectableRule]) -> (text: String, applied: Int) {
        Fixer.fix(context.source) { text in
            guard let article = try? ArticleParser.parse(text, path: context.path, requireFrontMatter: false) else { return [] }
            let c = ArticleContext(path: context.path, article: article, resources: context.resources).withBodyScalars()
            return rules.flatMap { $0.check(c) }
        }
    }

    /// How many edits the fix of `text` took, after expecting the same text and count from both.
    @discardableResult
    static func expectSame(_ text: String, resources: NewsroomResources? = nil, _ name: String = "") throws -> Int {
        let context = ArticleContext(path: "a.md", article: try ArticleParser.parse(text, path: "a.md", requireFrontMatter: false), resources: resources)
        let checker = checker
        let rules = checker.correctableRules(for: context)
        let fast = checker.fixedText(context, rules: rules)
        let slow = reference(context, rules: rules)
        #expect(fast.text == slow.text, "\(name)")
        #expect(fast.applied == slow.applied, "\(name)")
        return slow.applied
    }

    /// Paragraphs whose fixes reveal others, in this or a later pass.
    static let cascades = [
        "列举甲、 、 、乙，还有丙、 、丁。",
        "一季度增长３％，全年增长4.2%。",
        "价格上涨３％ ，同比增长 12 %。",
        "示范区 （高新区） 党工委 12 月 25 日上午开会。",
        "本报讯（记者付凯明） 12\n月 25 日，\n金额达480\n余万元。",
        "大白菜1.2元/斤，萝卜0.8元/斤，土豆1.5元／斤。",
        "推出“文旅＋康养”和“互联网+政务”“5G+工业”套餐。",
        "属 国 有 企 业 安 全 生 产 职 责 清 单。",
        "　　 段首有空格，行尾也有。  \n第二行。 ",
        "他说：“这是第 ３ 次。。”",
        "访问 https://example.com/a%20b 了解，增长5％。",
        // A fix that reveals one reaching back before it: a number left at a line's end.
        "金额达480 \n余万元，时间是12 　\n月18日。",
        "同比增长 12 ％ ，环比增长３％。",
    ]

    @Test func cascadingFixesGiveTheTextOfWholePasses() throws {
        for (n, paragraph) in Self.cascades.enumerated() {
            try Self.expectSame(paragraph, "cascade \(n)")
            try Self.expectSame("开头一段。\n\n" + paragraph + "\n\n结尾一段。\n", "cascade \(n) between paragraphs")
        }
        #expect(try Self.expectSame(Self.cascades.joined(separator: "\n\n")) > 10)
    }

    /// Random articles of the paragraphs above, of the sample page's when it is there, joined by empty lines,
    /// blank lines with spaces or runs of line feeds.
    @Test func mixedArticlesGiveTheTextOfWholePasses() throws {
        var pool = Self.cascades
        if TypographySamplePageTests.present {
            pool += try TypographySamplePageTests.page().source.components(separatedBy: "\n\n").prefix(40)
        }
        let joins = ["\n\n", "\n \n", "\n\n\n", "\n　\n", "\n"]
        var random = SeededRandom(seed: 42)
        for n in 0..<60 {
            let count = 1 + Int.random(in: 0..<8, using: &random)
            var text = ""
            for k in 0..<count {
                if k > 0 { text += joins.randomElement(using: &random)! }
                text += pool.randomElement(using: &random)!
            }
            try Self.expectSame(text, "mix \(n)")
        }
    }

    /// What `RuleScope.paragraph` promises: a rule finds the same in every other stretch of a body, checked
    /// alone, as in the whole body.
    @Test func paragraphRulesFindTheSameInStretchesAlone() throws {
        var text = Self.cascades.joined(separator: "\n\n\n")
        if TypographySamplePageTests.present { text += "\n\n" + (try TypographySamplePageTests.page().source) }
        let whole = ArticleContext(path: "a.md", article: try ArticleParser.parse(text, path: "a.md", requireFrontMatter: false)).withBodyScalars()
        let bytes = Array(whole.body.utf8)
        let cuts = [0] + (1..<bytes.count).filter { bytes[$0 - 1] == 0x0A && bytes[$0] == 0x0A } + [bytes.count]
        let every = (0..<(cuts.count - 1)).map { cuts[$0]..<cuts[$0 + 1] }
        let chosen = every.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        let stretches = TouchedStretches(body: whole.body, regions: chosen)
        let alone = FixRun.part(stretches.text, of: whole)
        let rules = typographyPlugin.rules.filter { $0.description.scope == .paragraph }.compactMap { $0.init(options: RuleOptions(defaultsOf: $0.description)) as? any CorrectableRule }
        #expect(rules.count == 17)
        func offsets(_ d: Diagnosis, in body: Substring) -> Range<Int> {
            body.utf8.distance(from: body.startIndex, to: d.range.lowerBound)..<body.utf8.distance(from: body.startIndex, to: d.range.upperBound)
        }
        for rule in rules {
            let expected = rule.check(whole).map { (offsets($0, in: whole.body), $0.replacement, $0.isCertain) }
                .filter { d in chosen.contains { $0.lowerBound <= d.0.lowerBound && d.0.upperBound <= $0.upperBound } }
            let found = rule.check(alone).compactMap { d in stretches.bodyRange(offsets(d, in: alone.body)).map { ($0, d.replacement, d.isCertain) } }
            #expect(found.count == expected.count, "\(rule.id)")
            #expect(zip(found, expected).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 && $0.2 == $1.2 }, "\(rule.id)")
        }
    }

    @Test(.enabled(if: TypographySamplePageTests.present, "the sample page ../shared/samples/000_582f17a897ff82ac.txt is absent"))
    func samplePageGivesTheTextOfWholePasses() throws {
        let page = try TypographySamplePageTests.page().source
        #expect(try Self.expectSame(page) >= 80)
        try Self.expectSame([page, page, page].joined(separator: "\n\n"), "three copies")
    }

    @Test func workspaceArticlesGiveTheTextOfWholePasses() throws {
        let root = projectRoot() + "/Workspace"
        let staff = try String(contentsOfFile: root + "/staff.yml", encoding: .utf8)
        let resources = NewsroomResources(configuration: Configuration(), files: [SplitNameRule.staffFile: staff])
        let files = FileManager.default.enumerator(atPath: root + "/articles")?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
        #expect(!files.isEmpty)
        for file in files {
            try Self.expectSame(try String(contentsOfFile: root + "/articles/" + file, encoding: .utf8), resources: resources, file)
        }
    }
}
