#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GalleyCore
import TypographyRules

/// `each`: `galley check --each` over a long history, the findings cache cold and warm, against
/// checking only the distinct article versions.
///
/// Goal (plugin system issue): with 10,000 revisions over 500 articles, the second run (cache warm)
/// is at least 50× faster than the first, and the first takes at most 1.2× the time of checking the
/// distinct blobs alone.
struct EachSuite {
    let context: BenchContext
    var rows: [ResultRow] = []
    var notes: [String] = []
    var problems: [String] = []
    var checks: [String] = []

    static let phaseRuns = 3
    static let rounds = 5

    var runner: Runner { context.runner }

    static func run(_ context: BenchContext) throws -> Bool {
        var suite = EachSuite(context: context)
        // One distinct-blob pass over a kept bench repository, for profiling.
        if let dir = getenv("PROFILE_DISTINCT").map({ String(cString: $0) }) {
            let blobs = try suite.distinctBlobs(dir)
            let (outcome, ms) = try suite.checkBlobs(dir, blobs)
            print(ms, outcome.phases.summary)
            return true
        }
        if let dir = getenv("PROFILE_EACH").map({ String(cString: $0) }) {
            let (o, ms) = try suite.each(dir, useCache: getenv("PROFILE_NOCACHE") == nil)
            print(ms, o.phases.summary)
            return true
        }
        guard context.runner.git != nil else {
            print("each: skipped (the history is written with git fast-import: apt-get install git)")
            return true
        }
        try suite.measure()
        return ResultRow.printReport(suite.rows, peer: "baseline", notes: suite.notes, checks: suite.checks, problems: suite.problems)
    }

    /// One `checkEach` over the whole history by a fresh newsroom handle and a fresh Checker; the
    /// time covers making the Checker and the check (not opening the repository).
    func each(_ dir: String, paths: [String] = [], useCache: Bool = true) throws -> (CheckOutcome, Double) {
        let newsroom = try Newsroom.open(from: dir)
        var outcome = CheckOutcome()
        let ms = try Timing.milliseconds {
            let checker = Checker(newsroom: newsroom, families: [typographyPlugin])
            checker.useCache = useCache
            outcome = try checker.checkEach(range: nil, paths: paths, cwd: newsroom.root)
        }
        return (outcome, ms)
    }

    /// `checkBlobs` by a fresh newsroom handle and Checker; as for `each`, the time covers making the
    /// Checker and the check (not opening the repository).
    func checkBlobs(_ dir: String, _ blobs: [(path: String, blob: String)]) throws -> (CheckOutcome, Double) {
        let newsroom = try Newsroom.open(from: dir)
        var outcome = CheckOutcome()
        let ms = Timing.milliseconds { outcome = Checker(newsroom: newsroom, families: [typographyPlugin]).checkBlobs(blobs) }
        return (outcome, ms)
    }

    /// The distinct article blobs of the history, as git lists them.
    func distinctBlobs(_ dir: String) throws -> [(path: String, blob: String)] {
        let listing = try runner.gitChecked(["rev-list", "--objects", "--all"], cwd: dir).text
        var blobs: [(path: String, blob: String)] = []
        var ids = Set<Substring>()
        for line in listing.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            let path = line[line.index(after: space)...]
            guard path.hasPrefix("articles/"), path.hasSuffix(".md") else { continue }
            let id = line[..<space]
            if ids.insert(id).inserted { blobs.append((String(path), String(id))) }
        }
        return blobs
    }

    /// Drops a cold run's findings cache: the ref and the packs written since `kept` were listed, so
    /// that every run reads the same packs.
    func dropNotes(_ dir: String, keeping kept: Set<String>) throws {
        try runner.gitChecked(["update-ref", "-d", "refs/notes/galley"], cwd: dir)
        let packs = dir + "/.git/objects/pack"
        for name in try FileManager.default.contentsOfDirectory(atPath: packs) where !kept.contains(name) {
            try FileManager.default.removeItem(atPath: packs + "/" + name)
        }
    }

    func hasNotes(_ dir: String) throws -> Bool {
        try runner.git(["rev-parse", "--verify", "-q", "refs/notes/galley"], cwd: dir).ok
    }

    mutating func measure() throws {
        let revisions = context.quick ? 1_000 : 10_000
        let articles = context.quick ? 100 : 500
        let dir = context.scratch + "/each"
        let sizes = "\(Format.count(revisions)) revisions over \(Format.count(articles)) articles"

        // MARK: Setup: a newsroom, then the history through git fast-import.
        progress("each: building a newsroom with \(sizes) (git fast-import)")
        _ = try Newsroom.create(at: dir, author: context.author)  // the typography rules need no lists
        let base = try runner.gitChecked(["rev-parse", "HEAD"], cwd: dir).trimmed
        var history = EachHistory(revisions: revisions, articleCount: articles)
        let generateMs = Timing.milliseconds {
            history.generate(base: base, branch: "refs/heads/main", author: "\(Peers.author) <\(Peers.email)>",
                             startTime: context.author.time + 60)
        }
        let importMs = try Timing.milliseconds {
            try runner.gitChecked(["fast-import", "--quiet"], cwd: dir, stdin: history.stream)
            try runner.gitChecked(["reset", "-q", "--hard", "HEAD"], cwd: dir)
        }
        notes.append("setup: stream of \(Format.fixed(Double(history.stream.count) / 1_048_576, 1)) MiB made in \(Format.ms(generateMs)), "
            + "git fast-import + reset --hard \(Format.ms(importMs)); \(articles / history.corpus.perIssue) issue dates")

        let blobs = try distinctBlobs(dir)
        let packs = Set(try FileManager.default.contentsOfDirectory(atPath: dir + "/.git/objects/pack"))
        if try hasNotes(dir) { problems.append("refs/notes/galley exists before the cold run") }

        // MARK: (c) distinct blobs, (a) cold and (b) warm, run by run; each ratio is the median of the
        // runs' own ratios (this machine's speed drifts by tens of percent within a minute, so a run is
        // compared with its neighbours: cold with the distinct-blob run just before, warm with the cold
        // run just before, whose notes it reads).
        var coldTimes: [Double] = []
        var distinctTimes: [Double] = []
        var warmTimes: [Double] = []
        var cold = CheckOutcome()
        var distinct = CheckOutcome()
        var warm = CheckOutcome()
        for run in 0..<EachSuite.rounds {
            progress("each: checkBlobs over the \(Format.count(blobs.count)) distinct article blobs (no cache), run \(run + 1) of \(EachSuite.rounds)")
            let (checked, checkedMs) = try checkBlobs(dir, blobs)
            distinct = checked
            distinctTimes.append(checkedMs)
            progress("each: cold check --each (no refs/notes/galley), run \(run + 1) of \(EachSuite.rounds)")
            let (outcome, ms) = try each(dir)
            cold = outcome
            coldTimes.append(ms)
            if !(try hasNotes(dir)) { problems.append("the cold run wrote no refs/notes/galley") }
            progress("each: warm check --each, run \(run + 1) of \(EachSuite.rounds)")
            let (again, againMs) = try each(dir)
            warm = again
            warmTimes.append(againMs)
            if again.findings != cold.findings {
                problems.append("warm run \(run + 1): findings differ from the cold run's "
                    + "(\(again.findings.count) vs \(cold.findings.count); current \(again.current.count) vs \(cold.current.count))")
            }
            if again.cacheMisses != 0 { problems.append("warm run \(run + 1): \(again.cacheMisses) cache misses") }
            if run < EachSuite.rounds - 1 { try dropNotes(dir, keeping: packs) }
        }
        let coldMs = Timing.median(coldTimes)
        let distinctMs = Timing.median(distinctTimes)
        let warmMs = Timing.median(warmTimes)
        let pairRatio = Timing.median(zip(coldTimes, distinctTimes).map { $0 / $1 })
        let warmSpeedup = Timing.median(zip(coldTimes, warmTimes).map { $0 / $1 })

        // MARK: The CLI, warm.
        var cliRow = ResultRow(name: "galley check --each (CLI process, warm)", galley: "n/a", peer: "", ratio: "", goal: "", result: "SKIP")
        if let galley = context.galley {
            progress("each: galley check --each (CLI)")
            var result: RunResult?
            // The CLI links every plugin family, so its cache keys differ from the in-process runs above:
            // one untimed run fills its cache, then the timed run is warm.
            _ = try runner.run([galley, "check", "--each", "--format", "json"], cwd: dir)
            let ms = try Timing.milliseconds { result = try runner.run([galley, "check", "--each", "--format", "json"], cwd: dir) }
            if let result, result.status == 0 || result.status == 1 {
                cliRow = ResultRow(name: cliRow.name, galley: Format.ms(ms), peer: "", ratio: "", goal: "", result: "")
                notes.append("CLI: exit \(result.status), \(Format.count(result.output.count)) bytes of output")
            } else {
                let said = result.map { String($0.trimmed.prefix(200).split(separator: "\n").first ?? "") } ?? ""
                notes.append("CLI: skipped, `galley check --each` failed (exit \(result?.status ?? -1)): \(said)")
            }
        } else {
            notes.append("CLI: skipped, no galley binary next to galley-bench (build it with --product galley)")
        }

        // MARK: Where the time goes, from the public API.
        progress("each: phase runs (walk and diff only; every version without the cache)")
        var walkTimes: [Double] = []
        var walkOnly = CheckOutcome()
        for _ in 0..<EachSuite.phaseRuns {
            let (outcome, ms) = try each(dir, paths: ["galley.yml"], useCache: false)
            walkOnly = outcome
            walkTimes.append(ms)
        }
        let walkMs = Timing.median(walkTimes)
        let (uncached, uncachedMs) = try each(dir, useCache: false)
        // The same walk and diffs by git itself: a floor for any run that diffs every revision.
        let gitLogMs = try Timing.medianMilliseconds(runs: EachSuite.phaseRuns) {
            try runner.gitChecked(["log", "--first-parent", "--raw", "--no-abbrev", "--format=%H", "--", "articles"], cwd: dir)
        }

        // The cold run reads new versions on the walk's thread while the rules run, the distinct-blob run
        // reads on its one thread: the same blobs checked with their bytes read beforehand show how much
        // of the comparison is that overlap.
        progress("each: checkBlobs with every blob read beforehand (rules and parsing only)")
        var checkingOnly: [Double] = []
        var readingOnly: [Double] = []
        for _ in 0..<EachSuite.phaseRuns {
            let newsroom = try Newsroom.open(from: dir)
            var outcome = CheckOutcome()
            let ms = Timing.milliseconds {
                outcome = Checker(newsroom: newsroom, families: [typographyPlugin]).checkBlobs(blobs, readingFirst: true)
            }
            let read = outcome.phases.milliseconds["read beforehand"] ?? 0
            readingOnly.append(read)
            checkingOnly.append(ms - read)
            if outcome.findings.count != distinct.findings.count { problems.append("checkBlobs reading first found \(outcome.findings.count) findings, not \(distinct.findings.count)") }
        }

        rows.append(ResultRow.speedup(name: "check --each warm vs cold (\(sizes))", galley: warmMs, peer: coldMs, speed: warmSpeedup, goal: 50))
        rows.append(ResultRow.compare(name: "check --each cold vs distinct blobs", galley: coldMs, peer: distinctMs, ratio: pairRatio, goal: 1.2))
        rows.append(cliRow)

        let fixed = cold.findings.count - cold.current.count
        notes.append("baseline: row 1 the cold run, row 2 checkBlobs over the distinct blobs (times: medians of \(EachSuite.rounds) rounds "
            + "of distinct, cold, warm; each cold run's notes dropped before the next round; the ratios: medians of the rounds' own ratios, "
            + "cold / distinct and cold / warm); in-process times exclude opening the repository")
        notes.append("rounds (cold / distinct, cold / warm): " + (0..<coldTimes.count).map {
            "\(Format.ms(coldTimes[$0])) / \(Format.ms(distinctTimes[$0])) = \(Format.ratio(coldTimes[$0] / distinctTimes[$0])), "
                + "/ \(Format.ms(warmTimes[$0])) = \(Format.fixed(coldTimes[$0] / warmTimes[$0], 0))×"
        }.joined(separator: "; "))
        notes.append("counts: \(Format.count(cold.revisions)) revisions walked (\(Format.count(revisions)) + the creating commit), "
            + "\(Format.count(blobs.count)) distinct article blobs (bookkeeping: \(Format.count(history.distinctVersions))), "
            + "\(Format.count(cold.files)) files read cold, \(Format.count(warm.files)) warm")
        notes.append("findings: \(Format.count(cold.current.count)) current + \(Format.count(fixed)) fixed = \(Format.count(cold.findings.count)) "
            + "(history: \(Format.count(history.introduced)) errors introduced, \(Format.count(history.live)) left at the tip); "
            + "checkBlobs: \(Format.count(distinct.findings.count)) findings in \(Format.count(distinct.files)) blobs")
        notes.append("cache: cold \(Format.count(cold.cacheHits)) hits / \(Format.count(cold.cacheMisses)) misses, "
            + "warm \(Format.count(warm.cacheHits)) hits / \(Format.count(warm.cacheMisses)) misses")
        notes.append("errors introduced: " + history.introducedByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        notes.append("revisions: " + history.operations.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        notes.append("phases: walk + tree diffs only (a path filter matching nothing, median of \(EachSuite.phaseRuns)) \(Format.ms(walkMs)); "
            + "every version without the cache (useCache false) \(Format.ms(uncachedMs))")
        let outside = coldTimes.last! - cold.phases.milliseconds.values.reduce(0, +)
        notes.append("phases (last cold run, measured inside the checker): " + cold.phases.summary + ", outside the phases \(Format.ms(outside))")
        notes.append("phases (distinct blobs): " + distinct.phases.summary)
        notes.append("reference: the distinct blobs with every blob read beforehand (\(Format.ms(Timing.median(readingOnly))) on one thread), "
            + "then parsed and checked: \(Format.ms(Timing.median(checkingOnly))); the cold run against that: "
            + "\(Format.ratio(coldMs / Timing.median(checkingOnly))) (medians of \(EachSuite.phaseRuns); the cold run reads on the walk's thread while the rules run)")
        notes.append("phases: for reference, git log --first-parent --raw -- articles (process, same walk and diffs) \(Format.ms(gitLogMs)), median of \(EachSuite.phaseRuns)")
        notes.append("phases: cold = walk \(Format.ms(walkMs)) + read/parse/rules \(Format.ms(uncachedMs - walkMs)) "
            + "+ cache lookups, stores and notes write \(Format.ms(coldMs - uncachedMs))")
        notes.append("phases: warm = no walk: the checkpoint note on the tip read and decoded, then the report "
            + "(\(warm.resumedFrom == nil ? "NOT resumed" : "resumed from the tip"); phases: \(warm.phases.summary))")

        // MARK: Checks.
        checks.append("warm findings identical to cold: \(warm.findings == cold.findings ? "yes" : "NO")")
        if walkOnly.files != 0 || !walkOnly.findings.isEmpty { problems.append("walk-only run read \(walkOnly.files) files") }
        if uncached.findings != cold.findings { problems.append("uncached findings differ from the cold run's") }
        if cold.revisions != revisions + 1 { problems.append("cold run walked \(cold.revisions) revisions, expected \(revisions + 1)") }
        if blobs.count != history.distinctVersions {
            problems.append("git lists \(blobs.count) distinct article blobs, the generator made \(history.distinctVersions)")
        }
        if cold.files != blobs.count { problems.append("cold run read \(cold.files) files, expected one per distinct blob (\(blobs.count))") }
        if distinct.files != blobs.count { problems.append("checkBlobs read \(distinct.files) of \(blobs.count) blobs") }
        if warm.files != 0 { problems.append("warm run read \(warm.files) article blobs (expected none)") }
        if cold.findings.count != history.introduced || cold.current.count != history.live {
            problems.append("findings \(cold.findings.count) (current \(cold.current.count)), expected \(history.introduced) (current \(history.live))")
        }
        for (label, o) in [("cold", cold), ("warm", warm), ("checkBlobs", distinct), ("uncached", uncached)] {
            if o.inputErrors > 0 || o.pluginFailures > 0 || !o.problems.isEmpty {
                problems.append("\(label): \(o.inputErrors) input errors, \(o.pluginFailures) plugin failures: \(o.problems.prefix(3).joined(separator: "; "))")
            }
            if !o.warnings.isEmpty { problems.append("\(label): warnings: \(o.warnings.prefix(3).joined(separator: "; "))") }
        }
        checks.append("counts consistent (revisions, distinct blobs, files read, findings vs the generator's bookkeeping): "
            + (problems.isEmpty ? "yes" : "see FAIL lines"))
        Disk.removeScratch(dir)
    }

    func progress(_ text: String) { BenchContext.progress(text) }
}
