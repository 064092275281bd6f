// galley-bench: release-mode benchmarks of Galley against its peers (git, autocorrect-py, pyahocorasick, diff-match-patch).
//
//   scripts/build-release     (both executables, Swift runtime linked statically, as shipped)
//   .build/release/galley-bench <suite> [--quick]
//
// Exit status: 0 when the suites ran and their correctness checks passed (a goal missed is reported,
// not an error), 1 when a check failed or the bench could not run, 2 for a usage error.
#if canImport(Glibc)
import Glibc
#endif
import GalleyCore

/// A benchmark suite: a name for the command line and what it measures.
struct Suite {
    let name: String
    let summary: String
    let run: (BenchContext) throws -> Bool
}

let suites: [Suite] = [
    Suite(name: "checkin", summary: "check-in latency, 1,000 revisions in one process, 10,000 articles as one commit (vs git)",
          run: CheckInSuite.run),
    Suite(name: "each", summary: "check --each over 10,000 revisions of 500 articles: cache cold vs warm vs the distinct blobs alone",
          run: EachSuite.run),
    Suite(name: "typography", summary: "check and fix of 10 MiB of newspaper text by the typography rules, peak memory (vs autocorrect-py)",
          run: TypographySuite.run),
    Suite(name: "terms", summary: "a 10,000-entry term dictionary over 10 MiB: the term rules and the automaton build (vs pyahocorasick)",
          run: TermsSuite.run),
    Suite(name: "diff", summary: "galley diff on the diff bench's cases: goals G1–G9 (vs diff-match-patch, git word diff, Swift stdlib)",
          run: DiffSuite.run),
    Suite(name: "layout", summary: "the layout engine on the sample page's whole text (MB/s) and the page as 8 columns × 70 lines",
          run: LayoutSuite.run),
    Suite(name: "layout-pdf", summary: "the sample page as an 8-column × 70-line PDF through galley export: goal ≤ 0.25 s (no peer)",
          run: LayoutPDFSuite.run),
]

/// What every suite gets: the mode, a scratch folder under /tmp, and the programs to run.
struct BenchContext {
    let quick: Bool
    let scratch: String
    let runner: Runner
    /// The release `galley` binary next to this executable, if built.
    let galley: String?
    /// The identity and time of every revision the bench writes through the core.
    let author: Signature
    /// The environment the bench was started with, for peers that must find what the user's shell finds (python3 and its packages).
    let userEnvironment: [(String, String)]

    /// A progress line on stderr (after whatever stdout holds, so the two stay in order when both are redirected).
    static func progress(_ text: String) {
        fflush(nil)
        let line = Array("· \(text)\n".utf8)
        line.withUnsafeBytes { _ = write(2, $0.baseAddress!, $0.count) }
    }
}

/// One line of a suite's table: Galley's figure, the peer's, their ratio, the goal and PASS/MISS.
struct ResultRow {
    let name: String
    let galley: String
    let peer: String
    let ratio: String
    let goal: String
    let result: String

    /// Lower is better: PASS when `ratio` (by default galley / peer) is at most `goal`.
    static func compare(name: String, galley: Double, peer: Double, ratio given: Double? = nil, goal: Double) -> ResultRow {
        let goalText = "≤ " + Format.ratio(goal)
        guard peer.isFinite, peer > 0 else {
            return ResultRow(name: name, galley: Format.ms(galley), peer: "n/a", ratio: "", goal: goalText, result: "SKIP")
        }
        let ratio = given ?? galley / peer
        return ResultRow(name: name, galley: Format.ms(galley), peer: Format.ms(peer), ratio: Format.ratio(ratio),
                         goal: goalText, result: ratio <= goal ? "PASS" : "MISS")
    }

    /// Higher is better: PASS when `speed` (by default peer / galley) ≥ `goal` (Galley that many times faster).
    static func speedup(name: String, galley: Double, peer: Double, speed given: Double? = nil, goal: Double) -> ResultRow {
        let goalText = "≥ " + Format.fixed(goal, 0) + "× faster"
        guard peer.isFinite, peer > 0, galley > 0 else {
            return ResultRow(name: name, galley: Format.ms(galley), peer: "n/a", ratio: "", goal: goalText, result: "SKIP")
        }
        let speed = given ?? peer / galley
        return ResultRow(name: name, galley: Format.ms(galley), peer: Format.ms(peer), ratio: Format.ratio(speed) + " faster",
                         goal: goalText, result: speed >= goal ? "PASS" : "MISS")
    }

    static func printTable(_ rows: [ResultRow], peer: String) {
        let header = ResultRow(name: "measurement", galley: "galley", peer: peer, ratio: "ratio", goal: "goal", result: "result")
        let all = [header] + rows
        let w = [
            all.map(\.name.count).max()!, all.map(\.galley.count).max()!, all.map(\.peer.count).max()!,
            all.map(\.ratio.count).max()!, all.map(\.goal.count).max()!,
        ]
        for (i, row) in all.enumerated() {
            let line = Format.pad(row.name, w[0]) + "  " + Format.pad(row.galley, w[1], right: true) + "  "
                + Format.pad(row.peer, w[2], right: true) + "  " + Format.pad(row.ratio, w[3], right: true) + "  "
                + Format.pad(row.goal, w[4]) + "  " + row.result
            print(line.hasSuffix(" ") ? String(line.reversed().drop(while: { $0 == " " }).reversed()) : line)
            if i == 0 { print(String(repeating: "-", count: w.reduce(0, +) + 2 * w.count + 6)) }
        }
        print("ratio = galley time / \(peer) time, except where it says \"faster\" (= \(peer) time / galley time)")
    }

    /// A suite's closing report: the table, its notes, its own checks, and PASS or each failure.
    /// True when nothing failed.
    static func printReport(_ rows: [ResultRow], peer: String, notes: [String], checks: [String] = [], problems: [String]) -> Bool {
        print("")
        printTable(rows, peer: peer)
        for note in notes { print(note) }
        print("")
        for line in checks { print(line) }
        if problems.isEmpty {
            print("checks: all passed")
        } else {
            for p in problems { print("FAIL: \(p)") }
        }
        return problems.isEmpty
    }
}

@MainActor
func usage() -> String {
    var text = "usage: galley-bench <suite> [--quick]\n\nsuites:\n"
    for s in suites { text += "  " + Format.pad(s.name, 10) + " " + s.summary + "\n" }
    text += "  " + Format.pad("all", 10) + " every suite in turn\n"
    text += "\n--quick  smaller workloads where the suite allows (a few minutes instead of many)\n"
    text += "Build first: scripts/build-release\n"
    return text
}

func fail(_ message: String, code: Int32) -> Never {
    let bytes = Array(message.utf8)
    bytes.withUnsafeBytes { _ = write(2, $0.baseAddress!, $0.count) }
    exit(code)
}

func today() -> String {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    var buffer = [CChar](repeating: 0, count: 64)
    let n = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M:%S %Z", &parts)
    return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

// MARK: - Arguments

// The typography suite re-runs this executable to measure Galley's peak memory apart from the bench's own.
if CommandLine.arguments.count > 1, CommandLine.arguments[1] == TypographyChild.command {
    TypographyChild.main(Array(CommandLine.arguments.dropFirst(2)))
}

var quick = false
var chosen: [String] = []
for argument in CommandLine.arguments.dropFirst() {
    switch argument {
    case "--quick": quick = true
    case "-h", "--help":
        print(usage(), terminator: "")
        exit(0)
    default:
        if argument.hasPrefix("-") { fail("galley-bench: unknown option '\(argument)'\n\n" + usage(), code: 2) }
        chosen.append(argument)
    }
}
guard chosen.count == 1 else { fail(usage(), code: 2) }
let selected: [Suite]
if chosen[0] == "all" {
    selected = suites
} else if let suite = suites.first(where: { $0.name == chosen[0] }) {
    selected = [suite]
} else {
    fail("galley-bench: unknown suite '\(chosen[0])'\n\n" + usage(), code: 2)
}

// MARK: - Run

// A closed pipe (a child exiting early, `| head`) must not kill the bench before it removes its scratch folder.
signal(SIGPIPE, SIG_IGN)

let scratch: String
do { scratch = try Disk.makeScratch() } catch { fail("galley-bench: \(error)\n", code: 1) }
let home = scratch + "/home"
_ = mkdir(home, 0o755)
let userEnvironment = Peers.currentEnvironment()
let environment = Peers.environment(home: home)
// The same isolation for libgit2 inside this process as for every child.
for (key, value) in environment { setenv(key, value, 1) }

let git = Peers.findGit()
let runner = Runner(environment: environment, git: git)
let galley = Peers.findGalley()
let context = BenchContext(
    quick: quick, scratch: scratch, runner: runner, galley: galley,
    author: Signature(name: Peers.author, email: Peers.email, time: 1_795_000_000, offsetMinutes: 480),
    userEnvironment: userEnvironment)

var gitVersion = "not found"
if git != nil, let v = try? runner.git(["--version"]), v.ok { gitVersion = v.trimmed + " (\(git!))" }
var galleyVersion = "not found (build it with scripts/build-release)"
if let galley, let v = try? runner.run([galley, "--version"]), v.ok { galleyVersion = "\(v.trimmed) (\(galley))" }

print("galley-bench \(selected.map(\.name).joined(separator: " ")) \(quick ? "--quick" : "(full)")")
print("date:   \(today())")
print("cores:  \(sysconf(Int32(_SC_NPROCESSORS_ONLN)))")
print("git:    \(gitVersion)")
print("galley: \(galleyVersion)")
let keepScratch = getenv("GALLEY_BENCH_KEEP") != nil
print("temp:   \(scratch) (\(keepScratch ? "kept: GALLEY_BENCH_KEEP is set" : "removed at the end"))")

var allPassed = true
for suite in selected {
    print("")
    print("== \(suite.name) ==")
    do {
        if try !suite.run(context) { allPassed = false }
    } catch let error as GalleyError {
        print("galley-bench: \(suite.name): \(error.message)")
        allPassed = false
    } catch {
        print("galley-bench: \(suite.name): \(error)")
        allPassed = false
    }
}
// GALLEY_BENCH_KEEP leaves the repositories for profiling (perf record galley check --each in them).
Disk.removeScratch(scratch)
exit(allPassed ? 0 : 1)
