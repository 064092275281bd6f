import Foundation
import GalleyCore
import GalleyTestSupport
import Testing

/// The core's repository operations, in process (the CLI is covered end to end elsewhere).
@Suite struct NewsroomTests {
    let dir = TemporaryDirectory("newsroom")
    let author = Signature(name: "陈立峰", email: "chen@example.com", time: 1_795_500_000, offsetMinutes: 480)

    func newsroom() throws -> Newsroom {
        try Newsroom.create(at: dir.path, author: author)
    }

    @Test func checkInRecordsRevisionAndHistory() throws {
        let room = try newsroom()
        dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1"))
        let first = try room.checkIn(paths: [ArticleFixture.path("a1")], cwd: dir.path, message: "来稿", author: author)
        dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1", status: "edited", body: "本报讯（记者陈立峰）供热办召开调度会。\n"))
        let second = try room.checkIn(paths: [ArticleFixture.path("a1")], cwd: dir.path, message: "一审", author: author)
        let history = try room.history(of: ArticleFixture.path("a1"))
        #expect(history.map(\.revision) == [second.revision, first.revision])
        #expect(history.map(\.status) == ["edited", "draft"])
        #expect(history[0].characterDelta == history[0].characters! - history[1].characters!)
        #expect(history[1].subject == "来稿")
        #expect(history[1].message.contains("Galley-Article: a1"))
        let old = try room.contents(of: ArticleFixture.path("a1"), at: "HEAD~1")
        #expect(String(decoding: old, as: UTF8.self) == ArticleFixture.text(id: "a1"))
    }

    @Test func unchangedFileIsNothingToCheckIn() throws {
        let room = try newsroom()
        dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1"))
        _ = try room.checkIn(paths: [ArticleFixture.path("a1")], cwd: dir.path, message: "来稿", author: author)
        let index = dir.path + "/.git/index"
        let before = FileManager.default.contents(atPath: index)
        #expect(throws: GalleyError.nothingToCheckIn) {
            try room.checkIn(paths: [ArticleFixture.path("a1")], cwd: dir.path, message: "again", author: author)
        }
        // The index the second thread prepared meanwhile is dropped, not put in place or left locked.
        #expect(before != nil && FileManager.default.contents(atPath: index) == before)
        #expect(!FileManager.default.fileExists(atPath: index + ".lock"))
    }

    /// A check-in begun while its gate runs (`beginCheckIn`) writes its new index privately: abandoned,
    /// it leaves no object, lock or file; carried through, the file is committed and staged.
    @Test func aBegunCheckInLeavesNothingWhenAbandoned() throws {
        let room = try newsroom()
        let path = ArticleFixture.path("a1")
        dir.write(path, ArticleFixture.text(id: "a1"))
        _ = try room.checkIn(paths: [path], cwd: dir.path, message: "来稿", author: author)
        dir.write(path, ArticleFixture.text(id: "a1", status: "edited"))
        let prepared = try room.prepare(try room.resolve(path, cwd: dir.path), userPath: path)
        let git = dir.path + "/.git/"
        func objects() throws -> String { try GalleyTestSupport.git(["count-objects"], in: dir.path).stdout }
        func leftovers() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: git).filter { $0 == "index.lock" || $0.hasPrefix("index.galley-tmp-") }
        }
        let index = FileManager.default.contents(atPath: git + "index")
        let stored = try objects()

        let abandoned = try #require(room.beginCheckIn([prepared]))
        abandoned.abandon()
        #expect(FileManager.default.contents(atPath: git + "index") == index)
        #expect(try objects() == stored)
        #expect(try leftovers().isEmpty)

        let begun = try #require(room.beginCheckIn([prepared]))
        _ = try room.checkIn([prepared], message: "一审", author: author, begun: begun)
        begun.abandon()
        #expect(try leftovers().isEmpty)
        #expect(try GalleyTestSupport.git(["status", "--porcelain"], in: dir.path).stdout.isEmpty)
        #expect(try GalleyTestSupport.git(["fsck", "--strict"], in: dir.path).stdout.isEmpty)
    }

    @Test func idMustMatchNameAndLocation() throws {
        let room = try newsroom()
        dir.write("articles/2026-11-27/other.md", ArticleFixture.text(id: "a1"))
        #expect(throws: GalleyError.idMismatch(path: "articles/2026-11-27/other.md", id: "a1")) {
            try room.checkIn(paths: ["articles/2026-11-27/other.md"], cwd: dir.path, message: "m", author: author)
        }
        dir.write("articles/2026-11-28/a1.md", ArticleFixture.text(id: "a1"))
        #expect(throws: GalleyError.wrongLocation(path: "articles/2026-11-28/a1.md", expected: "articles/2026-11-27/a1.md")) {
            try room.checkIn(paths: ["articles/2026-11-28/a1.md"], cwd: dir.path, message: "m", author: author)
        }
    }

    @Test func duplicateIDAcrossIssuesIsRefused() throws {
        let room = try newsroom()
        dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1"))
        _ = try room.checkIn(paths: [ArticleFixture.path("a1")], cwd: dir.path, message: "m", author: author)
        dir.write(ArticleFixture.path("a1", issue: "2026-11-28"), ArticleFixture.text(id: "a1", issue: "2026-11-28"))
        #expect(throws: GalleyError.duplicateID(id: "a1", paths: ["articles/2026-11-27/a1.md", "articles/2026-11-28/a1.md"])) {
            try room.checkIn(paths: [ArticleFixture.path("a1", issue: "2026-11-28")], cwd: dir.path, message: "m", author: author)
        }
    }

    @Test func statusMustBeConfigured() throws {
        let room = try newsroom()
        dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1", status: "印好了"))
        do {
            _ = try room.checkIn(paths: [ArticleFixture.path("a1")], cwd: dir.path, message: "m", author: author)
            Issue.record("expected refusal")
        } catch let error {
            guard case .invalidField(_, "status", _) = error else { Issue.record("wrong error \(error)"); return }
        }
    }

    @Test func restoreMakesOldContentNewest() throws {
        let room = try newsroom()
        let path = ArticleFixture.path("a1")
        dir.write(path, ArticleFixture.text(id: "a1"))
        let first = try room.checkIn(paths: [path], cwd: dir.path, message: "v1", author: author)
        dir.write(path, ArticleFixture.text(id: "a1", headline: "改过的标题"))
        _ = try room.checkIn(paths: [path], cwd: dir.path, message: "v2", author: author)
        let resolved = try room.resolve(path, cwd: dir.path)
        let restored = try room.restore(resolved, userPath: path, revision: first.revision.short, message: "恢复", author: author)
        #expect(dir.read(path) == ArticleFixture.text(id: "a1"))
        let history = try room.history(of: path)
        #expect(history.count == 3)
        #expect(history[0].revision == restored.revision)
        #expect(history[0].message.contains("Galley-Restored-From: \(first.revision.hex)"))
    }

    @Test func statusListsNewModifiedDeleted() throws {
        let room = try newsroom()
        for id in ["a1", "a2"] { dir.write(ArticleFixture.path(id), ArticleFixture.text(id: id)) }
        _ = try room.checkIn(paths: [ArticleFixture.path("a1"), ArticleFixture.path("a2")], cwd: dir.path, message: "m", author: author)
        #expect(try room.status().isEmpty)
        dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1", headline: "新标题"))
        try GalleyTestSupport.removeFile(dir.path + "/" + ArticleFixture.path("a2"))
        dir.write(ArticleFixture.path("a3"), ArticleFixture.text(id: "a3"))
        let status = try room.status()
        #expect(status.map(\.path) == [ArticleFixture.path("a1"), ArticleFixture.path("a2"), ArticleFixture.path("a3")])
        #expect(status.map(\.change) == [.modified, .deleted, .new])
    }

    @Test func pathsOutsideTheRepositoryAreRefused() throws {
        let room = try newsroom()
        let outside = TemporaryDirectory("outside")
        outside.write("x.md", "x")
        #expect(throws: GalleyError.outsideRepository(path: outside.path + "/x.md", root: room.root)) {
            try room.resolve(outside.path + "/x.md", cwd: dir.path)
        }
        #expect(throws: GalleyError.outsideRepository(path: "../../x.md", root: room.root)) {
            try room.resolve("../../x.md", cwd: dir.path + "/articles")
        }
        #expect(throws: GalleyError.outsideRepository(path: ".git/config", root: room.root)) {
            try room.resolve(".git/config", cwd: dir.path)
        }
    }
}
