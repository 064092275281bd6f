@testable import GalleyCore
import Foundation
import GalleyTestSupport
import Testing

/// The gate reads the rest of an issue on a second thread: it must find what the tip holds, loose
/// or packed, skip the articles being checked in, and say "no articles" for an issue not there yet.
@Suite struct IssuePreloadTests {
    let dir = TemporaryDirectory("preload")
    let author = Signature(name: "陈立峰", email: "chen@example.com", time: 1_795_500_000, offsetMinutes: 480)

    func checkIn(_ room: Newsroom, _ ids: [String], issue: String = "2026-11-27") throws {
        var prepared: [PreparedArticle] = []
        for id in ids {
            let path = ArticleFixture.path(id, issue: issue)
            dir.write(path, ArticleFixture.text(id: id, issue: issue, headline: "标题\(id)"))
            prepared.append(try room.prepare(try room.resolve(path, cwd: dir.path), userPath: path))
        }
        _ = try room.checkIn(prepared, message: "来稿", author: author)
    }

    /// `helped`: the preload's thread only lists, and the waiting thread reads every article itself.
    func read(_ room: Newsroom, folders: [String], skipping: Set<String>, helped: Bool = false) throws -> [String: [IssuePreload.Stored]] {
        let tip = try #require(try room.tipCommit())
        let preload = IssuePreload(gitDir: room.repo.gitDir, tree: try room.repo.commitTree(tip), folders: folders, skipping: skipping,
                                   readOnThread: !helped)
        return preload.wait(helping: helped ? room.repo : nil)
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func readsTheIssueAsStoredAtTheTip(packed: Bool, helped: Bool) throws {
        let room = try Newsroom.create(at: dir.path, author: author)
        try checkIn(room, ["a1", "a2", "a3"])
        try checkIn(room, ["b1"], issue: "2026-11-28")
        // A draft in the working tree is not in the paper.
        dir.write(ArticleFixture.path("draft"), ArticleFixture.text(id: "draft"))
        if packed { #expect(try git(["gc", "-q", "--aggressive"], in: dir.path).status == 0) }

        let stored = try read(room, folders: ["articles/2026-11-27", "articles/2026-12-01"], skipping: [ArticleFixture.path("a2")], helped: helped)
        let issue = try #require(stored["articles/2026-11-27"])
        #expect(issue.map(\.path) == [ArticleFixture.path("a1"), ArticleFixture.path("a3")])
        #expect(issue.compactMap { try? $0.parsed.get().frontMatter?.headline } == ["标题a1", "标题a3"])
        #expect(stored["articles/2026-12-01"]?.isEmpty == true)
        #expect(stored["articles/2026-11-28"] == nil)
    }

    @Test(arguments: [false, true])
    func anArticleThatDoesNotParseIsKeptAsAFailure(helped: Bool) throws {
        let room = try Newsroom.create(at: dir.path, author: author)
        try checkIn(room, ["a1"])
        // Committed by git behind Galley's back: no front matter.
        dir.write(ArticleFixture.path("broken"), "没有前置信息的正文。\n")
        #expect(try git(["add", "."], in: dir.path).status == 0)
        #expect(try git(["-c", "user.name=x", "-c", "user.email=x@example.com", "commit", "-qm", "x"], in: dir.path).status == 0)

        let issue = try #require(try read(room, folders: ["articles/2026-11-27"], skipping: [], helped: helped)["articles/2026-11-27"])
        #expect(issue.count == 2)
        let broken = try #require(issue.first { $0.path == ArticleFixture.path("broken") })
        guard case .failure = broken.parsed else {
            Issue.record("an article without front matter parsed")
            return
        }
    }
}
