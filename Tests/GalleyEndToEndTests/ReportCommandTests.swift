import Foundation
import GalleyTestSupport
import Testing

/// `galley report`, and the term lists and people.yml through the built binary.
@Suite struct ReportCommandTests {
    static let people = """
        people:
          - name: 魏东升
            rank: 5
            titles:
              - {title: 副市长, organization: 滨江市, from: 2022-05-01, to: null}
        """
    static let terms = "category: typo\nterms:\n  - {wrong: 再接再励, right: 再接再厉, certain: true}\n"

    func room() throws -> CLINewsroom {
        let room = try CLINewsroom()
        room.dir.write("people.yml", Self.people)
        room.dir.write("terms/typo.yml", Self.terms)
        // 字数: headline 7 + body 93 = 100.
        let body = "本报讯（记者陈立峰）11月26日，市委副书记魏东升带队检查供热。他要求各单位再接再励，确保群众温暖过冬。"
            + String(repeating: "供", count: 43)
        room.dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1", headline: "滨江今冬供暖启", body: body + "\n"))
        room.dir.write(ArticleFixture.path("a2"), ArticleFixture.text(id: "a2", headline: "标题", body: String(repeating: "暖", count: 98) + "\n"))
        return room
    }

    @Test func theIssueReportInTextAndJSON() throws {
        let room = try room()
        let text = try room.galley(["report", "--issue", "2026-11-27"])
        #expect(text.status == 1, "\(text.stderr)")
        #expect(text.stdout.contains("差错率报告：2026-11-27 期，2 篇"), "\(text.stdout)")
        #expect(text.stdout.contains("“市委副书记”→“副市长”") && text.stdout.contains("people.title"))
        let json = try room.galley(["report", "--issue", "2026-11-27", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let articles = try #require(object["articles"] as? [[String: Any]])
        // people.title 2 + terms.typo 1 = 3 errors in 100 characters: 300/10000.
        let a1 = try #require(articles.first { ($0["path"] as? String)?.hasSuffix("a1.md") == true })
        #expect(a1["characters"] as? Int == 100 && a1["weighted_errors"] as? Double == 3 && a1["rate"] as? Double == 300 && a1["pass"] as? Bool == false)
        let issue = try #require(object["issue"] as? [String: Any])
        #expect(issue["characters"] as? Int == 200 && issue["rate"] as? Double == 150)
        // A lower bar in galley.yml: the same issue passes at 200/10000.
        room.dir.write("galley.yml", "newsroom: 测试报\nreport:\n  threshold: 200\n")
        #expect(try room.galley(["report", "--issue", "2026-11-27"]).status == 0)
    }

    @Test func badListsAndRostersStopTheRunWithOneLine() throws {
        let room = try room()
        room.dir.write("terms/typo.yml", Self.terms + "  - {wrong: 再接再励, right: 再接再厉}\n")
        expectRefusal(try room.galley(["check"]), mentioning: ["terms/typo.yml:4: '再接再励' is already listed at terms/typo.yml:3"])
        expectRefusal(try room.galley(["report"]), mentioning: ["terms/typo.yml:4:"])
        room.dir.write("terms/typo.yml", Self.terms)
        room.dir.write("people.yml", "people:\n  - {name: 魏东升, rank: 5\n")
        expectRefusal(try room.galley(["check"]), mentioning: ["people.yml:", "not valid YAML"])
        room.dir.write("people.yml", Self.people)
        #expect(try room.galley(["check"]).status == 1)
    }

    @Test func aMissingIssueIsAUsageError() throws {
        let room = try room()
        expectRefusal(try room.galley(["report", "--issue", "2026-11-28"]), mentioning: ["no articles for the issue 2026-11-28"])
        let bad = try room.galley(["report", "--issue", "28/11"])
        #expect(bad.status == 2 && bad.stderr.contains("YYYY-MM-DD"))
    }

    @Test func theTermListsAreInTheCacheKey() throws {
        let room = try room()
        let file = ArticleFixture.path("a1")
        _ = try room.galley(["checkin", file, "-m", "来稿", "--force", "--reason", "测试"])
        #expect(try room.galley(["check", file]).stdout.contains("[terms.typo]"))
        // A newsroom that silences the entry gets a new answer, not the cached one.
        room.dir.write("terms/local.yml", "silence: [再接再励]\n")
        #expect(!(try room.galley(["check", file]).stdout.contains("[terms.typo]")))
    }
}
