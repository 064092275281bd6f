/// autocorrect-py, the Python package of autocorrect (huacnlee/autocorrect): the typography suite's peer.
/// It runs with the user's own environment, so it finds the python3 and packages the user's shell finds.
struct AutocorrectPeer {
    let runner: Runner
    let python: String
    let version: String

    /// What one peer run measured.
    struct Result {
        var formatWallMs: [Double] = []
        var formatCPUMs: [Double] = []
        var lintPageMs = Double.nan
        var changedLines = 0
        var peakKiB = 0
    }

    /// The peer, installed with pip when missing; nil (after saying why) when it cannot be had.
    static func find(environment: [(String, String)], say: (String) -> Void) -> AutocorrectPeer? {
        let runner = Runner(environment: environment, git: nil)
        guard let python = Peers.which("python3") else {
            say("peer autocorrect-py skipped: python3 is not on PATH (apt-get install python3, then pip install autocorrect-py)")
            return nil
        }
        let probe = [python, "-c", "import autocorrect_py; from importlib import metadata; print(metadata.version('autocorrect-py'))"]
        if let found = try? runner.run(probe), found.ok { return AutocorrectPeer(runner: runner, python: python, version: found.trimmed) }
        say("peer autocorrect-py is not installed for \(python): trying pip install autocorrect-py")
        let pip = try? runner.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--retries", "1", "--timeout", "30", "autocorrect-py"])
        if let found = try? runner.run(probe), found.ok { return AutocorrectPeer(runner: runner, python: python, version: found.trimmed) }
        let lines = pip?.trimmed.split(separator: "\n") ?? []
        let said = pip == nil ? "pip did not start" : String(lines.first { $0.hasPrefix("error") || $0.hasPrefix("ERROR") } ?? lines.last ?? "")
        say("peer autocorrect-py missing: pip install autocorrect-py failed (\(said)); the peer is skipped")
        return nil
    }

    /// `format` over the whole input `runs` times, and `lint_for` over the page once per copy.
    func measure(input: String, page: String, copies: Int, runs: Int, script: String) throws -> Result {
        try Disk.write(script, Array(Self.script.utf8))
        let run = try runner.run([python, script, input, page, String(copies), String(runs)])
        guard run.ok else {
            throw BenchError("the autocorrect-py script failed (exit \(run.status)): \(run.trimmed.split(separator: "\n").suffix(3).joined(separator: " | "))")
        }
        var result = Result(peakKiB: run.peakKiB)
        for line in run.text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let numbers = parts[1].split(separator: ",").compactMap { Double($0) }
            switch parts[0] {
            case "format_wall_ms": result.formatWallMs = numbers
            case "format_cpu_ms": result.formatCPUMs = numbers
            case "lint_page_ms": result.lintPageMs = numbers.first ?? .nan
            case "changed_lines": result.changedLines = Int(numbers.first ?? 0)
            default: break
            }
        }
        guard !result.formatWallMs.isEmpty else { throw BenchError("the autocorrect-py script printed no timings: \(run.trimmed.prefix(300))") }
        return result
    }

    /// Written to the scratch folder at run time, so the bench needs no file of the project to run it.
    static let script = #"""
        import sys, time
        import autocorrect_py as ac

        path, page_path, copies, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        text = open(path, encoding="utf-8").read()
        page = open(page_path, encoding="utf-8").read()
        ac.format(page)  # warm-up: lazy regex compilation and config load
        wall, cpu = [], []
        for _ in range(runs):
            w, c = time.perf_counter(), time.process_time()
            out = ac.format(text)
            cpu.append(time.process_time() - c)
            wall.append(time.perf_counter() - w)
        print("format_wall_ms=" + ",".join(f"{x * 1e3:.3f}" for x in wall))
        print("format_cpu_ms=" + ",".join(f"{x * 1e3:.3f}" for x in cpu))
        print("changed_lines=%d" % sum(a != b for a, b in zip(text.split("\n"), out.split("\n"))))
        # lint_for refuses texts above ~650 KB (pest call limit), so it lints page by page.
        w = time.perf_counter()
        for _ in range(copies):
            ac.lint_for(page, "page.txt")
        print("lint_page_ms=%.3f" % ((time.perf_counter() - w) * 1e3))
        """#
}
