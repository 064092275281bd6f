import Foundation
import GalleyTestSupport
import Testing

@Suite struct GitInteropTests {
    @Test func checkInIsSeenByGitAndLeavesStatusClean() throws {
        let room = try CLINewsroom()
        try room.expectCleanStatus()
        let revision = try room.checkIn("a1", message: "来稿：供暖")
        #expect(revision.count == 40)
        #expect(try room.head() == revision)
        try room.expectFsckClean()
        try room.expectCleanStatus()
        let log = try room.git(["log", "-1", "--format=%an|%ae|%s|%(trailers:key=Galley-Article,valueonly)"]).stdout
        #expect(log.hasPrefix("陈立峰|chen@example.com|来稿：供暖|a1"))
        let shown = try room.git(["show", "HEAD:articles/2026-11-27/a1.md"]).stdout
        #expect(shown == ArticleFixture.text(id: "a1"))
    }

    @Test func laterGitCommitKeepsTheCheckedInChange() throws {
        let room = try CLINewsroom()
        try room.checkIn("a1")
        room.dir.write("notes.txt", "编辑备忘\n")
        try room.git(["add", "notes.txt"])
        let commit = try room.git(["commit", "-q", "-m", "备忘"])
        #expect(commit.status == 0, "\(commit.stderr)")
        let tree = try room.git(["ls-tree", "-r", "--name-only", "HEAD"]).stdout
        #expect(tree.contains("articles/2026-11-27/a1.md"))
        #expect(tree.contains("notes.txt"))
        try room.expectCleanStatus()
    }

    @Test func commitMadeByGitBetweenCheckInsIsSeen() throws {
        let room = try CLINewsroom()
        try room.checkIn("a1")
        room.dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1", headline: "git 改的标题"))
        try room.git(["commit", "-q", "-am", "改标题（git）"])
        let gitCommit = try room.head()
        let mine = try room.checkIn("a2")
        #expect(try room.git(["rev-parse", "HEAD~1"]).stdout.hasPrefix(gitCommit))
        #expect(try room.head() == mine)
        let log = try room.galley(["log", ArticleFixture.path("a1"), "--format", "json"])
        #expect(log.status == 0)
        let entries = try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]]
        #expect(entries?.count == 2)
        #expect(entries?.first?["revision"] as? String == gitCommit)
        #expect(entries?.first?["message"] as? String == "改标题（git）\n")
        for key in ["revision", "author", "email", "date", "message", "characters"] {
            #expect(entries?.first?[key] != nil, "missing \(key)")
        }
    }

    @Test func everythingWorksAfterAggressiveGC() throws {
        let room = try CLINewsroom()
        let first = try room.checkIn("a1")
        try room.checkIn("a1", message: "一审", text: ArticleFixture.text(id: "a1", status: "edited"))
        let gc = try room.git(["gc", "--aggressive", "--prune=now", "-q"])
        #expect(gc.status == 0, "\(gc.stderr)")
        let packedRefs = room.dir.read(".git/packed-refs") ?? ""
        #expect(packedRefs.contains("refs/heads/main"))
        #expect(!FileManager.default.fileExists(atPath: room.path + "/.git/refs/heads/main"))
        let show = try room.galley(["show", ArticleFixture.path("a1") + "@" + String(first.prefix(8))])
        #expect(show.stdout == ArticleFixture.text(id: "a1"))
        try room.checkIn("a2")
        try room.checkIn("a1", message: "二校", text: ArticleFixture.text(id: "a1", status: "proofread"))
        let log = try room.galley(["log", ArticleFixture.path("a1")])
        #expect(log.stdout.split(separator: "\n").count == 3)
        #expect(try room.commitCount() == 5)
        try room.expectFsckClean()
        try room.expectCleanStatus()
    }

    @Test func twoProcessesCheckingInConcurrentlyLoseNothing() async throws {
        let room = try CLINewsroom()
        for desk in ["a", "b"] {
            for i in 0..<50 { room.dir.write(ArticleFixture.path("\(desk)\(i)"), ArticleFixture.text(id: "\(desk)\(i)")) }
        }
        let script = """
            for i in $(seq 0 49); do "$GALLEY" checkin "articles/2026-11-27/$1$i.md" -m "desk $1 $i" >/dev/null || echo "FAILED $1$i" >&2; done
            """
        let exe = galleyExecutable()
        let path = room.path
        async let a = Task.detached { try run("/bin/sh", ["-c", script, "sh", "a"], in: path, environment: ["GALLEY": exe]) }.value
        async let b = Task.detached { try run("/bin/sh", ["-c", script, "sh", "b"], in: path, environment: ["GALLEY": exe]) }.value
        let (ra, rb) = try await (a, b)
        // Only the notes that this newsroom has no staff.yml, term lists or people.yml (those rules off); no error.
        let absent = ["no staff.yml", "no terms/*.yml", "no people.yml"].map { "galley: warning: " + $0 }
        let unexpected = (ra.stderr + rb.stderr).split(separator: "\n").filter { line in !absent.contains { line.hasPrefix($0) } }
        #expect(unexpected.isEmpty, "\(ra.stderr)\(rb.stderr)")
        #expect(try room.commitCount() == 101)
        let files = try room.git(["ls-tree", "-r", "--name-only", "HEAD", "articles/"]).stdout.split(separator: "\n")
        #expect(files.count == 100)
        try room.expectFsckClean()
        try room.expectCleanStatus()
    }

    @Test func statusShowRestoreAndDashC() throws {
        let room = try CLINewsroom()
        let first = try room.checkIn("a1")
        try room.checkIn("a1", message: "一审", text: ArticleFixture.text(id: "a1", headline: "新标题"))
        room.dir.write(ArticleFixture.path("a2"), ArticleFixture.text(id: "a2"))
        let status = try run(galleyExecutable(), ["-C", room.path, "status"], in: "/")
        #expect(status.stdout.contains("new:"))
        #expect(status.stdout.contains("articles/2026-11-27/a2.md"))
        let old = try room.galley(["show", "a1.md@HEAD~1"], in: "articles/2026-11-27")
        #expect(old.status == 0, "\(old.stderr)")
        #expect(old.stdout == ArticleFixture.text(id: "a1"))
        let restored = try room.galley(["restore", ArticleFixture.path("a1") + "@" + first, "-m", "恢复原稿"])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(try room.git(["show", "HEAD:articles/2026-11-27/a1.md"]).stdout == ArticleFixture.text(id: "a1"))
        #expect(try room.commitCount() == 4)
        let unknown = try room.galley(["show", ArticleFixture.path("a1") + "@nosuchrev"])
        expectRefusal(unknown, mentioning: ["nosuchrev"])
    }

    @Test func demoBuildsTheSampleNewsroom() throws {
        let dir = TemporaryDirectory("demo")
        let result = try run(galleyExecutable(), ["demo", "news", "--workspace", projectRoot() + "/Workspace"], in: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Try next"))
        let articles = try git(["ls-tree", "-r", "--name-only", "HEAD", "articles/2026-11-27/"], in: dir.path + "/news").stdout
        #expect(articles.split(separator: "\n").count >= 8)
        let revisions = Int(try git(["rev-list", "--count", "HEAD"], in: dir.path + "/news").stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(revisions > articles.split(separator: "\n").count + 1, "later revisions were applied")
        let fsck = try git(["fsck", "--strict"], in: dir.path + "/news")
        #expect(fsck.status == 0)
        // The newsroom's PDF-extracted page is imported and checked.
        #expect(result.stdout.contains("== galley import pages/2026-11-26-A5.txt --issue 2026-11-26 --page A5"))
        let imported = try git(["ls-tree", "-r", "--name-only", "HEAD", "articles/2026-11-26/"], in: dir.path + "/news").stdout
        #expect(imported == (1...4).map { "articles/2026-11-26/20261126-a5-0\($0).md\n" }.joined())
        #expect(result.stdout.contains("== galley check articles/2026-11-26"))
        // One article's copyfit, PDF proof and ICML story; the exports stay out of git status.
        #expect(result.stdout.contains("== galley fit articles/2026-11-27/a1-hightech-park.md --measure 13 --lines 40 --columns 3"))
        #expect(result.stdout.contains("分栏 c1 40/40"))
        let pdf = try #require(FileManager.default.contents(atPath: dir.path + "/news/exports/a1-hightech-park.pdf"))
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let icml = try #require(FileManager.default.contents(atPath: dir.path + "/news/exports/a1-hightech-park.icml"))
        #expect(String(decoding: icml, as: UTF8.self).contains("二期16个项目集中开工"))
        #expect(try git(["status", "--porcelain"], in: dir.path + "/news").stdout.isEmpty)
        let again = try run(galleyExecutable(), ["demo", "news", "--workspace", projectRoot() + "/Workspace"], in: dir.path)
        expectRefusal(again, mentioning: ["already exists"])
    }
}
