import Foundation
import GalleyCore
import GalleyTestSupport
import Testing
@testable import TermRules

/// The shipped lists in Workspace/terms, the planted errors of Workspace/, the real sample page, and bad lists.
@Suite struct TermListsTests {
    static let workspace = projectRoot() + "/Workspace"
    static let samplePath = projectRoot() + "/../shared/samples/000_582f17a897ff82ac.txt"

    /// The term files of Workspace/terms, optionally without the newsroom's own local.yml.
    static func shippedFiles(local: Bool = true) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: workspace + "/terms") where name.hasSuffix(".yml") {
            if !local && name == "local.yml" { continue }
            files["terms/" + name] = try String(contentsOfFile: workspace + "/terms/" + name, encoding: .utf8)
        }
        return files
    }

    static func context(_ text: String, path: String = "a.md", files: [String: String]) throws -> ArticleContext {
        ArticleContext(path: path, article: try ArticleParser.parse(text, path: path, requireFrontMatter: false),
                       resources: NewsroomResources(configuration: Configuration(), files: files))
    }

    /// `rule-id 文字→替换` for every finding of the term rules.
    static func findings(_ c: ArticleContext) -> [String] {
        termsPlugin.rules.flatMap { t in
            ExampleHarness.diagnose(t.init(options: RuleOptions(defaultsOf: t.description)), c).map {
                "\(t.description.id) \(c.source[$0.range])→\($0.replacement ?? "")"
            }
        }.sorted()
    }

    static func issues(_ files: [String: String]) -> [ResourceIssue] {
        termsPlugin.checkResources(NewsroomResources(configuration: Configuration(), files: files))
    }

    @Test func theShippedListsParse() throws {
        let files = try Self.shippedFiles()
        #expect(Self.issues(files) == [])
        let lists = try TermListParser.parse(files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                                             NewsroomResources(configuration: Configuration(), files: files)).get()
        #expect(lists.entries.count > 200)
        #expect(Set(lists.entries.map(\.category)) == Set(TermCategory.allCases))
        // local.yml silences what the house-style plugin checks, and overrides 隆重召开.
        #expect(!lists.entries.contains { $0.wrong.contains("其它") || $0.wrong.contains("截止") })
        #expect(lists.entries.first { $0.wrong == ["隆重召开"] }?.category == .banned)
    }

    /// Every planted wording error W1–W8 of Workspace/ERRORS.md, and nothing else, in the original articles.
    @Test func findsThePlantedWordingErrorsOfWorkspace() throws {
        let files = try Self.shippedFiles(local: false)
        var found: [String] = []
        let folder = Self.workspace + "/articles/2026-11-27"
        for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
            let c = try Self.context(try String(contentsOfFile: folder + "/" + name, encoding: .utf8), path: name, files: files)
            found += Self.findings(c).map { "\(name.dropLast(3)) \($0)" }
        }
        #expect(found == [
            "a1-hightech-park terms.typo 产业圆→产业园",
            "a1-hightech-park terms.typo 截止→截至",
            "a1-winter-heating terms.variant 其它→其他",
            "a2-commentary-elevator terms.typo 再接再励→再接再厉",
            "a2-commentary-elevator terms.typo 既使→即使",
            "a2-interview-hightech terms.variant 名符其实→名副其实",
            "a3-feature-elevator terms.typo 一付→一副",
            "a3-feature-elevator terms.typo 按装→安装",
        ])
    }

    @Test func theNewsroomLocalListSilencesWhatTheExternalPluginChecks() throws {
        let text = try String(contentsOfFile: Self.workspace + "/articles/2026-11-27/a1-winter-heating.md", encoding: .utf8)
        #expect(Self.findings(try Self.context(text, files: try Self.shippedFiles())).isEmpty)
    }

    @Test func aHeadlineErrorIsPlacedInTheFrontMatter() throws {
        let text = try String(contentsOfFile: Self.workspace + "/articles/2026-11-27/a1-hightech-park.md", encoding: .utf8)
        let c = try Self.context(text, files: try Self.shippedFiles())
        let d = try #require(ExampleHarness.diagnose(TypoTermRule(options: RuleOptions()), c).first)
        let f = FindingLocator(c).finding(d, rule: "terms.typo", severity: .warning, revision: nil)
        #expect(f.line == 9 && f.column == 18 && f.offset == nil && f.text == "产业圆", "\(f)")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: samplePath), "the sample page ../shared/samples/000_582f17a897ff82ac.txt is absent"))
    func theRealPageHasNoFalseAlarm() throws {
        let page = try String(contentsOfFile: Self.samplePath, encoding: .utf8)
        #expect(Self.findings(try Self.context(page, files: try Self.shippedFiles(local: false))) == [])
    }

    /// Sentences where a wrong form of the shipped lists is spelled across two words, or quoted as a title.
    @Test func theShippedListsLeaveLegitimateWordsAlone() throws {
        let files = try Self.shippedFiles(local: false)
        let legitimate = [
            "老人们尤其它们的子女都盼着电梯。", "补贴按装机容量计算。", "报名截止日期为11月30日。", "活动于月底截止。",
            "这样既使用传统工艺，也采用新技术。", "这样做既使企业受益，又让群众得实惠。", "他推荐了散文集《其它的风景》。",
            "全市统一付款。", "市里公布署名文章。", "过渡假期结束。", "他要立即然后再去。", "任凭添加。", "选手轻松驰骋赛场。",
            "人群起哄动手。", "埋伏侍卫。", "番茄克数。", "夕阳余晖映照湖面。", "参赛的多是十四五岁的孩子。",
            "明年是“十五五”规划实施的第二年。", "产业圆梦计划启动。", "险峻工程顺利推进。", "出门坎坷多。",
        ]
        for sentence in legitimate {
            #expect(Self.findings(try Self.context(sentence, files: files)) == [], "\(sentence)")
        }
        let wrong = [
            ("明年是十五五规划实施的第二年。", "terms.formulation 十五五→“十五五”"),
            ("这次调研可谓名符\n其实。", "terms.variant 名符\n其实→名副其实"),
            ("代表团访问了北朝鲜。", "terms.banned 北朝鲜→朝鲜"),
            ("副市长亲自带队。", "terms.careful 亲自→"),
            ("截止今年10月底，共建成120个。", "terms.typo 截止→截至"),
        ]
        for (sentence, finding) in wrong {
            #expect(Self.findings(try Self.context(sentence, files: files)) == [finding], "\(sentence)")
        }
    }

    @Test func overrideReplacesAndSilenceRemoves() throws {
        let shipped = "category: typo\nterms:\n  - {wrong: 按装, right: 安装, certain: true}\n  - {wrong: 再接再励, right: 再接再厉, certain: true}\n"
        let local = "terms:\n  - {wrong: 按装, right: 安装, category: typo, override: true, followed-by: [电梯]}\nsilence: [再接再励]\n"
        let files = ["terms/a-shipped.yml": shipped, "terms/local.yml": local]
        #expect(Self.issues(files) == [])
        #expect(Self.findings(try Self.context("同意按装电梯。要再接再励。按装空调。", files: files)) == ["terms.typo 按装→安装"])
        // The override wins whatever the file order.
        let reversed = ["terms/z-shipped.yml": shipped, "terms/a-local.yml": local]
        #expect(Self.findings(try Self.context("同意按装电梯。按装空调。", files: reversed)) == ["terms.typo 按装→安装"])
    }

    @Test func badListsAreInputErrorsNamingFileAndLine() {
        func one(_ text: String, file: String = "terms/x.yml") -> String {
            let found = Self.issues([file: text])
            #expect(found.count == 1 && found.allSatisfy(\.isError), "\(found)")
            return found.first?.message ?? ""
        }
        #expect(one("category: variant\nterms:\n  - {wrong: 其它, right: 其他}\n  - {wrong: 其它, right: 其他}\n", file: "terms/variant.yml")
            == "terms/variant.yml:4: '其它' is already listed at terms/variant.yml:3; remove one, or write 'override: true' on the entry that should win")
        let across = Self.issues(["terms/a.yml": "terms:\n  - {wrong: 其它, right: 其他, category: variant}\n",
                                  "terms/b.yml": "category: variant\nterms:\n  - {wrong: [他们, 其它], right: 其他}\n"])
        #expect(across == [.error("terms/b.yml:3: '其它' is already listed at terms/a.yml:2; remove one, or write 'override: true' on the entry that should win")])
        #expect(one("terms:\n  - {wrong: 其它, right: 其他\n  - {wrong: 按装}\n").hasPrefix("terms/x.yml:3: not valid YAML"))
        #expect(one("terms:\n  - {wrong: 其它, right: 其他, category: variant, folowed-by: [们]}\n")
            == "terms/x.yml:2: unknown key 'folowed-by' (known: category, certain, except, followed-by, not-followed-by, not-later-in-sentence, not-preceded-by, note, override, preceded-by, right, wrong)")
        #expect(one("terms:\n  - {wrong: 按装, category: typo}\n") == "terms/x.yml:2: '按装' needs 'right', the form to write instead")
        #expect(one("terms:\n  - {wrong: 按装, right: 安装, category: spelling}\n") == "terms/x.yml:2: category 'spelling' is not one of variant, typo, banned, careful, formulation")
        #expect(one("terms:\n  - {wrong: 按装, right: 安装, category: typo, certain: maybe}\n") == "terms/x.yml:2: 'certain' must be true or false")
        #expect(one("terms:\n  - {wrong: 其它, right: 其他, category: variant, except: [其他]}\n") == "terms/x.yml:2: except '其他' does not contain a wrong form of its entry")
        #expect(one("- 其它\n") == "terms/x.yml:1: expected a mapping with a 'terms:' list")
        #expect(one("words: []\n") == "terms/x.yml:1: unknown key 'words' (known: category, silence, source, terms)")
        #expect(Self.issues([:]) == [.warning("no terms/*.yml in the newsroom: the term rules (terms.*) are off; Galley ships its lists in Workspace/terms/")])
        #expect(Self.issues(["terms/x.yml": "silence: [其它]\n"]) == [.warning("terms/x.yml:1: silence of '其它' matches no entry")])
    }
}
