import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the diff suite needs around it: the research bench's folder, its cases, the 1 MB material and
/// the peers, each found or installed, and said plainly when missing.
struct DiffBenchSetup {
    let context: BenchContext
    /// `../shared/bench/diffbench` (or `GALLEY_DIFFBENCH`).
    let benchDir: String
    let python: String?
    var notes: [String] = []

    static let cases = ["a_small_edits", "b_rewrap", "b2_rewrap_ws", "c_move", "c2_move_reflow", "d_rewrite", "f_edits_reflow",
                        "e_1mb_edits", "e2_1mb_edits_reflow", "e3_1mb_rewrap"]
    static let bigCases: Set = ["e_1mb_edits", "e2_1mb_edits_reflow", "e3_1mb_rewrap"]

    /// The peers run through the bench's own runner, with the names the table uses.
    static let peers: [(tool: String, name: String)] = [
        ("dmp", "dmp py"), ("fastdmp_sem", "dmp C++ +sem"), ("git_word_char_rawnows", "git raw regex"), ("swift_chars", "Swift stdlib"),
    ]

    /// Finds the bench folder: `GALLEY_DIFFBENCH`, else `../shared/bench/diffbench` beside the project
    /// that holds this executable.
    static func locate() -> String? {
        if let explicit = getenv("GALLEY_DIFFBENCH").map({ String(cString: $0) }) { return explicit }
        guard var dir = Peers.executablePath() else { return nil }
        while let slash = dir.lastIndex(of: "/"), slash != dir.startIndex {
            dir = String(dir[..<slash])
            if access(dir + "/Package.swift", F_OK) == 0 {
                let bench = dir + "/../shared/bench/diffbench"
                return access(bench + "/make_cases.py", R_OK) == 0 ? bench : nil
            }
        }
        return nil
    }

    /// The cases, made by the bench's `make_cases.py` into `out` (the small ones only with `--quick`).
    mutating func makeCases(into out: String, big: Bool) throws -> [String: (T: Int, sites: Int, moved: Int)] {
        guard let python else { throw BenchError("python3 is not on PATH: the diff bench's cases are made by make_cases.py (apt-get install python3)") }
        if big { ensureMaterial() }
        let runner = Runner(environment: context.userEnvironment, git: nil)
        let made = try runner.run([python, benchDir + "/make_cases.py", "--out", out] + (big ? [] : ["--no-big"]))
        guard made.ok else { throw BenchError("make_cases.py failed (exit \(made.status)): \(made.trimmed.suffix(400))") }
        guard let bytes = Disk.read(out + "/manifest.json"),
              let manifest = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: [String: Any]]
        else { throw BenchError("make_cases.py wrote no readable manifest.json in \(out)") }
        var truth: [String: (Int, Int, Int)] = [:]
        for (name, info) in manifest {
            truth[name] = ((info["true_changed"] as? Int) ?? 0, (info["sites"] as? Int) ?? 0, (info["moved_chars"] as? Int) ?? 0)
        }
        return truth
    }

    /// fortunes-zh and manpages-zh make up the 1 MB cases; without them make_cases.py recycles the seed page.
    mutating func ensureMaterial() {
        let fortunes = "/usr/share/games/fortunes/chinese", man = "/usr/share/man/zh_CN"
        if access(fortunes, F_OK) == 0, access(man, F_OK) == 0 { return }
        guard geteuid() == 0, let apt = Peers.which("apt-get") else {
            notes.append("1 MB material missing (Debian fortunes-zh, manpages-zh) and not root: the 1 MB cases recycle the seed page and differ from the published bench")
            return
        }
        BenchContext.progress("diff: installing fortunes-zh and manpages-zh (the 1 MB cases' material)")
        let runner = Runner(environment: context.userEnvironment + [("DEBIAN_FRONTEND", "noninteractive")], git: nil)
        var result = try? runner.run([apt, "install", "-y", "-q", "fortunes-zh", "manpages-zh"])
        if result?.ok != true {
            _ = try? runner.run([apt, "update", "-q"])
            result = try? runner.run([apt, "install", "-y", "-q", "fortunes-zh", "manpages-zh"])
        }
        if access(fortunes, F_OK) != 0 || access(man, F_OK) != 0 {
            notes.append("1 MB material missing: apt-get install fortunes-zh manpages-zh failed; the 1 MB cases recycle the seed page and differ from the published bench")
        }
    }

    /// diff-match-patch (Python) and fast-diff-match-patch (its C++ core), installed with pip when missing.
    mutating func ensurePythonPeers() -> Bool {
        guard let python else {
            notes.append("peers diff-match-patch missing: python3 is not on PATH (apt-get install python3, then pip install diff-match-patch fast-diff-match-patch)")
            return false
        }
        let runner = Runner(environment: context.userEnvironment, git: nil)
        let probe = [python, "-c", "import diff_match_patch, fast_diff_match_patch"]
        if let found = try? runner.run(probe), found.ok { return true }
        BenchContext.progress("diff: pip install diff-match-patch fast-diff-match-patch")
        let pip = try? runner.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--retries", "1", "--timeout", "30",
                                   "diff-match-patch", "fast-diff-match-patch"])
        if let found = try? runner.run(probe), found.ok { return true }
        let said = pip.map { String($0.trimmed.split(separator: "\n").last ?? "") } ?? "pip did not start"
        notes.append("peers diff-match-patch missing: pip install diff-match-patch fast-diff-match-patch failed (\(said)); they are skipped")
        return false
    }

    /// The Swift standard library anchor (`swiftdiff.swift`), compiled with `swiftc -O` where run_bench.py looks for it.
    mutating func buildSwiftAnchor(cwd: String) -> Bool {
        guard let swiftc = Peers.which("swiftc") else {
            notes.append("peer Swift stdlib missing: swiftc is not on PATH")
            return false
        }
        BenchContext.progress("diff: swiftc -O swiftdiff.swift (the Swift standard library anchor)")
        try? Disk.makeDirectories(cwd + "/diffbench-out")
        let runner = Runner(environment: context.userEnvironment, git: nil)
        let built = try? runner.run([swiftc, "-O", benchDir + "/swiftdiff.swift", "-o", cwd + "/diffbench-out/swiftdiff"], cwd: cwd)
        if built?.ok == true { return true }
        notes.append("peer Swift stdlib missing: swiftc -O swiftdiff.swift failed (\(built?.trimmed.suffix(200) ?? "did not start"))")
        return false
    }

    /// Runs the bench's own runner on `cases` for `tools`; returns its results by "case|tool".
    func runPeers(cases: [String], tools: [String], casesDir: String, cwd: String, timeout: Int) throws -> [String: [String: Any]] {
        guard let python, !tools.isEmpty else { return [:] }
        let out = cwd + "/results"
        let runner = Runner(environment: context.userEnvironment, git: nil)
        let run = try runner.run([python, benchDir + "/run_bench.py", "--cases", casesDir, "--out", out, "--only", tools.joined(separator: ","),
                                  "--case", cases.joined(separator: ","), "--timeout", String(timeout)], cwd: cwd)
        guard run.ok else { throw BenchError("run_bench.py failed (exit \(run.status)): \(run.trimmed.suffix(400))") }
        guard let bytes = Disk.read(out + "/results.json"),
              let results = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: [String: Any]]
        else { throw BenchError("run_bench.py wrote no readable results.json") }
        return results
    }

    static func figures(_ result: [String: Any]?) -> DiffFigures {
        guard let result else { return .missing("not run") }
        if let error = result["error"] as? String { return .missing(error) }
        return DiffFigures(marked: result["R"] as? Int ?? 0, white: result["W"] as? Int ?? 0, hunks: result["H"] as? Int ?? 0,
                           moved: result["M"] as? Int ?? 0, outBytes: result["out_bytes"] as? Int ?? 0,
                           ms: (result["ms"] as? NSNumber)?.doubleValue ?? .nan)
    }
}
