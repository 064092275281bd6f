import Foundation
import GalleyTestSupport
import Testing

/// Every bad input: one clear message naming the file, exit code 2, nothing committed.
@Suite struct BadInputTests {
    func attempt(_ bytes: [UInt8], id: String = "bad", extra: [String] = [], file: String? = nil) throws -> (CLINewsroom, CommandResult, String) {
        let room = try CLINewsroom()
        let before = try room.head()
        let path = file ?? ArticleFixture.path(id)
        room.dir.write(path, bytes: bytes)
        let result = try room.galley(["checkin", path, "-m", "m"] + extra)
        return (room, result, before)
    }

    func expectNothingCommitted(_ room: CLINewsroom, _ before: String) throws {
        #expect(try room.head() == before)
        try room.expectFsckClean()
    }

    @Test func invalidUTF8() throws {
        var bytes = Array(ArticleFixture.text(id: "bad").utf8)
        bytes.insert(0xFF, at: bytes.count - 5)
        let (room, result, before) = try attempt(bytes)
        expectRefusal(result, mentioning: ["articles/2026-11-27/bad.md:", "invalid UTF-8"])
        try expectNothingCommitted(room, before)
    }

    @Test func gb18030IsNamedAndConvertible() throws {
        let text = ArticleFixture.text(id: "bad")
        let gb = try #require(try iconvGB(text))
        let (room, result, before) = try attempt(gb)
        expectRefusal(result, mentioning: ["bad.md", "GB18030", "--encoding gb18030"])
        try expectNothingCommitted(room, before)
        let converted = try room.galley(["checkin", ArticleFixture.path("bad"), "-m", "m", "--encoding", "gb18030"])
        #expect(converted.status == 0, "\(converted.stderr)")
        #expect(converted.stderr.contains("converted from GB18030"))
        #expect(room.dir.read(ArticleFixture.path("bad")) == text)
        try room.expectCleanStatus()
    }

    @Test func bomAndCRLFAreAcceptedNormalisedAndReported() throws {
        let crlf = ArticleFixture.text(id: "bom").split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        let (room, result, before) = try attempt([0xEF, 0xBB, 0xBF] + Array(crlf.utf8), id: "bom")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("removed UTF-8 BOM"))
        #expect(result.stderr.contains("CRLF"))
        #expect(try room.head() != before)
        #expect(try room.git(["show", "HEAD:" + ArticleFixture.path("bom")]).stdout == ArticleFixture.text(id: "bom"))
        try room.expectCleanStatus()
    }

    @Test func binaryFile() throws {
        let (room, result, before) = try attempt([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01])
        expectRefusal(result, mentioning: ["bad.md", "binary"])
        try expectNothingCommitted(room, before)
    }

    @Test func brokenYAMLGivesLineAndColumn() throws {
        let text = "---\nid: bad\nissue: 2026-11-27\nheadline: \"未闭合\n---\n正文\n"
        let (room, result, before) = try attempt(Array(text.utf8))
        expectRefusal(result, mentioning: ["bad.md:", "not valid YAML"])
        try expectNothingCommitted(room, before)
    }

    @Test func missingRequiredField() throws {
        let text = ArticleFixture.text(id: "bad").replacingOccurrences(of: "page: A1\n", with: "")
        let (room, result, before) = try attempt(Array(text.utf8))
        expectRefusal(result, mentioning: ["bad.md", "'page'"])
        try expectNothingCommitted(room, before)
    }

    @Test func duplicateID() throws {
        let room = try CLINewsroom()
        try room.checkIn("dup")
        let before = try room.head()
        let other = ArticleFixture.path("dup", issue: "2026-11-28")
        room.dir.write(other, ArticleFixture.text(id: "dup", issue: "2026-11-28"))
        let result = try room.galley(["checkin", other, "-m", "m"])
        expectRefusal(result, mentioning: ["duplicate id 'dup'", "articles/2026-11-27/dup.md"])
        try expectNothingCommitted(room, before)
    }

    @Test func pathOutsideRepository() throws {
        let room = try CLINewsroom()
        let before = try room.head()
        let outside = TemporaryDirectory("outside")
        let file = outside.write("x.md", ArticleFixture.text(id: "x"))
        let result = try room.galley(["checkin", file, "-m", "m"])
        expectRefusal(result, mentioning: ["x.md", "outside the repository"])
        try expectNothingCommitted(room, before)
    }

    @Test func symlinkLeavingTheRepository() throws {
        let room = try CLINewsroom()
        let before = try room.head()
        let outside = TemporaryDirectory("outside")
        outside.write("2026-11-27/x.md", ArticleFixture.text(id: "x"))
        try FileManager.default.createDirectory(atPath: room.path + "/articles", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: room.path + "/articles/2026-11-27", withDestinationPath: outside.path + "/2026-11-27")
        let result = try room.galley(["checkin", "articles/2026-11-27/x.md", "-m", "m"])
        expectRefusal(result, mentioning: ["x.md", "symbolic link"])
        try expectNothingCommitted(room, before)
    }

    @Test func fileOverTenMegabytes() throws {
        var text = ArticleFixture.text(id: "bad", body: "")
        text += String(repeating: "滨江市今冬供暖提前启动。\n", count: 300_000)
        let (room, result, before) = try attempt(Array(text.utf8))
        expectRefusal(result, mentioning: ["bad.md", "MB limit"])
        try expectNothingCommitted(room, before)
    }

    @Test func staleRefLockExplainsAndDoctorClears() throws {
        let room = try CLINewsroom()
        try room.checkIn("a1")
        let before = try room.head()
        let lock = room.path + "/.git/refs/heads/main.lock"
        _ = FileManager.default.createFile(atPath: lock, contents: Data())
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -300)], ofItemAtPath: lock)
        room.dir.write(ArticleFixture.path("a2"), ArticleFixture.text(id: "a2"))
        let blocked = try room.galley(["checkin", ArticleFixture.path("a2"), "-m", "m"])
        expectRefusal(blocked, mentioning: ["main.lock", "galley doctor"])
        try expectNothingCommitted(room, before)
        let doctor = try room.galley(["doctor"])
        #expect(doctor.stdout.contains("removed stale lock"))
        #expect(!FileManager.default.fileExists(atPath: lock))
        let retry = try room.galley(["checkin", ArticleFixture.path("a2"), "-m", "m"])
        #expect(retry.status == 0, "\(retry.stderr)")
    }

    /// A damaged object: one clear error, the hint to run git fsck, exit 2, no trap.
    @Test func aDamagedObjectIsReportedWithTheWayToFindIt() throws {
        let room = try CLINewsroom()
        try room.checkIn("a1")
        let blob = try room.git(["rev-parse", "HEAD:" + ArticleFixture.path("a1")]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let object = room.path + "/.git/objects/" + blob.prefix(2) + "/" + blob.dropFirst(2)
        var bytes = try #require(FileManager.default.contents(atPath: object))
        for i in stride(from: 4, to: bytes.count, by: 7) { bytes[i] ^= 0x5A }
        try? FileManager.default.removeItem(atPath: object)
        #expect(FileManager.default.createFile(atPath: object, contents: bytes))
        let shown = try room.galley(["show", ArticleFixture.path("a1")])
        #expect(shown.status == 2, "\(shown.stdout)\(shown.stderr)")
        let lines = shown.stderr.split(separator: "\n")
        #expect(lines.count == 2, "\(shown.stderr)")
        #expect(lines.first?.hasPrefix("galley: error: ") == true)
        #expect(shown.stderr.contains("the repository looks damaged: 'git fsck --full' lists the broken objects"), "\(shown.stderr)")
    }

    /// A shallow clone (as CI checkouts are) lacks the parents of its oldest commit: history
    /// commands say so and how to fetch the rest; a check-in still works.
    @Test func aShallowCloneSaysWhyItsHistoryEnds() throws {
        let room = try CLINewsroom()
        try room.checkIn("a1")
        room.dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1", status: "submitted"))
        _ = try room.galley(["checkin", ArticleFixture.path("a1"), "-m", "二审"])
        let dir = TemporaryDirectory("shallow")
        let cloned = try git(["clone", "-q", "--depth", "1", "file://" + room.path, "copy"], in: dir.path)
        #expect(cloned.status == 0, "\(cloned.stderr)")
        let copy = dir.path + "/copy"
        #expect(FileManager.default.fileExists(atPath: copy + "/.git/shallow"))
        for args in [["log", ArticleFixture.path("a1")], ["check", "--each"]] {
            let r = try run(galleyExecutable(), args, in: copy)
            #expect(r.status == 2, "\(args): \(r.stdout)\(r.stderr)")
            #expect(r.stderr.contains("galley: error: the history ends early: this newsroom is a shallow clone"), "\(args): \(r.stderr)")
            #expect(r.stderr.contains("hint: run 'git fetch --unshallow'"), "\(args): \(r.stderr)")
        }
        let file = copy + "/" + ArticleFixture.path("a1")
        #expect(FileManager.default.createFile(atPath: file, contents: Data(ArticleFixture.text(id: "a1", status: "edited").utf8)))
        let checkin = try run(galleyExecutable(), ["checkin", ArticleFixture.path("a1"), "-m", "三审"], in: copy)
        #expect(checkin.status == 0, "\(checkin.stderr)")
    }

    @Test func notARepositoryAndBadAuthor() throws {
        let dir = TemporaryDirectory("norepo")
        let result = try run(galleyExecutable(), ["status"], in: dir.path)
        expectRefusal(result, mentioning: ["not inside a Galley repository"])
        let room = try CLINewsroom()
        room.dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1"))
        let bad = try room.galley(["checkin", ArticleFixture.path("a1"), "-m", "m", "--author", "nobody"])
        expectRefusal(bad, mentioning: ["--author"])
        let usage = try room.galley(["checkin", "-m", "m"])
        #expect(usage.status == 2)
    }
}

/// GB18030 bytes through iconv(1), for platforms whose Foundation lacks the encoding.
func iconvGB(_ text: String) throws -> [UInt8]? {
    let dir = TemporaryDirectory("iconv")
    dir.write("in.txt", text)
    let r = try run("/usr/bin/iconv", ["-f", "UTF-8", "-t", "GB18030", "-o", "out.txt", "in.txt"], in: dir.path)
    guard r.status == 0, let data = FileManager.default.contents(atPath: dir.path + "/out.txt") else { return nil }
    return Array(data)
}
