#if canImport(Glibc)
import Glibc
#endif
import GalleyCore
import GalleyPlugins

/// `checkin`: how fast Galley records revisions, against git doing the same work.
///
/// 1. one `galley checkin` process in a 10,000-article repository vs `git add && git commit`;
/// 2. 1,000 revisions written by one process through the core (a bulk check-in) vs a shell-style loop of git commands;
/// 3. 10,000 articles imported as one commit through the core vs `git fast-import`.
struct CheckInSuite {
    let context: BenchContext
    var rows: [ResultRow] = []
    var notes: [String] = []
    var problems: [String] = []
    var checks: [String] = []

    static let singleRuns = 25
    static let startupRuns = 20
    static let bigRepository = 10_000

    var runner: Runner { context.runner }
    var author: Signature { context.author }

    init(context: BenchContext) { self.context = context }

    /// Runs the three measurements, prints the table and the checks; false when a check failed.
    static func run(_ context: BenchContext) throws -> Bool {
        var suite = CheckInSuite(context: context)
        try suite.singleCheckIn()
        try suite.manyRevisions()
        try suite.bulkImport()
        print("")
        ResultRow.printTable(suite.rows, peer: "git")
        for note in suite.notes { print(note) }
        print("")
        for line in suite.checks { print(line) }
        if context.runner.git == nil {
            print("checks: skipped (they need git)")
        } else if suite.problems.isEmpty {
            print("checks: all passed")
        } else {
            for p in suite.problems { print("CHECK FAILED: \(p)") }
        }
        return suite.problems.isEmpty
    }

    // MARK: - Building repositories

    /// Where the core's time goes, in milliseconds.
    struct Phases {
        var prepare = 0.0
        /// The check-in gate: the CLI's rules over the article and its issue.
        var gate = 0.0
        var checkIn = 0.0
        /// A bulk check-in's finish: one pack and one move of the branch.
        var publish = 0.0
        var stage = 0.0
        var total: Double { prepare + gate + checkIn + publish + stage }

        static func medians(_ all: [Phases]) -> Phases {
            Phases(prepare: Timing.median(all.map(\.prepare)), gate: Timing.median(all.map(\.gate)), checkIn: Timing.median(all.map(\.checkIn)),
                   publish: Timing.median(all.map(\.publish)), stage: Timing.median(all.map(\.stage)))
        }

        func describe(_ divisor: Double = 1, decimals: Int = 1) -> String {
            "prepare \(Format.fixed(prepare / divisor, decimals)) "
                + (gate > 0 ? "+ gate \(Format.fixed(gate / divisor, decimals)) " : "")
                + "+ checkIn \(Format.fixed(checkIn / divisor, decimals)) "
                + (publish > 0 ? "+ publish \(Format.fixed(publish / divisor, decimals)) " : "")
                + "+ stage \(Format.fixed(stage / divisor, decimals)) ms"
        }
    }

    /// Creates a newsroom at `dir` holding articles `0..<count` of `corpus` in one commit, staged.
    /// Only the core's part is timed: prepare every file, one check-in, one stage.
    func buildNewsroom(at dir: String, corpus: Corpus, count: Int) throws -> (Newsroom, Phases) {
        let newsroom = try BenchNewsroom.create(at: dir, author: author)
        for n in 0..<count { try Disk.writeArticle(corpus, n, root: newsroom.root) }
        let root = newsroom.root
        var phases = Phases()
        var prepared: [PreparedArticle] = []
        prepared.reserveCapacity(count)
        phases.prepare = try Timing.milliseconds {
            for n in 0..<count {
                let relative = corpus.path(of: n)
                prepared.append(try newsroom.prepare(try newsroom.resolve(relative, cwd: root), userPath: relative))
            }
        }
        phases.checkIn = try Timing.milliseconds {
            _ = try newsroom.checkIn(prepared, message: "Import \(count) articles", author: author, stageIndex: false)
        }
        phases.stage = try Timing.milliseconds { try newsroom.stage(prepared.map(\.path.relative)) }
        return (newsroom, phases)
    }

    /// One check-in through the core in a fresh process-like state (newsroom opened anew), timed by phase.
    mutating func checkInOnce(_ dir: String, corpus: Corpus, article n: Int, revision: Int, message: String) throws -> (open: Double, phases: Phases) {
        var newsroom: Newsroom?
        let open = try Timing.milliseconds { newsroom = try Newsroom.open(from: dir) }
        let nr = newsroom!
        let relative = corpus.path(of: n)
        try Disk.writeArticle(corpus, n, revision: revision, root: nr.root)
        var phases = Phases()
        var prepared: PreparedArticle?
        phases.prepare = try Timing.milliseconds {
            prepared = try nr.prepare(try nr.resolve(relative, cwd: nr.root), userPath: relative)
        }
        phases.gate = Timing.milliseconds {
            let outcome = Checker(newsroom: nr, families: builtInFamilies).gate([prepared!])
            if outcome.findings.contains(where: { $0.severity == .error }) { problems.append("the gate found errors in \(relative)") }
        }
        phases.checkIn = try Timing.milliseconds {
            _ = try nr.checkIn([prepared!], message: message, author: author, stageIndex: false)
        }
        phases.stage = try Timing.milliseconds { try nr.stage([relative]) }
        return (open, phases)
    }

    // MARK: - 1. Single check-in latency

    mutating func singleCheckIn() throws {
        let name = "1. one check-in, \(Format.count(CheckInSuite.bigRepository))-article repo"
        let corpus = Corpus(perIssue: 100)
        let count = CheckInSuite.bigRepository
        let galleyDir = context.scratch + "/m1-galley"
        let gitDir = context.scratch + "/m1-git"
        progress("1. building two identical newsrooms of \(Format.count(count)) articles in \(count / corpus.perIssue) issues")
        let (_, importPhases) = try buildNewsroom(at: galleyDir, corpus: corpus, count: count)
        if context.runner.git != nil { _ = try buildNewsroom(at: gitDir, corpus: corpus, count: count) }
        notes.append("1. setup: core import of \(Format.count(count)) articles as one commit took \(Format.ms(importPhases.total)); "
            + "the newsroom holds \(BenchNewsroom.description)")

        guard let galley = context.galley else {
            let msg = "galley binary not found next to galley-bench: build it with scripts/build-release"
            print(msg)
            rows.append(ResultRow(name: name, galley: "n/a", peer: "n/a", ratio: "", goal: "≤ 0.50×", result: "SKIP"))
            notes.append("1. skipped: \(msg)")
            return
        }
        let hasGit = runner.git != nil
        // The two newsrooms just written (tens of thousands of files) go to disk first: otherwise the kernel
        // writes them back during the timed runs, on a core a check-in would use.
        sync()

        // Start-up cost of the binaries alone.
        _ = try runner.run([galley, "--version"])
        let galleyStart = try Timing.medianMilliseconds(runs: CheckInSuite.startupRuns) {
            let r = try runner.run([galley, "--version"])
            guard r.ok else { throw BenchError("galley --version failed: \(r.trimmed)") }
        }
        var gitStart = Double.nan
        if hasGit {
            _ = try runner.git(["--version"])
            gitStart = try Timing.medianMilliseconds(runs: CheckInSuite.startupRuns) { try runner.gitChecked(["--version"]) }
        }

        // A different article each run, spread over the issues; run 0 is an untimed warm-up.
        let articles = (0...CheckInSuite.singleRuns).map { ($0 * 673 + 17) % count }
        var galleyTimes: [Double] = []
        var gitTimes: [Double] = []
        progress("1. timing \(CheckInSuite.singleRuns) check-ins each, interleaved (galley, git, …), after one warm-up")
        for (run, n) in articles.enumerated() {
            let relative = corpus.path(of: n)
            let message = "Edit \(corpus.id(of: n))"
            try Disk.writeArticle(corpus, n, revision: 1, root: galleyDir)
            let g = try Timing.milliseconds {
                let r = try runner.run([galley, "checkin", relative, "-m", message, "--author", "\(Peers.author) <\(Peers.email)>"],
                                       cwd: galleyDir)
                guard r.ok else { throw BenchError("galley checkin \(relative) failed (exit \(r.status)): \(r.trimmed)") }
            }
            if run > 0 { galleyTimes.append(g) }
            if hasGit {
                try Disk.writeArticle(corpus, n, revision: 1, root: gitDir)
                let t = try Timing.milliseconds {
                    try runner.gitChecked(["add", relative], cwd: gitDir)
                    try runner.gitChecked(["commit", "-q", "-m", message], cwd: gitDir)
                }
                if run > 0 { gitTimes.append(t) }
            }
        }
        let galleyMs = Timing.median(galleyTimes)
        let gitMs = hasGit ? Timing.median(gitTimes) : .nan
        rows.append(ResultRow.compare(name: name, galley: galleyMs, peer: gitMs, goal: 0.5))
        rows.append(ResultRow(name: "   process start-up (--version, median of \(CheckInSuite.startupRuns))",
                              galley: Format.ms(galleyStart), peer: hasGit ? Format.ms(gitStart) : "n/a",
                              ratio: "", goal: "", result: ""))
        notes.append("1. medians of \(CheckInSuite.singleRuns) runs: `galley checkin` (one process) vs `git add` + `git commit -q` (two processes); "
            + "start-up is \(Format.fixed(100 * galleyStart / galleyMs, 0))% of galley's check-in")

        // Checks: same articles tree in both repositories, expected commits, clean status, fsck.
        let expected = BenchNewsroom.setupCommits + 1 + articles.count
        if hasGit {
            try check(gitDir, label: "1. git repo", commits: expected, fsck: false)
            try sameArticles(galleyDir, "HEAD", gitDir, "HEAD", label: "1. galley and git repos")
        }

        // The same check-in inside this process, by phase, to show what is left once start-up is gone.
        let inProcessRuns = 5
        var opens: [Double] = []
        var phases: [Phases] = []
        for k in 0..<inProcessRuns {
            let n = (articles.last! + 1 + k * 1_009) % count
            let (o, p) = try checkInOnce(galleyDir, corpus: corpus, article: n, revision: 2, message: "Edit \(corpus.id(of: n))")
            opens.append(o)
            phases.append(p)
        }
        let inProcess = Phases.medians(phases)
        notes.append("1. the same check-in in-process (median of \(inProcessRuns)): open \(Format.fixed(Timing.median(opens), 1)) + "
            + inProcess.describe())
        try check(galleyDir, label: "1. galley repo", commits: expected + inProcessRuns)
        Disk.removeScratch(galleyDir)
        Disk.removeScratch(gitDir)
    }

    // MARK: - 2. Many revisions by one process

    mutating func manyRevisions() throws {
        let revisions = context.quick ? 200 : 1_000
        let articleCount = 50
        let name = "2. \(Format.count(revisions)) revisions by one process"
        let corpus = Corpus(perIssue: 100)
        let galleyDir = context.scratch + "/m2-galley"
        let gitDir = context.scratch + "/m2-git"
        let hasGit = runner.git != nil
        progress("2. \(Format.count(revisions)) revisions round-robin over \(articleCount) articles")
        _ = try buildNewsroom(at: galleyDir, corpus: corpus, count: articleCount)
        if hasGit { _ = try buildNewsroom(at: gitDir, corpus: corpus, count: articleCount) }

        func change(_ r: Int) -> (article: Int, revision: Int) { (r % articleCount, r / articleCount + 1) }

        // The issue times the check-ins (`git add && git commit` for git): the bench's writing of each
        // revision's file, an editor's part, is timed apart on both sides and left out of both totals.
        // Phases are summed with the same clock inside the timed loop (a few reads of it per revision).
        var phases = Phases()
        var writing = 0.0
        let galleyTotal = try Timing.milliseconds {
            let newsroom = try Newsroom.open(from: galleyDir)
            let root = newsroom.root
            let bulk = try newsroom.bulkCheckIn()
            var touched: Set<String> = []
            for r in 0..<revisions {
                let (n, rev) = change(r)
                let tw = Timing.now()
                try Disk.writeArticle(corpus, n, revision: rev, root: root)
                let relative = corpus.path(of: n)
                let t0 = Timing.now()
                writing += Double(t0 - tw) / 1_000_000
                let prepared = try newsroom.prepare(try newsroom.resolve(relative, cwd: root), userPath: relative)
                let t1 = Timing.now()
                try bulk.checkIn([prepared], message: "Revision \(r + 1)", author: author)
                let t2 = Timing.now()
                phases.prepare += Double(t1 - t0) / 1_000_000
                phases.checkIn += Double(t2 - t1) / 1_000_000
                touched.insert(relative)
            }
            phases.publish = try Timing.milliseconds { _ = try bulk.finish(stageIndex: false) }
            phases.stage = try Timing.milliseconds { try newsroom.stage(touched.sorted()) }
        }
        let galleyMs = galleyTotal - writing
        var gitMs = Double.nan
        var gitWriting = 0.0
        if hasGit {
            gitMs = 0
            for r in 0..<revisions {
                let (n, rev) = change(r)
                gitWriting += try Timing.milliseconds { try Disk.writeArticle(corpus, n, revision: rev, root: gitDir) }
                let relative = corpus.path(of: n)
                gitMs += try Timing.milliseconds {
                    try runner.gitChecked(["add", relative], cwd: gitDir)
                    try runner.gitChecked(["commit", "-q", "-m", "Revision \(r + 1)"], cwd: gitDir)
                }
            }
        }
        rows.append(ResultRow.speedup(name: name, galley: galleyMs, peer: gitMs, goal: 20))
        notes.append("2. both repos start from an untimed commit of the \(articleCount) original articles; revision r rewrites one paragraph of article r mod \(articleCount)")
        notes.append("2. per revision: galley \(Format.fixed(galleyMs / Double(revisions), 2)) ms in-process (prepare, bulk checkIn in memory; "
            + "at the end one pack, one move of the branch and one stage), "
            + "git \(hasGit ? Format.fixed(gitMs / Double(revisions), 2) + " ms" : "n/a") (git add, git commit -q); "
            + "the bench's writing of the file before each, not in either figure: \(Format.fixed(writing / Double(revisions), 2)) ms (galley's loop), "
            + "\(hasGit ? Format.fixed(gitWriting / Double(revisions), 2) + " ms" : "n/a") (git's)")
        notes.append("2. galley per revision: prepare \(Format.fixed(phases.prepare / Double(revisions), 2)) + checkIn "
            + "\(Format.fixed(phases.checkIn / Double(revisions), 2)) ms; publish (pack + branch) \(Format.fixed(phases.publish, 1)) ms; "
            + "final stage of \(articleCount) paths \(Format.fixed(phases.stage, 1)) ms")

        try check(galleyDir, label: "2. galley repo", commits: BenchNewsroom.setupCommits + 1 + revisions)
        if hasGit {
            try check(gitDir, label: "2. git repo", commits: BenchNewsroom.setupCommits + 1 + revisions, fsck: false)
            try sameArticles(galleyDir, "HEAD", gitDir, "HEAD", label: "2. galley and git repos")
        }
        Disk.removeScratch(galleyDir)
        Disk.removeScratch(gitDir)
    }

    // MARK: - 3. Bulk import as one commit

    mutating func bulkImport() throws {
        let count = context.quick ? 2_000 : 10_000
        let runs = 3
        let name = "3. \(Format.count(count)) articles as one commit"
        let corpus = Corpus(perIssue: 100)
        let hasGit = runner.git != nil
        progress("3. importing \(Format.count(count)) articles as one commit, \(runs) runs each, interleaved")

        // The fast-import stream, made before any timing: blobs with marks, then one commit.
        var stream: [UInt8] = []
        if hasGit {
            stream.reserveCapacity(count * (Corpus.targetBytes + 200))
            for n in 0..<count {
                let bytes = corpus.text(of: n)
                stream += Array("blob\nmark :\(n + 1)\ndata \(bytes.count)\n".utf8)
                stream += bytes
                stream.append(10)
            }
            let message = "Import \(count) articles\n"
            let who = "\(Peers.author) <\(Peers.email)> \(author.time) +0800"
            stream += Array("commit refs/heads/main\nauthor \(who)\ncommitter \(who)\ndata \(message.utf8.count)\n\(message)".utf8)
            for n in 0..<count { stream += Array("M 100644 :\(n + 1) \(corpus.path(of: n))\n".utf8) }
            stream.append(10)
        }

        var galleyPhases: [Phases] = []
        var gitTimes: [Double] = []
        var lastGalley = "", lastGit = ""
        for run in 0..<runs {
            let galleyDir = context.scratch + "/m3-galley-\(run)"
            let (_, phases) = try buildNewsroom(at: galleyDir, corpus: corpus, count: count)
            galleyPhases.append(phases)
            if hasGit {
                let bare = context.scratch + "/m3-fast-import-\(run).git"
                let t = try Timing.milliseconds {
                    try runner.gitChecked(["init", "-q", "--bare", bare])
                    try runner.gitChecked(["fast-import", "--quiet"], cwd: bare, stdin: stream)
                }
                gitTimes.append(t)
                if run > 0 { Disk.removeScratch(lastGit) }
                lastGit = bare
            }
            if run > 0 { Disk.removeScratch(lastGalley) }
            lastGalley = galleyDir
        }
        let galleyMs = Timing.median(galleyPhases.map(\.total))
        let gitMs = hasGit ? Timing.median(gitTimes) : .nan
        rows.append(ResultRow.compare(name: name, galley: galleyMs, peer: gitMs, goal: 1.5))
        notes.append("3. galley by phase (medians): " + Phases.medians(galleyPhases).describe())
        notes.append("3. medians of \(runs) runs: galley = prepare \(Format.count(count)) files already in the work tree + one checkIn + stage; "
            + (hasGit ? "git = git init --bare + git fast-import of a stream made beforehand (\(Format.fixed(Double(stream.count) / 1_048_576, 1)) MiB)"
                      : "git not run"))

        try check(lastGalley, label: "3. galley repo", commits: BenchNewsroom.setupCommits + 1)
        if hasGit {
            let n = try runner.git(["rev-list", "--count", "refs/heads/main"], cwd: lastGit)
            if n.trimmed != "1" { problems.append("3. fast-import repo: \(n.trimmed) commits, expected 1") }
            try sameArticles(lastGalley, "HEAD", lastGit, "refs/heads/main", label: "3. galley repo and fast-import")
        }
        Disk.removeScratch(lastGalley)
        if hasGit { Disk.removeScratch(lastGit) }
    }

    // MARK: - Checks

    /// Commit count, clean `git status`, and (for Galley's repositories) `git fsck --strict`.
    mutating func check(_ dir: String, label: String, commits: Int, fsck: Bool = true) throws {
        guard runner.git != nil else {
            notes.append("\(label): checks skipped (no git)")
            return
        }
        let count = try runner.git(["rev-list", "--count", "HEAD"], cwd: dir)
        if count.trimmed != "\(commits)" {
            problems.append("\(label): \(count.trimmed) commits, expected \(commits)")
        }
        let status = try runner.git(["status", "--porcelain"], cwd: dir)
        if !status.ok || !status.trimmed.isEmpty {
            problems.append("\(label): git status not clean: \(status.trimmed.prefix(500))")
        }
        guard fsck else { return }
        let result = try runner.git(["fsck", "--strict"], cwd: dir)
        let text = result.trimmed
        checks.append("\(label): fsck: \(result.ok && text.isEmpty ? "clean" : text) · \(count.trimmed) commits (expected \(commits))")
        if !result.ok || !text.isEmpty { problems.append("\(label): git fsck --strict: \(text.prefix(1000))") }
    }

    /// Both repositories hold the same `articles` tree (same object id).
    mutating func sameArticles(_ a: String, _ revA: String, _ b: String, _ revB: String, label: String) throws {
        let left = try runner.gitChecked(["rev-parse", "\(revA):articles"], cwd: a).trimmed
        let right = try runner.gitChecked(["rev-parse", "\(revB):articles"], cwd: b).trimmed
        if left != right { problems.append("\(label): articles trees differ (\(left) vs \(right))") }
    }

    func progress(_ text: String) { BenchContext.progress(text) }
}
