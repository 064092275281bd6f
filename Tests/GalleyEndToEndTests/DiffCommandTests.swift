import Foundation
import GalleyTestSupport
import Testing

/// `galley diff` and `galley log --stat` through the built binary.
@Suite struct DiffCommandTests {
    static let body1 = "本报讯（记者陈立峰）11月26日，滨江市供热办召开调度会。\n\n全市供热面积达312万平方米，比去年增加一成。\n"
    static let body2 = "本报讯（记者陈立峰）11月26日上午，滨江市供热办召开调度会。\n\n全市供热面积达321万平方米，比去年增加一成。\n"

    /// A newsroom with one article in two revisions.
    func newsroom() throws -> CLINewsroom {
        let room = try CLINewsroom()
        try room.checkIn("a1", message: "来稿", text: ArticleFixture.text(id: "a1", body: Self.body1))
        try room.checkIn("a1", message: "一审", text: ArticleFixture.text(id: "a1", status: "edited", body: Self.body2))
        return room
    }

    @Test func lastTwoRevisionsByDefault() throws {
        let room = try newsroom()
        let r = try room.galley(["diff", ArticleFixture.path("a1")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("status: [-draft-] → {+edited+}"))
        #expect(r.stdout.contains("11月26日{+上午+}，"))
        #expect(r.stdout.contains("[-312-]{+321+}"))
        #expect(r.stdout.contains("1 field changed, 2 changes in the body: +5 −3 characters"), "\(r.stdout)")
    }

    @Test func modifiedWorkingFileAgainstHead() throws {
        let room = try newsroom()
        room.dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1", status: "edited", body: Self.body2.replacingOccurrences(of: "一成", with: "一成半")))
        let r = try room.galley(["diff", ArticleFixture.path("a1")])
        #expect(r.stdout.contains("(working tree)") && r.stdout.contains("一成{+半+}"), "\(r.stdout)")
        #expect(!r.stdout.contains("status:"))
        let explicit = try room.galley(["diff", ArticleFixture.path("a1"), "HEAD~1", "HEAD"])
        #expect(explicit.stdout.contains("[-312-]{+321+}") && !explicit.stdout.contains("一成{+半+}"))
        let oneRevision = try room.galley(["diff", ArticleFixture.path("a1"), "HEAD~1"])
        #expect(oneRevision.stdout.contains("[-312-]{+321+}") && oneRevision.stdout.contains("一成{+半+}"))
    }

    @Test func rewrapOnlyRevisionIsLayoutOnlyAndExitCode() throws {
        let room = try newsroom()
        let wrapped = Self.body2.replacingOccurrences(of: "滨江市供热办", with: "滨江市\n供热办").replacingOccurrences(of: "312", with: "3 1 2")
        room.dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1", status: "edited", body: wrapped))
        let r = try room.galley(["diff", ArticleFixture.path("a1"), "--exit-code"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").last?.hasPrefix("no textual change (layout only: line breaks 0 → 1") == true, "\(r.stdout)")
        let changed = try room.galley(["diff", ArticleFixture.path("a1"), "HEAD~1", "HEAD", "--exit-code"])
        #expect(changed.status == 1)
    }

    @Test func filesInEveryFormat() throws {
        let dir = TemporaryDirectory("diff-files")
        let a = dir.write("a.txt", Self.body1), b = dir.write("b.txt", Self.body2)
        for format in ["terminal", "word", "unified", "html", "json"] {
            let r = try run(galleyExecutable(), ["diff", "--files", a, b, "--format", format], in: dir.path)
            #expect(r.status == 0 && !r.stdout.isEmpty && r.stderr.isEmpty, "\(format): \(r.stderr)")
        }
        let json = try run(galleyExecutable(), ["diff", "--files", "--format", "json", a, b], in: dir.path)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let ops = try #require(object["ops"] as? [[Any]]).map { ($0[0] as! Int, $0[1] as! String) }
        #expect(ops.filter { [0, 1, 3].contains($0.0) }.map(\.1).joined() == Self.body2)
        #expect(ops.filter { [0, -1, 2].contains($0.0) }.map(\.1).joined() == Self.body1)
    }

    /// The unified format applies with `git apply` to the normalised old text (one paragraph a line).
    @Test func unifiedAppliesToTheNormalisedText() throws {
        let dir = TemporaryDirectory("diff-unified")
        let old = "第一段。\n\n第二段有\n错子。\n\n第三段。\n\n第四段。\n", new = "第一段。\n\n第二段有错字。\n\n第三段。\n\n新的第五段。\n"
        dir.write("a.txt", old)
        dir.write("b.txt", new)
        let patch = try run(galleyExecutable(), ["diff", "--files", "--format", "unified", "a.txt", "b.txt"], in: dir.path)
        #expect(patch.stdout.hasPrefix("--- a/a.txt\n+++ b/b.txt\n@@ "), "\(patch.stdout)")
        dir.write("p.diff", patch.stdout.replacingOccurrences(of: "+++ b/b.txt", with: "+++ b/a.txt"))
        dir.write("a.txt", "第一段。\n第二段有错子。\n第三段。\n第四段。\n")
        let applied = try git(["apply", "p.diff"], in: dir.path)
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(dir.read("a.txt") == "第一段。\n第二段有错字。\n第三段。\n新的第五段。\n")
    }

    @Test func badInputIsOneClearErrorAndExit2() throws {
        let dir = TemporaryDirectory("diff-bad")
        let good = dir.write("good.txt", Self.body1)
        let binary = dir.write("photo.jpg", bytes: [0xFF, 0xD8, 0xFF, 0x00, 0x10, 0x4A])
        var latin1 = Array("正文".utf8)
        latin1 += [0xE9, 0x0A]
        let invalid = dir.write("bad.txt", bytes: latin1)
        let cases: [([String], [String])] = [
            (["diff", "--files", good, binary], ["photo.jpg", "binary"]),
            (["diff", "--files", invalid, good], ["bad.txt", "invalid UTF-8"]),
            (["diff", "--files", good, dir.path + "/missing.txt"], ["missing.txt", "no such file"]),
            (["diff", "--files", good], ["--files takes two files"]),
            (["diff", "--files", good, good, "--format", "pdf"], ["unknown format 'pdf'"]),
        ]
        for (arguments, fragments) in cases {
            let r = try run(galleyExecutable(), arguments, in: dir.path)
            #expect(r.status == 2, "\(arguments): exit \(r.status) \(r.stderr)")
            for f in fragments { #expect(r.stderr.contains(f), "\(arguments): \(r.stderr)") }
            #expect(!r.stderr.contains("Fatal error") && r.stdout.isEmpty)
        }
    }

    @Test func unknownRevisionAndMissingArticle() throws {
        let room = try newsroom()
        let r = try room.galley(["diff", ArticleFixture.path("a1"), "nosuchrev"])
        expectRefusal(r, mentioning: ["unknown revision 'nosuchrev'"])
        let missing = try room.galley(["diff", ArticleFixture.path("zz")])
        expectRefusal(missing, mentioning: ["zz.md"])
    }

    @Test func logStatCountsCharactersPerRevision() throws {
        let room = try newsroom()
        let r = try room.galley(["log", ArticleFixture.path("a1"), "--stat"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains("+5 −3 1f") && lines[0].hasSuffix("一审"), "\(r.stdout)")
        let json = try room.galley(["log", ArticleFixture.path("a1"), "--stat", "--format", "json"])
        #expect(json.stdout.contains("\"added\":5,\"removed\":3,\"moved\":0,\"fields_changed\":1"), "\(json.stdout)")
    }

    /// The demo shows what each revision of the sample issue changed: a move, the proofreader's marks, a re-wrap.
    @Test func demoShowsDiffsBetweenRevisions() throws {
        let dir = TemporaryDirectory("demo-diff")
        let r = try run(galleyExecutable(), ["demo", "news", "--workspace", projectRoot() + "/Workspace"], in: dir.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("== galley diff articles/2026-11-27/a1-winter-heating.md"))
        #expect(r.stdout.contains("{+寒潮来临之前，滨江市民提前用上了暖气。+}"))
        #expect(r.stdout.contains("moved ⁽1⁾: 87 characters from paragraph 4 to paragraph 5, unchanged"))
        #expect(r.stdout.contains("其[-它-]{+他+}问题"))
        #expect(r.stdout.contains("no textual change (layout only: line breaks 0 → 24"))
        #expect(r.stdout.contains("galley log articles/2026-11-27/a1-winter-heating.md --stat"))
    }
}
