/// pyahocorasick (PyPI, a C extension): the terms suite's peer. It runs with the user's own environment,
/// so it finds the python3 and packages the user's shell finds.
struct PyAhoCorasickPeer {
    let runner: Runner
    let python: String
    let version: String

    struct Result {
        var buildMs: [Double] = []
        var scanMs: [Double] = []
        var scanCPUMs: [Double] = []
        var matches = -1
        var checksum = -1
    }

    /// The peer, installed with pip when missing; nil (after saying why) when it cannot be had.
    static func find(environment: [(String, String)], say: (String) -> Void) -> PyAhoCorasickPeer? {
        let runner = Runner(environment: environment, git: nil)
        guard let python = Peers.which("python3") else {
            say("peer pyahocorasick skipped: python3 is not on PATH (apt-get install python3, then pip install pyahocorasick)")
            return nil
        }
        let probe = [python, "-c", "import ahocorasick; from importlib import metadata; print(metadata.version('pyahocorasick'))"]
        if let found = try? runner.run(probe), found.ok { return PyAhoCorasickPeer(runner: runner, python: python, version: found.trimmed) }
        say("peer pyahocorasick is not installed for \(python): trying pip install pyahocorasick")
        let pip = try? runner.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--retries", "1", "--timeout", "30", "pyahocorasick"])
        if let found = try? runner.run(probe), found.ok { return PyAhoCorasickPeer(runner: runner, python: python, version: found.trimmed) }
        let lines = pip?.trimmed.split(separator: "\n") ?? []
        let said = pip == nil ? "pip did not start" : String(lines.first { $0.hasPrefix("error") || $0.hasPrefix("ERROR") } ?? lines.last ?? "")
        say("peer pyahocorasick missing: pip install pyahocorasick failed (\(said)); the peer is skipped")
        return nil
    }

    /// Builds the automaton of `words` (one per line) `runs` times, then finds every match in `input` `runs` times.
    func measure(words: String, input: String, runs: Int, script: String) throws -> Result {
        try Disk.write(script, Array(Self.script.utf8))
        let run = try runner.run([python, script, words, input, String(runs)])
        guard run.ok else {
            throw BenchError("the pyahocorasick script failed (exit \(run.status)): \(run.trimmed.split(separator: "\n").suffix(3).joined(separator: " | "))")
        }
        var result = Result()
        for line in run.text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let numbers = parts[1].split(separator: ",").compactMap { Double($0) }
            switch parts[0] {
            case "build_ms": result.buildMs = numbers
            case "scan_ms": result.scanMs = numbers
            case "scan_cpu_ms": result.scanCPUMs = numbers
            case "matches": result.matches = Int(parts[1]) ?? -1
            case "checksum": result.checksum = Int(parts[1]) ?? -1
            default: break
            }
        }
        guard !result.scanMs.isEmpty, !result.buildMs.isEmpty else { throw BenchError("the pyahocorasick script printed no timings: \(run.trimmed.prefix(300))") }
        return result
    }

    /// Written to the scratch folder at run time. The checksum is the sum of each match's end (exclusive,
    /// in code points) and word number, as the Galley side computes it.
    static let script = #"""
        import sys, time
        import ahocorasick

        words_path, text_path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
        words = open(words_path, encoding="utf-8").read().split("\n")
        text = open(text_path, encoding="utf-8").read()
        build = []
        for _ in range(runs):
            t = time.perf_counter()
            A = ahocorasick.Automaton()
            for i, w in enumerate(words):
                A.add_word(w, i)
            A.make_automaton()
            build.append(time.perf_counter() - t)
        wall, cpu = [], []
        for _ in range(runs):
            w, c = time.perf_counter(), time.process_time()
            n = 0
            s = 0
            for end, i in A.iter(text):
                n += 1
                s += end + 1 + i
            cpu.append(time.process_time() - c)
            wall.append(time.perf_counter() - w)
        print("build_ms=" + ",".join(f"{x * 1e3:.3f}" for x in build))
        print("scan_ms=" + ",".join(f"{x * 1e3:.3f}" for x in wall))
        print("scan_cpu_ms=" + ",".join(f"{x * 1e3:.3f}" for x in cpu))
        print("matches=%d" % n)
        print("checksum=%d" % s)
        """#
}
