import Foundation
import GalleyTestSupport
import Testing

/// `galley check` and the check-in gate through the built binary.
@Suite struct CheckCommandTests {
    static let doubled = "本报讯（记者陈立峰）全市供热面积达312万平方米，，新增面积18万平方米。\n"

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func textReportUnderlinesAndExitsOne() throws {
        let room = try CLINewsroom()
        room.dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1", body: Self.doubled))
        let result = try room.galley(["check"])
        #expect(result.status == 1, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.contains("[typography.repeated-punctuation]") })
        #expect(lines[header].hasPrefix("articles/2026-11-27/a1.md:13:25: error: "))
        // The underline sits under `，，` by display width (CJK characters are two columns).
        let excerpt = lines[header + 1]
        let flagged = try #require(excerpt.range(of: "，，"))
        let underline = lines[header + 2]
        #expect(underline.prefix { $0 == " " }.count == DisplayWidthProbe.width(String(excerpt[..<flagged.lowerBound])))
        #expect(underline.drop { $0 == " " } == "^~~~")
        #expect(!result.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    /// A newsroom without a staff roster is told once per run that the roster rule is off; once
    /// galley.yml turns that rule off, it is not told again, and the other byline rules still run.
    @Test func aMissingRosterIsNotReportedOnceItsRuleIsOff() throws {
        let room = try CLINewsroom()
        room.dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1", body: "本报讯(记者陈立峰)全市供热面积达312万平方米。\n"))
        let before = try room.galley(["check"])
        #expect(before.stderr.contains("no staff.yml in the newsroom: the roster rules (byline.roster) are off"), "\(before.stderr)")
        let config = try #require(room.dir.read("galley.yml"))
        room.dir.write("galley.yml", config + "rules:\n  byline.roster: false\n")
        let after = try room.galley(["check"])
        #expect(!after.stderr.contains("staff.yml"), "\(after.stderr)")
        #expect(after.stdout.contains("[byline.format"), "\(after.stdout)")
    }

    @Test func jsonAndSarifFormats() throws {
        let room = try CLINewsroom()
        room.dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1", body: Self.doubled))
        let j = try json(try room.galley(["check", "--format", "json"]).stdout)
        let findings = try #require(j["findings"] as? [[String: Any]])
        let f = try #require(findings.first)
        for key in ["path", "revision", "line", "column", "offset", "length", "text", "rule", "severity", "message", "replacement"] {
            #expect(f.keys.contains(key), "finding lacks \(key)")
        }
        #expect(f["text"] as? String == "，，" && f["replacement"] as? String == "，" && f["line"] as? Int == 13)
        #expect(f["offset"] as? Int == 24 && f["length"] as? Int == 2)
        let sarif = try json(try room.galley(["check", "--format", "sarif"]).stdout)
        #expect(sarif["version"] as? String == "2.1.0")
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.contains { $0["id"] as? String == "typography.repeated-punctuation" })
    }

    @Test func gateRefusesErrorsAndForceRecordsTheOverride() throws {
        let room = try CLINewsroom()
        let before = try room.commitCount()
        let file = ArticleFixture.path("a1")
        room.dir.write(file, ArticleFixture.text(id: "a1", body: Self.doubled))
        let refused = try room.galley(["checkin", file, "-m", "来稿"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("check-in refused: 1 error"))
        #expect(refused.stderr.contains("[typography.repeated-punctuation]"))
        #expect(try room.commitCount() == before)
        // The index update prepared while the gate ran is dropped before anything is written: the file
        // is still untracked, and no object of it was stored.
        #expect(!FileManager.default.fileExists(atPath: room.path + "/.git/index.lock"))
        #expect(try room.git(["status", "--porcelain"]).stdout == "?? articles/\n")
        #expect(try room.git(["fsck", "--strict"]).stdout == "")

        let noReason = try room.galley(["checkin", file, "-m", "来稿", "--force"])
        #expect(noReason.status == 2 && noReason.stderr.contains("--reason"))

        let forced = try room.galley(["checkin", file, "-m", "来稿", "--force", "--reason", "急稿，先上版"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let message = try room.git(["log", "-1", "--format=%B"]).stdout
        #expect(message.contains("Galley-Override: 急稿，先上版"))
        #expect(message.contains("Galley-Findings: 1 error, 0 warnings, 0 info"))
        try room.expectFsckClean()
    }

    @Test func fixRepairsWorkingFileWithoutCommitting() throws {
        let room = try CLINewsroom()
        room.checkInClean("a1")
        let head = try room.head()
        room.dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1", body: "本报讯（记者陈立峰）这不是选择题--而是必答题，，２０２６年见分晓...\n"))
        let fixed = try room.galley(["check", "--fix"])
        #expect(fixed.status == 0, "\(fixed.stdout)\(fixed.stderr)")
        #expect(fixed.stderr.contains("galley: fixed 4 problems in 1 file: "), "\(fixed.stderr)")
        let text = try String(contentsOfFile: room.path + "/" + ArticleFixture.path("a1"), encoding: .utf8)
        #expect(text.contains("本报讯（记者陈立峰）这不是选择题——而是必答题，2026年见分晓……"))
        #expect(try room.head() == head)
        let again = try room.galley(["check", "--format", "json"])
        let remaining = try json(again.stdout)["findings"] as? [Any]
        #expect(again.status == 0 && remaining?.isEmpty == true)
    }

    @Test func eachReportsIntroducedAndFixedRevisions() throws {
        let room = try CLINewsroom()
        let file = ArticleFixture.path("a1")
        room.dir.write(file, ArticleFixture.text(id: "a1", body: "本报讯（记者陈立峰）他说：“真办成了...”\n"))
        let c1 = try room.galley(["checkin", file, "-m", "来稿"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        room.dir.write(file, ArticleFixture.text(id: "a1", body: "本报讯（记者陈立峰）他说：“真办成了……”２０２６年。\n"))
        let c2 = try room.galley(["checkin", file, "-m", "二审"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try room.galley(["check", "--each", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let findings = try #require(try json(result.stdout)["findings"] as? [[String: Any]])
        let ellipsis = try #require(findings.first { $0["rule"] as? String == "typography.ellipsis-form" })
        #expect(ellipsis["introduced"] as? String == c1 && ellipsis["fixed"] as? String == c2)
        let digits = try #require(findings.first { $0["rule"] as? String == "typography.fullwidth-alphanumeric" })
        #expect(digits["introduced"] as? String == c2 && digits["fixed"] == nil)
        // The second run reads everything from refs/notes/galley.
        let warm = try json(try room.galley(["check", "--each", "HEAD~2..HEAD", "--format", "json"]).stdout)
        let cache = try #require((warm["summary"] as? [String: Any])?["cache"] as? [String: Any])
        #expect(cache["misses"] as? Int == 0 && (cache["hits"] as? Int ?? 0) >= 2)
        // A run resumed from the checkpoint reads nothing, and still covers the one article file.
        let first = try #require(try json(result.stdout)["summary"] as? [String: Any])
        let resumed = try #require(try json(try room.galley(["check", "--each", "--format", "json"]).stdout)["summary"] as? [String: Any])
        #expect(first["files"] as? Int == 1 && resumed["files"] as? Int == 1)
    }

    @Test func wireCutComparesWithTheFirstRevision() throws {
        let room = try CLINewsroom()
        let file = ArticleFixture.path("w1")
        let sentence = "应急管理部提醒，入冬以来多地出现降温降雪天气，各地要做好防范工作。"
        func wire(_ sentences: Int) -> String {
            ArticleFixture.text(id: "w1", body: "新华社北京11月26日电（记者高晨阳）" + String(repeating: sentence, count: sentences) + "\n")
                .replacingOccurrences(of: "dateline: 本报讯", with: "dateline: 新华社北京11月26日电")
                .replacingOccurrences(of: "name: 陈立峰", with: "name: 高晨阳")
        }
        var commits: [String] = []
        for n in [5, 4, 3] {
            room.dir.write(file, wire(n))
            let r = try room.galley(["checkin", file, "-m", "删节"])
            #expect(r.status == 0, "\(r.stderr)")
            commits.append(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        func wireCuts(_ args: [String]) throws -> [[String: Any]] {
            let out = try room.galley(args + ["--format", "json"]).stdout
            return (try json(out)["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "byline.wire-cut" }
        }
        // Each revision cut about a fifth of the one before; the third is 36 % short of the first.
        #expect(try wireCuts(["check", "--rev", "HEAD~1"]).isEmpty)
        let now = try wireCuts(["check"])
        #expect(now.count == 1 && (now.first?["message"] as? String ?? "").contains("36%"), "\(now)")
        let each = try wireCuts(["check", "--each"])
        #expect(each.count == 1 && each.first?["introduced"] as? String == commits[2], "\(each)")
    }

    /// Only a wire story's earlier revisions matter to the rules (byline.wire-cut): the gate walks the
    /// history for its first version, and for no other article.
    @Test func theGateReadsEarlierRevisionsOnlyForWireStories() throws {
        let room = try CLINewsroom()
        let local = ArticleFixture.path("a1")
        let wire = ArticleFixture.path("w1")
        func wireText(_ body: String) -> String {
            ArticleFixture.text(id: "w1", body: "新华社北京11月26日电（记者高晨阳）" + body + "\n")
                .replacingOccurrences(of: "dateline: 本报讯", with: "dateline: 新华社北京11月26日电")
                .replacingOccurrences(of: "name: 陈立峰", with: "name: 高晨阳")
        }
        for round in ["一", "二"] {
            room.dir.write(local, ArticleFixture.text(id: "a1", body: "本报讯（记者陈立峰）第\(round)稿。\n"))
            room.dir.write(wire, wireText("第\(round)稿。"))
            for file in [local, wire] {
                let r = try room.galley(["checkin", file, "-m", "第\(round)稿"])
                #expect(r.status == 0, "\(r.stderr)")
            }
        }
        let folder = String(local.split(separator: "/").dropLast().joined(separator: "/")).replacingOccurrences(of: "/", with: "%2F")
        let remembered = try String(contentsOfFile: room.dir.path + "/.git/galley/first-versions/" + folder, encoding: .utf8)
        #expect(remembered.contains(" w1.md\n"), "\(remembered)")
        #expect(!remembered.contains("a1.md"), "\(remembered)")
    }

    @Test func plainFilesOutsideANewsroom() throws {
        let dir = TemporaryDirectory("plain")
        dir.write("稿件.txt", "第一段。\n\n活动持续到月底。。\n")
        let result = try run(galleyExecutable(), ["check", "稿件.txt", "--lang", "en"], in: dir.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("稿件.txt:3:8: error: “。” repeated [typography.repeated-punctuation]"))
        let missing = try run(galleyExecutable(), ["check"], in: dir.path)
        #expect(missing.status == 2 && missing.stderr.contains("name the files to check"))
        dir.write("bad.md", "ok\n")
        _ = dir.write("bad.md", bytes: [0x61, 0xFF, 0x0A])
        expectRefusal(try run(galleyExecutable(), ["check", "bad.md"], in: dir.path), mentioning: ["bad.md", "UTF-8"])
    }

    @Test func eachRefusesPathsThatAreNowhereAndMarksFixedFindingsAsGoneInSARIF() throws {
        let room = try CLINewsroom()
        let file = ArticleFixture.path("a1")
        room.dir.write(file, ArticleFixture.text(id: "a1", body: "本报讯（记者陈立峰）他说：“真办成了...”\n"))
        try room.galley(["checkin", file, "-m", "来稿"])
        room.dir.write(file, ArticleFixture.text(id: "a1", body: "本报讯（记者陈立峰）他说：“真办成了……”\n"))
        try room.galley(["checkin", file, "-m", "二审"])
        // A range typed after another option reads as a path: refused, not an empty pass.
        expectRefusal(try room.galley(["check", "--each", "--no-cache", "HEAD~1..HEAD"]),
                      mentioning: ["'HEAD~1..HEAD' is not a file of the newsroom; a range goes right after --each"])
        expectRefusal(try room.galley(["check", "--each", "HEAD~1..HEAD", "articles/nosuch.md"]),
                      mentioning: ["articles/nosuch.md does not exist in revision HEAD~1..HEAD"])
        #expect(try room.galley(["check", "--each", "HEAD~1..HEAD", file]).status == 0)
        // The ellipsis fixed by the second revision: a pass, absent from the range's end.
        let sarif = try json(try room.galley(["check", "--each", "--format", "sarif"]).stdout)
        let results = try #require((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let fixed = try #require(results.first { $0["ruleId"] as? String == "typography.ellipsis-form" })
        #expect(fixed["kind"] as? String == "pass" && fixed["level"] as? String == "none" && fixed["baselineState"] as? String == "absent")
        #expect(fixed["fixes"] == nil)
    }

    @Test func unreadableNewsroomFilesAreInputErrors() throws {
        let room = try CLINewsroom()
        room.dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1"))
        // Over the 10 MB limit: the roster rules would otherwise run without a roster and find nothing.
        room.dir.write("staff.yml", String(repeating: "# 名册\n", count: 1_500_000))
        expectRefusal(try room.galley(["check"]), mentioning: ["cannot read staff.yml"])
        // Named revisions appear in the message as typed.
        expectRefusal(try room.galley(["check", "--rev", "HEAD", "articles/nosuch.md"]), mentioning: ["articles/nosuch.md does not exist in revision HEAD"])
    }

    @Test func brokenRosterIsOneInputErrorAndBylineErrorsBlockCheckIn() throws {
        let room = try CLINewsroom()
        room.dir.write("staff.yml", "staff:\n  - {name: 陈立峰, roles: [记者]}\n  - {name: 陈立峰, roles: [通讯员]}\n")
        room.dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1"))
        expectRefusal(try room.galley(["check"]), mentioning: ["staff.yml:3: duplicate name '陈立峰'"])
        // A check-in makes the roster on a second thread first (Checker.warmNewsroomLists): the gate still
        // reports its problem, once.
        let gated = try room.galley(["checkin", ArticleFixture.path("a1"), "-m", "来稿"])
        #expect(gated.stderr.components(separatedBy: "duplicate name '陈立峰'").count == 2, "\(gated.stderr)")

        room.dir.write("staff.yml", "staff:\n  - {name: 陈立峰, roles: [记者]}\n")
        #expect(try room.galley(["check"]).status == 0)
        let file = ArticleFixture.path("a2")
        room.dir.write(file, ArticleFixture.text(id: "a2", body: "本报讯（记者陈立锋）供热办召开调度会。\n").replacingOccurrences(of: "name: 陈立峰", with: "name: 陈立锋"))
        let refused = try room.galley(["checkin", file, "-m", "来稿"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("“陈立锋”不在名册中，是否为“陈立峰”？ [byline.roster]"), "\(refused.stderr)")
    }

    /// The gate's issue-level rules compare with the issue as committed: drafts lying in the working
    /// tree are not in the paper yet. `check --rev` sees the rest of the issue as of that revision.
    @Test func theGateComparesWithTheIssueAsCommitted() throws {
        let room = try CLINewsroom()
        func text(_ id: String, role: String) -> String {
            ArticleFixture.text(id: id, body: "本报讯（\(role)陈立峰）11月26日，滨江市供热办召开调度会。\n")
                .replacingOccurrences(of: "{role: 记者,", with: "{role: \(role),")
        }
        try room.checkIn("a1", text: text("a1", role: "记者"))
        for id in ["d1", "d2", "d3"] { room.dir.write(ArticleFixture.path(id), text(id, role: "通讯员")) }
        let twoRoles = "同一期中“陈立峰”既署“通讯员”又署“记者”"

        // Three drafts credit him as 通讯员; the committed issue has him as 记者 only.
        room.dir.write(ArticleFixture.path("a2"), text("a2", role: "记者"))
        let clean = try room.galley(["checkin", ArticleFixture.path("a2"), "-m", "来稿"])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(!clean.stderr.contains("byline.issue-consistency"), "\(clean.stderr)")

        // Checking one of them in: the committed a1 and a2 make 通讯员 the odd role out.
        let flagged = try room.galley(["checkin", ArticleFixture.path("d1"), "-m", "来稿"])
        #expect(flagged.status == 0, "\(flagged.stderr)")
        #expect(flagged.stderr.contains(twoRoles) && flagged.stderr.contains("[byline.issue-consistency]"), "\(flagged.stderr)")

        let asCommitted = try room.galley(["check", "--rev", "HEAD", ArticleFixture.path("d1")])
        #expect(asCommitted.stdout.contains(twoRoles), "\(asCommitted.stdout)\(asCommitted.stderr)")
    }

    @Test func pluginsListsAndTestsEveryRule() throws {
        let room = try CLINewsroom()
        let list = try room.galley(["plugins"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("typography 1  built-in"))
        #expect(list.stdout.contains("typography.repeated-punctuation") && list.stdout.contains("标点符号重复"))
        let test = try room.galley(["plugins", "test"])
        #expect(test.status == 0, "\(test.stdout)")
        #expect(test.stdout.contains("typography: 19 rules") && test.stdout.contains("byline: 8 rules") && !test.stdout.contains("FAILED"))
    }
}

extension CLINewsroom {
    func checkInClean(_ id: String) {
        _ = try? checkIn(id)
    }
}

/// Display width as the text reporter counts it (CJK and full-width forms are two columns; curly
/// quotes, dashes and ellipses one, as terminals give them by default).
enum DisplayWidthProbe {
    static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { w, u in
            let v = u.value
            let wide = (0x2E80...0x9FFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            return w + (wide ? 2 : 1)
        }
    }
}
