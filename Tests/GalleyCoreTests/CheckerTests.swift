import Foundation
import GalleyCore
import GalleyTestSupport
import Testing

/// A test rule: flags the word in option `word` (default 其它) and fixes it to 其他.
struct WordRule: CorrectableRule {
    static let description = RuleDescription(
        id: "test.word", summary: Message("测试用词", en: "test word"), severity: .error,
        options: [OptionSpec("word", default: .string("其它"), "the word to flag")],
        triggering: [Example("没有⟪其它⟫问题。")], nonTriggering: [Example("没有其他问题。")],
        corrections: [Example("没有其它问题。", "没有其他问题。")])
    let word: String
    init(options: RuleOptions) { word = options.string("word") }
    func check(_ article: ArticleContext) -> [Diagnosis] {
        var out: [Diagnosis] = []
        var from = article.body.startIndex
        while let r = article.body[from...].range(of: word) {
            out.append(word == "其它" ? .fix(r, Message("用“其他”", en: "use 其他"), with: "其他") : Diagnosis(r, Message("查到“\(word)”", en: "found")))
            from = r.upperBound
        }
        return out
    }
}

func testFamily(version: String = "1") -> PluginFamily {
    PluginFamily(id: "test", version: version, summary: Message("测试", en: "test"), rules: [WordRule.self])
}

@Suite struct CheckerTests {
    let dir = TemporaryDirectory("checker")
    let author = Signature(name: "冯静怡", email: "feng@example.com", time: 1_795_500_000, offsetMinutes: 480)

    func commit(_ room: Newsroom, _ id: String, _ body: String, _ message: String) throws -> String {
        dir.write(ArticleFixture.path(id), ArticleFixture.text(id: id, body: body))
        return try room.checkIn(paths: [ArticleFixture.path(id)], cwd: dir.path, message: message, author: author).revision.hex
    }

    @Test func findingsAreCachedInGitNotesByBlob() throws {
        let room = try Newsroom.create(at: dir.path, author: author)
        _ = try commit(room, "a1", "没有其它问题。\n", "来稿")
        _ = try commit(room, "a2", "其它情况另行通知，其它事项照旧。\n", "来稿")
        let first = try Checker(newsroom: room, families: [testFamily()]).check(paths: [], cwd: dir.path, revision: "HEAD")
        #expect(first.findings.map(\.path) == [ArticleFixture.path("a1"), ArticleFixture.path("a2"), ArticleFixture.path("a2")])
        #expect(first.cacheMisses == 2 && first.cacheHits == 0)
        let again = try Checker(newsroom: try Newsroom.open(from: dir.path), families: [testFamily()])
            .check(paths: [], cwd: dir.path, revision: "HEAD")
        #expect(again.cacheHits == 2 && again.cacheMisses == 0)
        #expect(again.findings == first.findings)

        // git reads the notes: one per blob, fanned out, and the repository stays clean.
        let blob = try git(["rev-parse", "HEAD:" + ArticleFixture.path("a2")], in: dir.path).stdout.trimmed
        let note = try git(["notes", "--ref=galley", "show", blob], in: dir.path)
        #expect(note.status == 0)
        #expect(note.stdout.contains("\"rule\":\"test.word\"") && note.stdout.contains("\"text\":\"其它\""))
        #expect(try git(["notes", "--ref=galley", "list"], in: dir.path).stdout.split(separator: "\n").count == 2)
        let tree = try git(["ls-tree", "-r", "--name-only", "refs/notes/galley"], in: dir.path).stdout
        #expect(tree.contains(String(blob.prefix(2)) + "/" + String(blob.dropFirst(2))))
        #expect(try git(["fsck", "--strict"], in: dir.path).status == 0)
    }

    @Test func changedOptionsOrVersionMissTheCache() throws {
        let room = try Newsroom.create(at: dir.path, author: author)
        _ = try commit(room, "a1", "没有其它问题，也没有别的。\n", "来稿")
        _ = try Checker(newsroom: room, families: [testFamily()]).check(paths: [], cwd: dir.path, revision: "HEAD")
        let warm = try Checker(newsroom: room, families: [testFamily()]).check(paths: [], cwd: dir.path, revision: "HEAD")
        #expect(warm.cacheHits == 1)

        let bumped = try Checker(newsroom: room, families: [testFamily(version: "2")]).check(paths: [], cwd: dir.path, revision: "HEAD")
        #expect(bumped.cacheMisses == 1 && bumped.cacheHits == 0)

        dir.write("galley.yml", "newsroom: 测试\nrules:\n  test.word:\n    options: {word: 别的}\n")
        let reopened = try Newsroom.open(from: dir.path)
        let changed = try Checker(newsroom: reopened, families: [testFamily(version: "2")]).check(paths: [], cwd: dir.path, revision: "HEAD")
        #expect(changed.cacheMisses == 1 && changed.cacheHits == 0)
        #expect(changed.findings.map(\.text) == ["别的"])
        // The note keeps one entry per plugin: the stale one was replaced.
        let blob = try git(["rev-parse", "HEAD:" + ArticleFixture.path("a1")], in: dir.path).stdout.trimmed
        let note = try git(["notes", "--ref=galley", "show", blob], in: dir.path).stdout
        #expect(note.components(separatedBy: "\"test@").count == 2)
    }

    @Test func eachAttributesIntroductionAndFix() throws {
        let room = try Newsroom.create(at: dir.path, author: author)
        let c1 = try commit(room, "a1", "没有其它问题。\n", "来稿")
        let c2 = try commit(room, "a1", "没有其它问题。其它安排照旧。\n", "一审")
        let c3 = try commit(room, "a1", "没有其他问题。其它安排照旧。\n", "二审改正")
        let outcome = try Checker(newsroom: room, families: [testFamily()]).checkEach(range: nil, paths: [], cwd: dir.path)
        #expect(outcome.revisions == 4)  // the newsroom's first commit too
        let fixed = outcome.findings.filter { $0.fixed != nil }
        let open = outcome.current
        #expect(fixed.count == 1 && fixed[0].introduced == c1 && fixed[0].fixed == c3)
        #expect(open.count == 1 && open[0].introduced == c2 && open[0].revision == c3 && open[0].column == 8)

        // Within c1..c3 the first finding predates the range.
        let ranged = try Checker(newsroom: room, families: [testFamily()]).checkEach(range: "\(c1)..\(c3)", paths: [], cwd: dir.path)
        #expect(ranged.revisions == 2)
        #expect(ranged.findings.filter { $0.fixed == c3 }.map(\.introduced) == [nil])
        #expect(ranged.current.map(\.introduced) == [c2])
        #expect(ranged.cacheHits >= 2)
    }

    @Test func eachResumesFromTheCheckpointOfAnEarlierRun() throws {
        let room = try Newsroom.create(at: dir.path, author: author)
        _ = try commit(room, "a1", "没有其它问题。\n", "来稿")
        let c2 = try commit(room, "a1", "没有其他问题。其它安排照旧。\n", "一审")
        let first = try Checker(newsroom: room, families: [testFamily()]).checkEach(range: nil, paths: [], cwd: dir.path)
        #expect(first.resumedFrom == nil && first.walked == 3)
        let second = try Checker(newsroom: room, families: [testFamily()]).checkEach(range: nil, paths: [], cwd: dir.path)
        #expect(second.resumedFrom == c2 && second.walked == 0 && second.files == 0)
        #expect(first.articles == 1 && second.articles == 1)
        #expect(second.findings == first.findings && second.revisions == first.revisions)

        let c3 = try commit(room, "a1", "没有其他问题。其他安排照旧。\n", "二审")
        let third = try Checker(newsroom: room, families: [testFamily()]).checkEach(range: nil, paths: [], cwd: dir.path)
        #expect(third.resumedFrom == c2 && third.walked == 1)
        let uncached = Checker(newsroom: room, families: [testFamily()])
        uncached.useCache = false
        let truth = try uncached.checkEach(range: nil, paths: [], cwd: dir.path)
        #expect(third.findings == truth.findings && third.revisions == truth.revisions)
        #expect(third.findings.map(\.fixed) == [c3])
        // A different option gives a different key: the checkpoint is not used.
        let other = try Checker(newsroom: room, families: [testFamily(version: "9")]).checkEach(range: nil, paths: [], cwd: dir.path)
        #expect(other.resumedFrom == nil)
        let checkpoint = try git(["notes", "--ref=galley", "show", c3], in: dir.path)
        #expect(checkpoint.stdout.hasPrefix("galley-each/1\t"))
    }

    @Test func manyNotesAreWrittenAsOnePack() throws {
        let room = try Newsroom.create(at: dir.path, author: author)
        var paths: [String] = []
        for i in 0..<40 {
            let id = "n\(i)"
            dir.write(ArticleFixture.path(id), ArticleFixture.text(id: id, body: "第\(i)条：没有其它问题。\n"))
            paths.append(ArticleFixture.path(id))
        }
        _ = try room.checkIn(paths: paths, cwd: dir.path, message: "来稿", author: author)
        // (A check-in of this many files is itself stored as a pack: count the notes' pack only.)
        func count(_ field: String) throws -> Int {
            let line = try git(["count-objects", "-v"], in: dir.path).stdout.split(separator: "\n").first { $0.hasPrefix(field + ": ") }
            return Int(line?.dropFirst(field.count + 2) ?? "") ?? -1
        }
        let (looseBefore, packsBefore) = (try count("count"), try count("packs"))
        let outcome = try Checker(newsroom: room, families: [testFamily()]).check(paths: [], cwd: dir.path, revision: "HEAD")
        #expect(outcome.findings.count == 40 && outcome.cacheMisses == 40)
        let packsAfter = try count("packs")
        #expect(packsBefore == 1 && packsAfter == 2)
        // Notes and their fanned-out trees are in the pack: only the notes commit is loose.
        let looseAfter = try count("count")
        #expect(looseAfter == looseBefore + 1)
        let packs = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/.git/objects/pack").filter { $0.hasSuffix(".idx") }
        #expect(packs.count == 2)
        for idx in packs { #expect(try git(["verify-pack", ".git/objects/pack/" + idx], in: dir.path).status == 0) }
        #expect(try git(["fsck", "--strict"], in: dir.path).status == 0)
        #expect(try git(["notes", "--ref=galley", "list"], in: dir.path).stdout.split(separator: "\n").count == 40)
        let blob = try git(["rev-parse", "HEAD:" + ArticleFixture.path("n7")], in: dir.path).stdout.trimmed
        #expect(try git(["notes", "--ref=galley", "show", blob], in: dir.path).stdout.contains("\"text\":\"其它\""))
        let warm = try Checker(newsroom: try Newsroom.open(from: dir.path), families: [testFamily()]).check(paths: [], cwd: dir.path, revision: "HEAD")
        #expect(warm.cacheHits == 40 && warm.findings == outcome.findings)

        // A second batch merges into the existing notes tree.
        for i in 0..<20 {
            dir.write(ArticleFixture.path("n\(i)"), ArticleFixture.text(id: "n\(i)", body: "第\(i)条：其它问题另议。\n"))
        }
        _ = try room.checkIn(paths: Array(paths.prefix(20)), cwd: dir.path, message: "二审", author: author)
        let second = try Checker(newsroom: try Newsroom.open(from: dir.path), families: [testFamily()]).check(paths: [], cwd: dir.path, revision: "HEAD")
        #expect(second.cacheMisses == 20 && second.cacheHits == 20)
        #expect(try git(["fsck", "--strict"], in: dir.path).status == 0)
        #expect(try git(["notes", "--ref=galley", "list"], in: dir.path).stdout.split(separator: "\n").count == 60)
        #expect(try git(["notes", "--ref=galley", "show", blob], in: dir.path).stdout.contains("\"text\":\"其它\""))
    }

    @Test func fixRewritesWorkingFileKeepingCRLF() throws {
        _ = try Newsroom.create(at: dir.path, author: author)
        let text = ArticleFixture.text(id: "a1", body: "没有其它问题。\n\n其它事项照旧。\n").replacingOccurrences(of: "\n", with: "\r\n")
        let path = dir.write(ArticleFixture.path("a1"), text)
        let room = try Newsroom.open(from: dir.path)
        let fixed = try Checker(newsroom: room, families: [testFamily()]).check(paths: [ArticleFixture.path("a1")], cwd: dir.path, fix: true)
        #expect(fixed.fixesApplied == 2 && fixed.findings.isEmpty)
        let after = try String(contentsOfFile: path, encoding: .utf8)
        #expect(after == text.replacingOccurrences(of: "其它", with: "其他"))
        let recheck = try Checker(newsroom: room, families: [testFamily()]).check(paths: [ArticleFixture.path("a1")], cwd: dir.path)
        #expect(recheck.findings.isEmpty && recheck.exitCode == 0)
    }

    @Test func plainFilesOutsideANewsroomAreChecked() throws {
        let path = dir.write("稿件.txt", "第一段。\n\n没有其它问题。\n")
        let outcome = try Checker(newsroom: nil, families: [testFamily()]).check(paths: [path], cwd: dir.path)
        #expect(outcome.findings.count == 1)
        let f = try #require(outcome.findings.first)
        #expect(f.line == 3 && f.column == 3 && f.offset == 8 && f.byteOffset == 20 && f.length == 2 && f.byteLength == 6)
        #expect(outcome.exitCode == 1)
    }

    @Test func badFilesAreInputErrorsAndTheRestIsChecked() throws {
        let good = dir.write("good.md", "没有其它问题。\n")
        let bad = dir.write("bad.md", bytes: [0xE6, 0xB2, 0xA1, 0xFF, 0x0A])
        let outcome = try Checker(newsroom: nil, families: [testFamily()]).check(paths: [bad, good], cwd: dir.path)
        #expect(outcome.findings.count == 1 && outcome.inputErrors == 1 && outcome.exitCode == 2)
        #expect(outcome.problems.first?.contains("invalid UTF-8") == true)
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
