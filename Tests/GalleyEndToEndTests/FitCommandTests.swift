import Foundation
import GalleyTestSupport
import Testing

/// `galley fit` through the built binary: a plain text file outside any newsroom, an article with its
/// headline block, and refused input.
@Suite struct FitCommandTests {
    /// Two paragraphs at 10 cells: 31 characters in 4 lines, then `甲乙丙丁戊己庚辛` + `壬。` (孤字).
    static let plain = String(repeating: "一二三四五六七八九十", count: 3) + "甲\n\n甲乙丙丁戊己庚辛壬。\n"

    @Test func plainTextAsTextAndJSON() throws {
        let dir = TemporaryDirectory("fit")
        let file = dir.write("稿.txt", Self.plain)
        let text = try run(galleyExecutable(), ["fit", file, "--measure", "10", "--lines", "5"], in: dir.path)
        #expect(text.status == 0 && text.stderr.isEmpty, "\(text.stderr)")
        #expect(text.stdout.contains("字数 41  段落 2  排出 6 行"), "\(text.stdout)")
        #expect(text.stdout.contains("超版 1 行（约 10 字）"))
        #expect(text.stdout.contains("孤字"))
        let json = try run(galleyExecutable(), ["fit", file, "--measure", "10", "--lines", "3", "--columns", "2", "--format", "json"], in: dir.path)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["lines"] as? Int == 6 && object["remaining"] as? Int == 0 && object["overset"] as? Int == 0)
        #expect((object["columns"] as? [[String: Any]])?.map { $0["lines"] as? Int } == [3, 3])
        let paragraphs = try #require(object["paragraphs"] as? [[String: Any]])
        #expect(paragraphs.map { $0["last_line_starts_column"] as? Bool } == [true, false])
    }

    @Test func articleWithItsHeadlineBlock() throws {
        let article = projectRoot() + "/Workspace/articles/2026-11-27/a1-hightech-park.md"
        let r = try run(galleyExecutable(), ["fit", article, "--measure", "13", "--lines", "70", "--columns", "2",
                                             "--format", "json", "--resolution", "squeeze", "--prohibition", "strict"], in: projectRoot())
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let roles = (object["paragraphs"] as? [[String: Any]])?.compactMap { $0["role"] as? String }
        #expect(roles?.prefix(3) == ["kicker", "headline", "body"])
        #expect((object["headline_lines"] as? Int ?? 0) > 0 && object["resolution"] as? String == "squeeze")
    }

    /// Inside a newsroom, galley.yml's `layout:` gives what the command line leaves out; the command line wins.
    @Test func galleyYMLGivesTheGridTheCommandLineOmits() throws {
        let room = try CLINewsroom()
        let config = room.dir.read("galley.yml") ?? ""
        room.dir.write("galley.yml", config + "\nlayout:\n  measure: 10\n  lines: 3\n  columns: 2\n")
        room.dir.write("稿.txt", Self.plain)
        let configured = try room.galley(["fit", "稿.txt", "--format", "json"])
        #expect(configured.status == 0, "\(configured.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(configured.stdout.utf8)) as? [String: Any])
        #expect(object["measure"] as? Int == 10 && object["lines_per_column"] as? Int == 3 && object["column_count"] as? Int == 2)
        #expect(object["lines"] as? Int == 6)
        let overridden = try room.galley(["fit", "稿.txt", "--format", "json", "--measure", "20"])
        let wide = try #require(try JSONSerialization.jsonObject(with: Data(overridden.stdout.utf8)) as? [String: Any])
        #expect(wide["measure"] as? Int == 20 && wide["lines_per_column"] as? Int == 3)
        room.dir.write("galley.yml", config + "\nlayout:\n  measure: wide\n")
        let warned = try room.galley(["fit", "稿.txt"])
        #expect(warned.status == 0 && warned.stderr.contains("layout.measure"))
    }

    @Test func badInputIsOneMessage() throws {
        let dir = TemporaryDirectory("fit-bad")
        let file = dir.write("a.txt", Self.plain)
        let zero = try run(galleyExecutable(), ["fit", file, "--measure", "0", "--lines", "70"], in: dir.path)
        expectRefusal(zero, mentioning: ["--measure", "not 0"])
        let negative = try run(galleyExecutable(), ["fit", file, "--measure", "13", "--lines=-3"], in: dir.path)
        expectRefusal(negative, mentioning: ["--lines", "not -3"])
        let level = try run(galleyExecutable(), ["fit", file, "--measure", "13", "--lines", "7", "--prohibition", "loose"], in: dir.path)
        expectRefusal(level, mentioning: ["loose", "basic, gb or strict"])
        let missing = try run(galleyExecutable(), ["fit", "nope.txt", "--measure", "13", "--lines", "7"], in: dir.path)
        expectRefusal(missing, mentioning: ["nope.txt", "no such file"])
        let binary = dir.write("bin.txt", bytes: [0xE4, 0xB8, 0x80, 0, 1, 2])
        expectRefusal(try run(galleyExecutable(), ["fit", binary, "--measure", "13", "--lines", "7"], in: dir.path),
                      mentioning: ["bin.txt", "binary"])
        let gb = dir.write("gb.txt", bytes: [0xD6, 0xD0, 0xCE, 0xC4, 0x0A])  // 中文 in GB18030
        expectRefusal(try run(galleyExecutable(), ["fit", gb, "--measure", "13", "--lines", "7"], in: dir.path),
                      mentioning: ["gb.txt", "GB18030"])
    }
}
