import Foundation
import GalleyCore
import GalleyTestSupport
import Testing
@testable import BylineRules

/// The bylines of the real page in ../shared/samples, and bad rosters.
@Suite struct BylineSampleAndRosterTests {
    static let samplePath = projectRoot() + "/../shared/samples/000_582f17a897ff82ac.txt"
    static let roster = "staff:\n  - {name: 郭树勋, roles: [记者]}\n  - {name: 付凯明, roles: [记者]}\n"

    func context(_ body: String, genre: String, credits: String = "[]", files: [String: String]) throws -> ArticleContext {
        let text = "---\nid: x\nissue: 2021-12-28\npage: 1\nsection: 要闻\ngenre: \(genre)\nstatus: draft\nheadline: 标题\ncredits: \(credits)\n---\n" + body
        return ArticleContext(path: "page.md", article: try ArticleParser.parse(text, path: "page.md"),
                              resources: NewsroomResources(configuration: Configuration(), files: files))
    }

    func diagnoses(_ types: [any Rule.Type], _ c: ArticleContext) -> [String] {
        types.flatMap { t in ExampleHarness.diagnose(t.init(options: RuleOptions(defaultsOf: t.description)), c).map { "\(t.description.id): \($0.message.zh)" } }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: samplePath), "the sample page ../shared/samples/000_582f17a897ff82ac.txt is absent"))
    func theNineBylinesOfTheSamplePageAreValidAndTheCaptionIsWarned() throws {
        let lines = try String(contentsOfFile: Self.samplePath, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let caption = try #require(lines.firstIndex { $0.hasPrefix("昨日") })
        // PDF extraction leaves a leading space on some lines.
        func opening(_ i: Int) -> Substring { lines[i].drop { $0 == " " } }
        let starts = lines.indices.filter { $0 < caption && (opening($0).hasPrefix("本报讯（") || opening($0).hasPrefix("本报记者 ")) }
        #expect(starts.count == 9)
        let files = [StaffRoster.file: Self.roster]
        var names: Set<String> = []
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : caption
            let body = lines[start..<end].joined(separator: "\n")
            let standalone = opening(start).hasPrefix("本报记者 ")
            let c = try context(body, genre: standalone ? "interview" : "news", files: files)
            let byline = try #require(PrintedByline.parse(c), "no byline at line \(start + 1)")
            #expect(!byline.credits.isEmpty)
            names.formUnion(byline.credits.map(\.name))
            let found = diagnoses([DatelineFormRule.self, BylineFormatRule.self, RosterRule.self, DatelineDateRule.self], c)
            #expect(found.isEmpty, "line \(start + 1): \(found)")
        }
        #expect(names == ["郭树勋", "付凯明"])  // including the name wrapped across two lines
        let captionBody = lines[caption...].joined(separator: "\n")
        let warned = diagnoses([CaptionCreditRule.self], try context(captionBody, genre: "caption", files: files))
        #expect(warned.count == 1 && warned[0].hasPrefix("byline.caption-credit"))
    }

    @Test func unknownNameGetsTheNearestRosterNames() throws {
        let c = try context("本报讯（记者付凯名）会议召开。", genre: "news", credits: "[{role: 记者, name: 付凯名}]", files: [StaffRoster.file: Self.roster])
        #expect(diagnoses([RosterRule.self], c) == ["byline.roster: “付凯名”不在名册中，是否为“付凯明”？"])
    }

    @Test func rosterActiveDatesAndRoles() throws {
        let roster = "staff:\n  - {name: 陈立峰, roles: [记者], active: {from: 2012-07-01, to: 2020-12-31}}\n"
        let c = try context("本报讯（记者陈立峰）会议召开。", genre: "news", credits: "[{role: 记者, name: 陈立峰}]", files: [StaffRoster.file: roster])
        #expect(diagnoses([RosterRule.self], c) == ["byline.roster: “陈立峰”已于2020-12-31离职"])
    }

    @Test func badRostersAreConfigurationErrorsNamingTheLine() {
        func issues(_ text: String?) -> [ResourceIssue] {
            bylinePlugin.checkResources(NewsroomResources(configuration: Configuration(), files: text.map { [StaffRoster.file: $0] } ?? [:]))
        }
        #expect(issues("staff:\n  - {name: 甲, roles: [记者]}\n  - {name: 乙, roles: [记者]}\n") == [])
        let duplicate = issues("staff:\n  - {name: 甲, roles: [记者]}\n  - {name: 甲, roles: [通讯员]}\n")
        #expect(duplicate == [.error("staff.yml:3: duplicate name '甲' (first at line 2)", rules: ["byline.roster"])])
        let broken = issues("staff:\n  - {name: 甲, roles: [记者]\n  - name: 乙\n")
        #expect(broken.count == 1 && broken[0].isError && broken[0].message.hasPrefix("staff.yml:") && broken[0].message.contains("not valid YAML"))
        #expect(issues("staff:\n  - {name: 甲}\n") == [.error("staff.yml:2: '甲' needs 'roles', e.g. [记者]", rules: ["byline.roster"])])
        // Only the roster rule reads staff.yml: with it off, none of this is reported.
        #expect(issues(nil) == [.warning("no staff.yml in the newsroom: the roster rules (byline.roster) are off", rules: ["byline.roster"])])
    }
}
