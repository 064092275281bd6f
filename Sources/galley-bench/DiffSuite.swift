import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `diff`: `galley diff` on the cases of the research bench (`../shared/bench/diffbench`, made by its
/// `make_cases.py`), against diff-match-patch (Python, and its C++ core with semantic cleanup), git's
/// word diff with the raw per-character regex and Swift's `difference(from:)`, run through the bench's
/// own `run_bench.py`. Prints the goal figures G1–G9 of the diff issue.
///
/// Galley is timed as a whole process (posix_spawn, median of several runs); the library peers are timed
/// inside their process (the diff call only), git as a process, as the bench does.
struct DiffSuite {
    let context: BenchContext
    var setup: DiffBenchSetup
    var truth: [String: (T: Int, sites: Int, moved: Int)] = [:]
    var galley: [String: DiffFigures] = [:]
    var plainAtoms: [String: DiffFigures] = [:]
    var paragraphLevel: [String: Int] = [:]
    var layoutLine: [String: String] = [:]
    var loneHan: [String: Int] = [:]
    var peers: [String: [String: Any]] = [:]
    var rows: [DiffRow] = []
    var problems: [String] = []

    var casesDir: String { context.scratch + "/diff/cases" }

    static func run(_ context: BenchContext) throws -> Bool {
        guard let galleyPath = context.galley else {
            print("galley-bench: diff: the release galley is missing (swift build -c release --product galley)")
            return false
        }
        guard let benchDir = DiffBenchSetup.locate() else {
            print("galley-bench: diff: the diff bench is missing: ../shared/bench/diffbench beside the project (or GALLEY_DIFFBENCH=<dir>)")
            return false
        }
        var suite = DiffSuite(context: context, setup: DiffBenchSetup(context: context, benchDir: benchDir, python: Peers.which("python3")))
        try suite.measure(galleyPath)
        suite.printReport()
        return suite.problems.isEmpty
    }

    var cases: [String] { DiffBenchSetup.cases.filter { !context.quick || !DiffBenchSetup.bigCases.contains($0) } }

    mutating func measure(_ galleyPath: String) throws {
        try Disk.makeDirectories(casesDir)
        print("bench:  \(setup.benchDir)")
        BenchContext.progress("diff: make_cases.py\(context.quick ? " --no-big" : "")")
        truth = try setup.makeCases(into: casesDir, big: !context.quick)
        for name in cases {
            BenchContext.progress("diff: galley diff on \(name)")
            try measureGalley(galleyPath, name)
        }
        try measureScale(galleyPath)
        var tools: [String] = []
        if setup.ensurePythonPeers() { tools += ["dmp", "fastdmp_sem"] }
        if context.runner.git != nil { tools.append("git_word_char_rawnows") } else { setup.notes.append("peer git missing: apt-get install git") }
        if !context.quick, setup.buildSwiftAnchor(cwd: context.scratch + "/diff") { tools.append("swift_chars") }
        if context.quick { setup.notes.append("--quick: small cases only; the Swift stdlib anchor is not built") }
        BenchContext.progress("diff: peers through run_bench.py (\(tools.joined(separator: ", "))); the 1 MB cases take a few minutes")
        do {
            peers = try setup.runPeers(cases: cases, tools: tools, casesDir: casesDir, cwd: context.scratch + "/diff", timeout: 150)
        } catch {
            setup.notes.append("peers not measured: \(error)")
        }
        rows = DiffRow.goals(self)
    }

    /// One case: the JSON ops and the times, the contract checks, the layout-only line, the paragraph-level size.
    mutating func measureGalley(_ galleyPath: String, _ name: String) throws {
        let a = casesDir + "/\(name)/a.txt", b = casesDir + "/\(name)/b.txt"
        let big = DiffBenchSetup.bigCases.contains(name)
        let runs = context.quick ? 5 : (big ? 5 : 9)
        var times: [Double] = []
        var cpu: [Double] = []
        var last = RunResult(status: 0, output: [])
        var peak = 0
        for _ in 0..<runs {
            times.append(try Timing.milliseconds { last = try context.runner.run([galleyPath, "diff", "--files", "--format", "json", a, b]) })
            cpu.append(last.cpuMs)
            peak = max(peak, last.peakKiB)
        }
        guard last.ok, let ops = DiffFigures.ops(fromJSON: last.output) else {
            problems.append("\(name): galley diff failed (exit \(last.status)): \(last.trimmed.prefix(300))")
            galley[name] = .missing("failed")
            return
        }
        var figures = DiffFigures(ops: ops)
        figures.ms = Timing.median(times)
        figures.cpuMs = Timing.median(cpu)
        figures.peakKiB = peak
        galley[name] = figures
        // The contract: ops 0, 1, 3 give the new text; ops 0, −1, 2 give the old one up to layout.
        let newText = String(decoding: Disk.read(b) ?? [], as: UTF8.self), oldText = String(decoding: Disk.read(a) ?? [], as: UTF8.self)
        if ops.filter({ [0, 1, 3].contains($0.0) }).map(\.1).joined() != newText {
            problems.append("\(name): ops 0, 1, 3 do not give the new text back")
        }
        if Self.squeezed(ops.filter { [0, -1, 2].contains($0.0) }.map(\.1).joined()) != Self.squeezed(oldText) {
            problems.append("\(name): ops 0, −1, 2 do not give the old text back (white space aside)")
        }
        loneHan[name] = Self.loneHanEqualities(ops)
        let terminal = try context.runner.run([galleyPath, "diff", "--files", a, b])
        layoutLine[name] = terminal.trimmed.split(separator: "\n").last.map(String.init) ?? ""
        let unified = try context.runner.run([galleyPath, "diff", "--files", "--format", "unified", "--context", "0", a, b])
        paragraphLevel[name] = unified.text.split(separator: "\n").reduce(0) { sum, line in
            guard line.first == "-" || line.first == "+", !line.hasPrefix("---"), !line.hasPrefix("+++") else { return sum }
            return sum + line.dropFirst().unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
        }
        if ["a_small_edits", "f_edits_reflow", "e_1mb_edits", "e2_1mb_edits_reflow"].contains(name) {
            let plain = try context.runner.run([galleyPath, "diff", "--files", "--format", "json", "--no-atoms", a, b])
            plainAtoms[name] = DiffFigures.ops(fromJSON: plain.output).map { DiffFigures(ops: $0) } ?? .missing("failed")
        }
    }

    static func loadAverage() -> String {
        guard let bytes = Disk.read("/proc/loadavg") else { return "unknown" }
        return String(decoding: bytes, as: UTF8.self).split(separator: " ").prefix(3).joined(separator: " ")
    }

    /// The text without white space, to compare texts up to layout.
    static func squeezed(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
    }

    /// Unchanged runs of exactly one Han character between two changes (chaff a reader has to piece together).
    static func loneHanEqualities(_ ops: [(Int, String)]) -> Int {
        var count = 0
        for k in ops.indices.dropFirst().dropLast() where ops[k].0 == 0 {
            let scalars = ops[k].1.unicodeScalars.filter { !$0.properties.isWhitespace }
            guard scalars.count == 1, let s = scalars.first, (0x4E00...0x9FFF).contains(s.value) else { continue }
            if ops[k - 1].0 != 0, ops[k + 1].0 != 0 { count += 1 }
        }
        return count
    }

    // MARK: - G9 at 10 MB

    var scaleNote = ""
    var scale: [(name: String, ms: Double, peakKiB: Int, bytes: Int, fallback: String, marked: Int, paragraphMarked: Int)] = []

    /// 10 MB inputs: nine copies of the 1 MB case (repeated paragraphs defeat unique anchors), and the
    /// same text with every paragraph shuffled (thousands of moves). Within 2 s, memory linear in the input.
    mutating func measureScale(_ galleyPath: String) throws {
        let source = context.quick ? "a_small_edits" : "e_1mb_edits"
        guard let a = Disk.read(casesDir + "/\(source)/a.txt"), let b = Disk.read(casesDir + "/\(source)/b.txt") else { return }
        let copies = max(1, 9_500_000 / max(a.count, b.count))
        func repeated(_ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count * copies + copies * 40)
            for k in 0..<copies { out += Array("第\(k + 1)部分\n\n".utf8) + bytes + [0x0A, 0x0A] }
            return out
        }
        let dir = context.scratch + "/diff/scale"
        try Disk.makeDirectories(dir)
        let bigA = repeated(a), bigB = repeated(b)
        try Disk.write(dir + "/a.txt", bigA)
        try Disk.write(dir + "/b.txt", bigB)
        var paragraphs = String(decoding: bigA, as: UTF8.self).components(separatedBy: "\n\n")
        var rng = SplitMix64(seed: 2026)
        for i in stride(from: paragraphs.count - 1, to: 0, by: -1) { paragraphs.swapAt(i, rng.below(i + 1)) }
        try Disk.write(dir + "/shuffled.txt", Array(paragraphs.joined(separator: "\n\n").utf8))
        scaleNote = "10MB-edits: \(copies) copies of \(source) (\(Format.count(bigA.count)) bytes); 10MB-moves: the same text, every paragraph shuffled"
        for (name, other) in [("10MB-edits", "b.txt"), ("10MB-moves", "shuffled.txt")] {
            BenchContext.progress("diff: galley diff on \(name)")
            var last = RunResult(status: 0, output: [])
            let ms = try Timing.milliseconds { last = try context.runner.run([galleyPath, "diff", "--files", "--format", "json", dir + "/a.txt", dir + "/" + other]) }
            guard last.ok, let object = try? JSONSerialization.jsonObject(with: Data(last.output)) as? [String: Any],
                  let opsList = object["ops"] as? [[Any]]
            else {
                problems.append("\(name): galley diff failed (exit \(last.status)): \(last.trimmed.prefix(300))")
                continue
            }
            let ops = opsList.map { (($0[0] as? NSNumber)?.intValue ?? 0, $0[1] as? String ?? "") }
            let fallback = (object["fallbacks"] as? [String])?.joined(separator: "; ") ?? ""
            let unified = try context.runner.run([galleyPath, "diff", "--files", "--format", "unified", "--context", "0", dir + "/a.txt", dir + "/" + other])
            let paragraphMarked = unified.text.split(separator: "\n").reduce(0) { sum, line in
                guard line.first == "-" || line.first == "+", !line.hasPrefix("---"), !line.hasPrefix("+++") else { return sum }
                return sum + line.dropFirst().unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
            }
            scale.append((name, ms, last.peakKiB, bigA.count, fallback, DiffFigures(ops: ops).marked, paragraphMarked))
        }
    }

    // MARK: - Report

    func printReport() {
        print("")
        let header = ["goal", "case", "measure", "galley"] + DiffBenchSetup.peers.map(\.name) + ["target", "result"]
        let table = rows.map { [$0.goal, $0.caseName, $0.measure, $0.galley] + $0.peers + [$0.target, $0.result] }
        let widths = header.indices.map { c in ([header] + table).map { $0[c].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, cell in Format.pad(cell, widths[c], right: c >= 3 && c < header.count - 2) }.joined(separator: "  ")
        }
        print(line(header))
        print(String(repeating: "-", count: widths.reduce(0, +) + 2 * widths.count))
        for row in table { print(line(row)) }
        print("")
        print("R chars marked, W white space marked, H hunks, M moved (run_bench.py's metrics); galley: whole process, median; "
              + "library peers: the diff call inside Python; git: whole process")
        let missed = rows.filter { $0.result == "MISS" }.count, passed = rows.filter { $0.result == "PASS" }.count
        print("goals: \(passed) PASS, \(missed) MISS, \(rows.count - passed - missed) without a target")
        print("G7/G8: CPU time of the galley process in brackets; load average when the suite ran: \(Self.loadAverage())")
        if !scaleNote.isEmpty { print("G9: " + scaleNote) }
        for run in scale where !run.fallback.isEmpty { print("G9 \(run.name) said: \(run.fallback)") }
        for note in setup.notes { print("note: \(note)") }
        print("")
        if problems.isEmpty {
            print("checks: all passed (the JSON ops give both texts back on every case)")
        } else {
            for p in problems { print("FAIL: \(p)") }
        }
    }
}
