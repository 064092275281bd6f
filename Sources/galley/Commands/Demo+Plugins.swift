import GalleyCore
import GalleyPlugins

/// The plugin part of `galley demo`: trust, check, check --each, the gate and --fix.
extension Galley.Demo {
    func showPlugins(_ newsroom: Newsroom) throws {
        let root = newsroom.root
        let catalog = PluginCatalog(newsroom: newsroom, families: builtInFamilies)
        if newsroom.configuration.externalPlugins.contains(where: { $0.name == "house-style" }) {
            print("\n== galley plugins trust house-style")
            print("(External plugins never run until trusted on this machine. The demo trusts the sample's")
            print(" tools/house_style.py because it just copied it from Workspace/.)")
            let fingerprint = try catalog.trust("house-style")
            print("trusted house-style (\(fingerprint.prefix(12)))")
        }

        print("\n== galley check   (every article in the working tree)")
        let checker = Checker(newsroom: newsroom, families: builtInFamilies)
        printOutcome(try checker.check(paths: [], cwd: root), checker)

        print("\n== galley check --each   (every revision: who introduced each finding, who fixed it)")
        let eachChecker = Checker(newsroom: newsroom, families: builtInFamilies)
        printOutcome(try eachChecker.checkEach(range: nil, paths: [], cwd: root, withSources: true), eachChecker)
        let again = try Checker(newsroom: newsroom, families: builtInFamilies).checkEach(range: nil, paths: [], cwd: root)
        print("(run again: \(again.walked) of \(again.revisions) revisions walked, \(again.files) article versions read: the first run left")
        print(" findings per article version and a checkpoint on HEAD in refs/notes/galley; try 'git notes --ref=galley list')")

        try showReport(newsroom)
        try showGate(newsroom)
        try showBylineGate(newsroom)
    }

    /// A new brief whose byline misspells the reporter: the roster rule refuses it at check-in.
    func showBylineGate(_ newsroom: Newsroom) throws {
        let path = "articles/2026-11-27/a3-brief-skating.md"
        let text = [
            "---", "id: a3-brief-skating", "issue: 2026-11-27", "page: A3", "section: 城市", "genre: brief",
            "status: submitted", "headline: 江滨公园冰场下月开放", "dateline: 本报讯", "credits:", "  - {role: 记者, name: 周雅芹}", "---",
            "本报讯（记者周雅芹）记者从江滨公园管理处获悉，园内露天冰场将于12月15日开放，每日开放至晚上9时。", "",
        ].joined(separator: "\n")
        print("\n== The gate and bylines: 周雅琴 files \(path), and her name is mistyped in the byline")
        try newsroom.writeWorkingFile(path, text)
        let checker = Checker(newsroom: newsroom, families: builtInFamilies)
        let gate = checker.gate([try newsroom.prepare(try newsroom.resolve(path, cwd: newsroom.root), userPath: path)])
        print("$ galley checkin \(path) -m \"来稿：冰场开放\"")
        print(CheckReport.text(gate, checker: checker, color: false), terminator: "")
        print("galley: error: check-in refused: \(gate.countsLine)")
        try newsroom.writeWorkingFile(path, text.replacingOccurrences(of: "周雅芹", with: "周雅琴"))
        print("\n(the name is corrected in the byline and in credits)")
        print("$ galley checkin \(path) -m \"来稿：冰场开放\"")
        let fixed = try newsroom.prepare(try newsroom.resolve(path, cwd: newsroom.root), userPath: path)
        let second = Checker(newsroom: newsroom, families: builtInFamilies).gate([fixed])
        guard second.current.allSatisfy({ $0.severity != .error }) else {
            print(CheckReport.text(second, checker: checker, color: false), terminator: "")
            return
        }
        // 2026-11-26 18:20 Beijing time: after the Workspace's revisions, so the history stays in date order.
        let author = Signature(name: "周雅琴", email: "zhouyaqin@binjiang-daily.example", time: 1_795_688_400, offsetMinutes: 480)
        print(try newsroom.checkIn([fixed], message: "来稿：冰场开放", author: author).revision.hex)
    }

    /// A reporter's typo is refused at check-in, fixed with --fix, and checked in.
    func showGate(_ newsroom: Newsroom) throws {
        let path = "articles/2026-11-27/a3-brief-library.md"
        guard let original = try? newsroom.readWorkingFile(path), original.contains("同时，") else { return }
        print("\n== The check-in gate: 林晓岚 adds a line to \(path) and types “，，”")
        let typo = original.replacingFirst("同时，", with: "读者也可拨打12345热线咨询开放时间。同时，，")
        try newsroom.writeWorkingFile(path, typo)
        let prepared = try newsroom.prepare(try newsroom.resolve(path, cwd: newsroom.root), userPath: path)
        let checker = Checker(newsroom: newsroom, families: builtInFamilies)
        let gate = checker.gate([prepared])
        print("$ galley checkin \(path) -m \"补充预约方式\"")
        print(CheckReport.text(gate, checker: checker, color: false), terminator: "")
        print("galley: error: check-in refused: \(gate.countsLine)")

        print("\n$ galley check --fix \(path)")
        let fixed = try Checker(newsroom: newsroom, families: builtInFamilies).check(paths: [path], cwd: newsroom.root, fix: true)
        print("fixed \(counted(fixed.fixesApplied, "problem")) in \(fixed.fixedFiles.joined(separator: ", ")); \(counted(fixed.current.count, "finding")) left")

        print("\n$ galley checkin \(path) -m \"补充预约方式\"")
        let clean = try newsroom.prepare(try newsroom.resolve(path, cwd: newsroom.root), userPath: path)
        let secondChecker = Checker(newsroom: newsroom, families: builtInFamilies)
        let second = secondChecker.gate([clean])
        guard second.current.allSatisfy({ $0.severity != .error }) else { return }
        // What `galley checkin` prints before the revision when findings below error level remain.
        if !second.findings.isEmpty { print(CheckReport.text(second, checker: secondChecker, color: false), terminator: "") }
        // 2026-11-26 18:00 Beijing time, after the Workspace's revisions.
        let author = Signature(name: "林晓岚", email: "linxiaolan@binjiang-daily.example", time: 1_795_687_200, offsetMinutes: 480)
        let result = try newsroom.checkIn([clean], message: "补充预约方式", author: author)
        print(result.revision.hex)
    }

    func printOutcome(_ outcome: CheckOutcome, _ checker: Checker) {
        for w in outcome.warnings { print("galley: warning: \(TerminalSafe.sanitize(w))") }
        for p in outcome.problems { print("galley: error: \(p)") }
        print(CheckReport.text(outcome, checker: checker, color: Output.useColor(fd: 1)), terminator: "")
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = range(of: target) else { return self }
        return replacingCharacters(in: r, with: replacement)
    }
}
