import Foundation
import GalleyTestSupport
import Testing

/// `galley import` on a temporary newsroom, checked with the real git CLI.
@Suite struct ImportCommandTests {
    /// A page of my own, headlines after their articles as PDF extraction prints them.
    static let page = """
     本报讯（记者王海滔） 11 月 26 日，滨
    江新区举行冬季长跑赛，近三

    千名市民参加。

    滨江冬季长跑赛开跑

    本报讯（记者周雅琴、蒋一帆）
    昨日，东湖区冬季农产品展销
    会开幕。

    东湖区农产品展销会开幕

    """

    @Test func importsCommitsWithSourceTrailersAndGitAgrees() throws {
        let room = try CLINewsroom()
        room.dir.write("page.txt", Self.page)
        let result = try room.galley(["import", "page.txt", "--issue", "2026-11-28", "--page", "A4", "--format", "json",
                                      "--author", "陈立峰 <chen@example.com>"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let articles = try #require(json["articles"] as? [[String: Any]])
        #expect(articles.map { $0["id"] as? String } == ["20261128-a4-01", "20261128-a4-02"])
        #expect(articles.map { $0["headline"] as? String } == ["滨江冬季长跑赛开跑", "东湖区农产品展销会开幕"])
        #expect(articles[0]["body"] as? String == "本报讯（记者王海滔）11月26日，滨江新区举行冬季长跑赛，近三千名市民参加。")
        #expect(articles[1]["source_lines"] as? [Int] == [8, 12])
        let credits = try #require(articles[1]["credits"] as? [[String: String]])
        #expect(credits == [["role": "记者", "name": "周雅琴"], ["role": "记者", "name": "蒋一帆"]])

        let message = try room.git(["log", "-1", "--format=%B"]).stdout
        let sha = try run("/usr/bin/sha256sum", ["page.txt"], in: room.path).stdout.split(separator: " ")[0]
        #expect(message.contains("Galley-Import-Source: page.txt"))
        #expect(message.contains("Galley-Import-SHA256: \(sha)"))
        #expect(message.contains("Galley-Article: 20261128-a4-01\nGalley-Article: 20261128-a4-02"))
        let file = try #require(room.dir.read("articles/2026-11-28/20261128-a4-01.md"))
        #expect(file.contains("headline: \"滨江冬季长跑赛开跑\"\n"))
        #expect(file.contains("dateline: \"本报讯\"\n"))
        try room.expectFsckClean()
        // The page file itself is not an article and stays untracked; the articles are committed and staged.
        let status = try room.git(["status", "--porcelain"]).stdout
        #expect(status == "?? page.txt\n")
        // What was imported is ordinary Galley content: check and log read it.
        let check = try room.galley(["check", "articles/2026-11-28/20261128-a4-02.md", "--format", "json"])
        #expect(check.status == 0 || check.status == 1, "\(check.stderr)")
        let log = try room.galley(["log", "articles/2026-11-28/20261128-a4-01.md"])
        #expect(log.stdout.contains("Import page.txt"))
    }

    @Test func aSecondImportOfTheSamePageIsRefusedAndWritesNothing() throws {
        let room = try CLINewsroom()
        room.dir.write("page.txt", Self.page)
        #expect(try room.galley(["import", "page.txt", "--issue", "2026-11-28", "--page", "A4"]).status == 0)
        let before = try room.head()
        let again = try room.galley(["import", "page.txt", "--issue", "2026-11-28", "--page", "A4"])
        expectRefusal(again, mentioning: ["20261128-a4-01", "articles/2026-11-28/20261128-a4-01.md"])
        #expect(try room.head() == before)
        #expect(try room.git(["status", "--porcelain"]).stdout == "?? page.txt\n")
    }

    @Test func dryRunWritesNothingAndWorksOutsideARepository() throws {
        let dir = TemporaryDirectory("import-dry")
        dir.write("page.txt", Self.page)
        let result = try run(galleyExecutable(), ["import", "page.txt", "--issue", "2026-11-28", "--dry-run"], in: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 篇"))
        #expect(result.stdout.contains("20261128-1-02"))
        #expect(result.stdout.contains("未写入"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/articles"))
    }

    @Test func badInputIsOneClearRefusal() throws {
        let room = try CLINewsroom()
        let before = try room.head()
        room.dir.write("empty.txt", "\n  \n")
        expectRefusal(try room.galley(["import", "empty.txt", "--issue", "2026-11-28"]), mentioning: ["empty.txt", "empty"])
        let gb = try #require(try iconvGB(Self.page))
        room.dir.write("gb.txt", bytes: gb)
        expectRefusal(try room.galley(["import", "gb.txt", "--issue", "2026-11-28"]), mentioning: ["gb.txt", "GB18030"])
        // Argument errors come from the parser, with the usage line.
        let badDate = try room.galley(["import", "gb.txt", "--issue", "2026-13-40"])
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("--issue takes a date YYYY-MM-DD, not '2026-13-40'"))
        room.dir.write("bin.txt", bytes: [0x89, 0x50, 0x4E, 0x47, 0, 1, 2])
        expectRefusal(try room.galley(["import", "bin.txt", "--issue", "2026-11-28"]), mentioning: ["bin.txt", "binary"])
        expectRefusal(try room.galley(["import", "missing.txt", "--issue", "2026-11-28"]), mentioning: ["missing.txt"])
        #expect(try room.head() == before)
        // GB18030 converts when asked.
        let converted = try room.galley(["import", "gb.txt", "--issue", "2026-11-28", "--encoding", "gb18030"])
        #expect(converted.status == 0, "\(converted.stderr)")
        #expect(try room.commitCount() == 2)
    }
}
