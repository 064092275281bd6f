import Foundation
import GalleyCore
import GalleyTestSupport
import Testing

/// Bulk check-ins (many revisions, one pack, one branch move) and large single check-ins (one pack),
/// checked with the real git CLI.
@Suite struct BulkCheckInTests {
    let dir = TemporaryDirectory("bulk")
    let author = Signature(name: "陈立峰", email: "chen@example.com", time: 1_795_500_000, offsetMinutes: 480)

    func newsroom() throws -> Newsroom {
        try Newsroom.create(at: dir.path, author: author)
    }

    func prepared(_ room: Newsroom, _ path: String) throws -> PreparedArticle {
        try room.prepare(try room.resolve(path, cwd: dir.path), userPath: path)
    }

    func packCount() throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: dir.path + "/.git/objects/pack").filter { $0.hasSuffix(".pack") }.count
    }

    func gitOK(_ args: [String]) throws -> String {
        let r = try git(args, in: dir.path)
        #expect(r.status == 0, "git \(args.joined(separator: " ")): \(r.stderr)")
        return r.stdout
    }

    @Test func revisionsArePublishedTogether() throws {
        let room = try newsroom()
        let looseBefore = try gitOK(["count-objects"])
        let bulk = try room.bulkCheckIn()
        var ids: [ObjectID] = []
        for (n, id) in ["a1", "a2", "a1", "a2", "a1"].enumerated() {
            dir.write(ArticleFixture.path(id), ArticleFixture.text(id: id, status: n < 2 ? "draft" : "edited", body: "本报讯（记者陈立峰）第\(n)稿。\n"))
            ids.append(try bulk.checkIn([try prepared(room, ArticleFixture.path(id))], message: "第\(n)稿", author: author))
        }
        // Nothing is visible before finish.
        #expect(try gitOK(["rev-list", "--count", "HEAD"]).hasPrefix("1"))
        let result = try bulk.finish()
        #expect(result.revision == ids.last)
        #expect(result.revisions == ids)
        #expect(result.retries == 0)
        #expect(try gitOK(["rev-list", "--count", "HEAD"]) == "6\n")
        #expect(try gitOK(["log", "--format=%s", "-n", "2"]) == "第4稿\n第3稿\n")
        #expect(try gitOK(["log", "-1", "--format=%(trailers:key=Galley-Article,valueonly)"]).hasPrefix("a1"))
        #expect(try gitOK(["status", "--porcelain"]).isEmpty)
        #expect(try gitOK(["fsck", "--strict"]).isEmpty)
        // One new pack, no new loose objects.
        #expect(try packCount() == 1)
        #expect(try gitOK(["count-objects"]) == looseBefore)
        let pack = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/.git/objects/pack").first { $0.hasSuffix(".idx") }!
        #expect(try git(["verify-pack", ".git/objects/pack/" + pack], in: dir.path).status == 0)
        let history = try room.history(of: ArticleFixture.path("a1"))
        #expect(history.map(\.revision) == [ids[4], ids[2], ids[0]])
    }

    @Test func replaysOntoABranchMovedMeanwhile() throws {
        let room = try newsroom()
        let bulk = try room.bulkCheckIn()
        dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1"))
        try bulk.checkIn([try prepared(room, ArticleFixture.path("a1"))], message: "来稿", author: author)
        dir.write(ArticleFixture.path("a2"), ArticleFixture.text(id: "a2"))
        try bulk.checkIn([try prepared(room, ArticleFixture.path("a2"))], message: "来稿二", author: author)
        // git commits something else in between.
        dir.write("notes.txt", "值班表\n")
        _ = try gitOK(["add", "notes.txt"])
        _ = try gitOK(["commit", "-q", "-m", "值班表"])
        // ... and packs everything, so the new tip is only in a pack the bulk check-in has not seen.
        _ = try gitOK(["gc", "-q"])
        let result = try bulk.finish()
        #expect(result.retries == 1)
        #expect(try gitOK(["log", "--format=%s"]) == "来稿二\n来稿\n值班表\nCreate newsroom\n")
        #expect(try gitOK(["ls-tree", "-r", "--name-only", "HEAD"]).contains("notes.txt"))
        #expect(try gitOK(["status", "--porcelain"]).isEmpty)
        #expect(try gitOK(["fsck", "--strict", "--no-dangling"]).isEmpty)
    }

    @Test func refusesWhatACheckInRefuses() throws {
        let room = try newsroom()
        let bulk = try room.bulkCheckIn()
        dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1"))
        try bulk.checkIn([try prepared(room, ArticleFixture.path("a1"))], message: "来稿", author: author)
        #expect(throws: GalleyError.nothingToCheckIn) {
            try bulk.checkIn([try prepared(room, ArticleFixture.path("a1"))], message: "again", author: author)
        }
        // The id is taken by a revision of this same bulk check-in.
        dir.write(ArticleFixture.path("a1", issue: "2026-11-28"), ArticleFixture.text(id: "a1", issue: "2026-11-28"))
        #expect(throws: GalleyError.duplicateID(id: "a1", paths: ["articles/2026-11-27/a1.md", "articles/2026-11-28/a1.md"])) {
            try bulk.checkIn([try prepared(room, ArticleFixture.path("a1", issue: "2026-11-28"))], message: "m", author: author)
        }
        let result = try bulk.finish(stageIndex: false)
        #expect(result.revisions.count == 1)
        #expect(throws: GalleyError.self) { try bulk.finish() }
    }

    @Test func largeCheckInIsOnePack() throws {
        let room = try newsroom()
        let ids = (0..<40).map { "b\($0)" }
        for id in ids { dir.write(ArticleFixture.path(id, issue: "2026-12-0\(1 + id.count % 3)"), ArticleFixture.text(id: id, issue: "2026-12-0\(1 + id.count % 3)")) }
        let paths = ids.map { ArticleFixture.path($0, issue: "2026-12-0\(1 + $0.count % 3)") }
        let looseBefore = try gitOK(["count-objects"])
        let result = try room.checkIn(paths: paths, cwd: dir.path, message: "导入", author: author)
        #expect(try packCount() == 1)
        #expect(try gitOK(["count-objects"]) == looseBefore)
        #expect(try gitOK(["rev-parse", "HEAD"]) == result.revision.hex + "\n")
        #expect(try gitOK(["ls-tree", "-r", "--name-only", "HEAD"]).split(separator: "\n").count == 41)
        #expect(try gitOK(["status", "--porcelain"]).isEmpty)
        #expect(try gitOK(["fsck", "--strict"]).isEmpty)
        // The same content again is nothing to check in, as with loose objects.
        #expect(throws: GalleyError.nothingToCheckIn) {
            try room.checkIn(paths: paths, cwd: dir.path, message: "again", author: author)
        }
    }
}
