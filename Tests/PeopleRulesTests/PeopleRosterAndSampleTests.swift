import Foundation
import GalleyCore
import GalleyTestSupport
import Testing
@testable import PeopleRules

/// Workspace/people.yml against the planted errors O1 and O2, the real sample page with a roster of its
/// officials, roster dates, and bad rosters.
@Suite struct PeopleRosterAndSampleTests {
    static let workspace = projectRoot() + "/Workspace"
    static let samplePath = projectRoot() + "/../shared/samples/000_582f17a897ff82ac.txt"

    static func context(_ text: String, path: String = "a.md", files: [String: String]) throws -> ArticleContext {
        ArticleContext(path: path, article: try ArticleParser.parse(text, path: path),
                       resources: NewsroomResources(configuration: Configuration(), files: files))
    }

    static func findings(_ c: ArticleContext, issue others: [ArticleContext] = []) -> [String] {
        peoplePlugin.rules.flatMap { t in
            ExampleHarness.diagnose(t.init(options: RuleOptions(defaultsOf: t.description)), c, issue: others).map {
                "\(t.description.id) \(c.source[$0.range])" + ($0.replacement.map { "→\($0)" } ?? "") + " \($0.message.zh)"
            }
        }
    }

    static func workspaceFiles() throws -> [String: String] {
        [PeopleRoster.file: try String(contentsOfFile: workspace + "/people.yml", encoding: .utf8)]
    }

    @Test func theWorkspaceIssueHasExactlyO1AndO2() throws {
        let files = try Self.workspaceFiles()
        #expect(peoplePlugin.checkResources(NewsroomResources(configuration: Configuration(), files: files)) == [])
        let folder = Self.workspace + "/articles/2026-11-27"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let contexts = try names.map { try Self.context(String(contentsOfFile: folder + "/" + $0, encoding: .utf8), path: $0, files: files) }
        var found: [String] = []
        for (i, c) in contexts.enumerated() {
            found += Self.findings(c, issue: contexts.enumerated().filter { $0.offset != i }.map(\.element)).map { "\(names[i].dropLast(3)) \($0)" }
        }
        #expect(found == [
            "a1-hightech-park people.order 罗振华、钟卫国、魏东升→钟卫国、罗振华、魏东升 领导同志排序应为：钟卫国、罗振华、魏东升（people.yml 的 rank）",
            "a1-winter-heating people.title 市委副书记→副市长 魏东升的职务是副市长（people.yml），不是“市委副书记”",
        ])
    }

    /// The page's officials as a roster of their own: the titles and lists the page prints are all right.
    static let pageRoster = """
        people:
          - {name: 吕沛, rank: 1, titles: [{title: 党工委书记, organization: 示范区（高新区）, from: 2021-01-01}]}
          - {name: 宫卫红, rank: 2, titles: [{title: 党工委副书记, organization: 示范区（高新区）, from: 2021-01-01}, {title: 管委会主任, organization: 示范区（高新区）, from: 2021-01-01}]}
          - {name: 刘春明, rank: 3}
          - {name: 冯利民, rank: 4}
          - {name: 许海玲, rank: 5}
          - {name: 姜坤峰, rank: 6}
          - {name: 申晓东, rank: 7}
          - {name: 赵俊峰, rank: 8}
          - {name: 万英奎, rank: 9}
          - {name: 高鸿, rank: 10}
          - {name: 侯建华, rank: 11}
          - {name: 赵俊生, rank: 12}
          - {name: 王建新, rank: 13}
        """

    @Test(.enabled(if: FileManager.default.fileExists(atPath: samplePath), "the sample page ../shared/samples/000_582f17a897ff82ac.txt is absent"))
    func theRealPageHasNoFalseAlarm() throws {
        let page = try String(contentsOfFile: Self.samplePath, encoding: .utf8)
        let text = "---\nid: x\nissue: 2021-12-28\npage: 1\nsection: 要闻\ngenre: news\nstatus: draft\nheadline: 标题\n---\n" + page
        let c = try Self.context(text, files: [PeopleRoster.file: Self.pageRoster])
        #expect(Self.findings(c) == [])
        // The lists across wrapped lines were read: the same page with two leaders swapped is flagged.
        let swapped = text.replacingOccurrences(of: "区领导申晓东、高鸿参加活动", with: "区领导高鸿、申晓东参加活动")
        #expect(Self.findings(try Self.context(swapped, files: [PeopleRoster.file: Self.pageRoster]))
            == ["people.order 高鸿、申晓东→申晓东、高鸿 领导同志排序应为：申晓东、高鸿（people.yml 的 rank）"])
        // And a wrong title on the page would be caught: 宫卫红 is not 党工委书记.
        let wrongTitle = text.replacingOccurrences(of: "会主任宫卫红，区领导申晓东", with: "会主任宫卫红，党工委书记宫卫红，区领导申晓东")
        #expect(Self.findings(try Self.context(wrongTitle, files: [PeopleRoster.file: Self.pageRoster])).contains {
            $0.hasPrefix("people.title 党工委书记 宫卫红的职务是党工委副书记、管委会主任")
        })
    }

    @Test func titlesFollowTheIssueDate() throws {
        let files = try Self.workspaceFiles()
        func found(_ body: String, issue: String) throws -> [String] {
            let text = "---\nid: x\nissue: \(issue)\npage: A1\nsection: 要闻\ngenre: news\nstatus: draft\nheadline: 标题\n---\n\(body)\n"
            return Self.findings(try Self.context(text, files: files)).filter { $0.hasPrefix("people.title") }
        }
        // 谢文斌: 副市长 to 2025-12-31, 常务副市长 from 2026-01-01.
        #expect(try found("副市长谢文斌主持会议。", issue: "2025-12-31") == [])
        #expect(try found("副市长谢文斌主持会议。", issue: "2026-01-01") == ["people.title 副市长→常务副市长 谢文斌已于2025-12-31卸任副市长，现任常务副市长（people.yml）"])
        #expect(try found("常务副市长谢文斌主持会议。", issue: "2026-01-01") == [])
        #expect(try found("常务副市长谢文斌主持会议。", issue: "2025-12-31") == ["people.title 常务副市长→副市长 谢文斌2026-01-01起才任常务副市长，出版日期时为副市长（people.yml）"])
        // 韦俊杰 became 高新区管委会主任 on 2025-03-01 and held nothing listed before.
        #expect(try found("高新区管委会主任韦俊杰介绍。", issue: "2025-02-28") == ["people.title 高新区管委会主任 韦俊杰2025-03-01起才任高新区管委会主任（people.yml）"])
    }

    @Test func badRostersAreInputErrorsNamingTheLine() {
        func issues(_ text: String?) -> [ResourceIssue] {
            peoplePlugin.checkResources(NewsroomResources(configuration: Configuration(), files: text.map { [PeopleRoster.file: $0] } ?? [:]))
        }
        #expect(issues(nil) == [.warning("no people.yml in the newsroom: the people rules (people.*) are off")])
        #expect(issues("people:\n  - {name: 吕沛, rank: 1}\n  - {name: 吕沛, rank: 2}\n") == [.error("people.yml:3: duplicate name '吕沛' (first at line 2)")])
        let broken = issues("people:\n  - {name: 吕沛, rank: 1\n  - name: 宫卫红\n")
        #expect(broken.count == 1 && broken[0].isError && broken[0].message.hasPrefix("people.yml:3: not valid YAML"), "\(broken)")
        #expect(issues("people:\n  - name: 吕沛\n    rank: first\n") == [.error("people.yml:3: the rank of '吕沛' must be a whole number (lower comes first)")])
        #expect(issues("people:\n  - name: 吕沛\n    titles:\n      - {title: 书记, from: 2021-13-01}\n")
            == [.error("people.yml:4: the title '书记' of '吕沛' needs 'from' as a date YYYY-MM-DD")])
        #expect(issues("people:\n  - name: 吕沛\n    titles:\n      - {title: 书记, from: 2021-01-01, to: 2020-01-01}\n")
            == [.error("people.yml:4: the title '书记' of '吕沛' ends (2020-01-01) before it starts (2021-01-01)")])
        #expect(issues("leaders: []\n") == [.error("people.yml:1: expected a top-level 'people:' list")])
        #expect(issues("people:\n  - {name: Lü Pei}\n") == [.error("people.yml:2: 'Lü Pei' is not a name in Chinese characters")])
    }
}
