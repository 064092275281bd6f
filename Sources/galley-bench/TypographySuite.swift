#if canImport(Glibc)
import Glibc
#endif

/// `typography`: check and fix of 10 MiB of newspaper text by the typography plugin family, against
/// autocorrect-py's `format` on the same file.
///
/// Goal (typography issue): at least 15× autocorrect-py's throughput, with a peak memory under twice the
/// input plus 50 MB.
struct TypographySuite {
    static let goal = 15.0
    static let memorySlack = 50_000_000.0

    let context: BenchContext
    let input: TypographyInput
    var rows: [ResultRow] = []
    var notes: [String] = []
    var checks: [String] = []
    var problems: [String] = []

    var runs: Int { context.quick ? 3 : 5 }

    static func run(_ context: BenchContext) throws -> Bool {
        var suite = TypographySuite(context: context, input: TypographyInput.load())
        try suite.measure()
        return ResultRow.printReport(suite.rows, peer: "autocorrect-py", notes: suite.notes, checks: suite.checks, problems: suite.problems)
    }

    mutating func measure() throws {
        let dir = context.scratch + "/typography"
        try Disk.makeDirectories(dir)
        let inputPath = dir + "/input.txt"
        let pagePath = dir + "/page.txt"
        try Disk.write(inputPath, input.bytes)
        try Disk.write(pagePath, input.page)
        let bytes = Double(input.count)
        print("input: \(input.origin)")
        print("input: \(Format.count(input.copies)) copies of a \(Format.count(input.page.count))-byte page joined by a blank line = "
            + "\(Format.count(input.count)) bytes (\(Format.fixed(bytes / 1_048_576, 2)) MiB)")

        BenchContext.progress("typography: Galley check and fix, \(runs) runs each, in a child process")
        let galley = try runGalley(inputPath)

        BenchContext.progress("typography: autocorrect-py format, \(runs) runs")
        var peer: AutocorrectPeer.Result?
        var peerName = ""
        if let found = AutocorrectPeer.find(environment: context.userEnvironment, say: { print($0) }) {
            peerName = "autocorrect-py \(found.version) (\(found.python))"
            do {
                peer = try found.measure(input: inputPath, page: pagePath, copies: input.copies, runs: runs, script: dir + "/autocorrect_peer.py")
            } catch {
                print("peer autocorrect-py skipped: \(error)")
            }
        }

        let checkMBps = bytes / Timing.median(galley.numbers("check_ms")) / 1000
        let fixMBps = bytes / Timing.median(galley.numbers("fix_ms")) / 1000
        let formatMBps = peer.map { bytes / Timing.median($0.formatWallMs) / 1000 } ?? .nan
        rows.append(Self.throughput("check (findings), 10 MiB as one body", checkMBps, formatMBps, goal: Self.goal))
        rows.append(Self.throughput("fix (certain fixes applied), 10 MiB", fixMBps, formatMBps, goal: Self.goal))
        if let peer, peer.lintPageMs.isFinite {
            rows.append(Self.throughput("check vs lint_for page by page (info)", checkMBps, bytes / peer.lintPageMs / 1000, goal: nil))
        }
        let peak = Double(galley.result.peakKiB) * 1024
        let budget = 2 * bytes + Self.memorySlack
        rows.append(ResultRow(name: "peak memory (RSS of the process)", galley: Self.mb(peak), peer: peer.map { Self.mb(Double($0.peakKiB) * 1024) } ?? "n/a",
                              ratio: "", goal: "≤ \(Self.mb(budget)) (2× input + 50 MB)", result: peak <= budget ? "PASS" : "MISS"))

        notes.append("MB = 10^6 bytes; throughput = input bytes / median wall time of \(runs) runs, single-threaded on both sides")
        notes.append("galley: typographyPlugin, \(galley.ruleIDs.count) rules (\(galley.ruleIDs.joined(separator: ", "))), default options, print profile; "
            + "check = Checker.check(text:) (parse, every rule, findings placed and sorted), fix = Checker.fix(text:) "
            + "(check-and-apply passes of the correctable rules until nothing is left, as galley check --fix; each pass after the first "
            + "checks again only the stretches between empty lines the one before edited); "
            + "run in a child process (galley-bench \(TypographyChild.command)) whose peak RSS the kernel reports on exit")
        if let peer {
            notes.append("peer: \(peerName): format() on the same file (one warm-up call on the page first); "
                + "lint_for once per copy of the page \(Format.ms(peer.lintPageMs)) (it refuses texts above ~650 KB)")
            notes.append("peer: format changed \(Format.count(peer.changedLines)) lines; runs: " + peer.formatWallMs.map(Format.ms).joined(separator: ", "))
        } else {
            notes.append("peer: autocorrect-py not measured (see above); the ratios are n/a")
        }
        notes.append("findings: \(Format.count(galley.int("findings"))) (\(Format.count(galley.int("fixable"))) fixable): "
            + (galley.values["by_rule"]?.first.map { $0.isEmpty ? "none" : $0.replacingComma() } ?? "?")
            + "; fix applied \(Format.count(galley.int("applied"))) edits")
        // The phases are least CPU times; what a check spends beyond them is placing and ordering the findings.
        let phaseMs = (galley.numbers("parse_ms").first ?? .nan) + (galley.numbers("scalar_text_ms").first ?? .nan)
            + galley.ruleTimes.reduce(0) { $0 + (Double($1.ms) ?? .nan) }
        notes.append("where the time goes (one pass, least CPU time of the runs): parse \(Format.ms(galley.numbers("parse_ms").first ?? .nan)), "
            + "scalar view of the body (built once, shared by the rules) \(Format.ms(galley.numbers("scalar_text_ms").first ?? .nan)), "
            + galley.ruleTimes.map { "\($0.id) \($0.ms) ms" }.joined(separator: ", ")
            + "; the first rule to use a shared analysis pays for it; the rest of a check (findings placed and ordered) "
            + "≈ \(Format.ms(Timing.median(galley.numbers("check_cpu_ms")) - phaseMs))")
        notes.append("memory: the child holds \(Self.kib(galley.int("baseline_kib"))) before reading the input (runtime, Foundation, libgit2); "
            + "its VmHWM after the check runs \(Self.kib(galley.int("hwm_after_check"))), after the fix runs \(Self.kib(galley.int("hwm_after_fix"))), "
            + "at the end \(Self.kib(galley.int("peak_kib")))")
        let checkCPU = bytes / Timing.median(galley.numbers("check_cpu_ms")) / 1000
        let fixCPU = bytes / Timing.median(galley.numbers("fix_cpu_ms")) / 1000
        var cpuNote = "CPU-time medians (steadier when other work shares the machine): galley check \(Self.mbps(checkCPU)), fix \(Self.mbps(fixCPU))"
        if let peer {
            let formatCPU = bytes / Timing.median(peer.formatCPUMs) / 1000
            cpuNote += ", autocorrect-py format \(Self.mbps(formatCPU)): \(Format.ratio(checkCPU / formatCPU)) and \(Format.ratio(fixCPU / formatCPU)) faster"
        }
        notes.append(cpuNote)
        notes.append("galley runs: check " + galley.numbers("check_ms").map(Format.ms).joined(separator: ", ")
            + "; fix " + galley.numbers("fix_ms").map(Format.ms).joined(separator: ", "))

        let perPage = galley.int("page_findings")
        checks.append("findings = \(input.copies) × the page's \(perPage): " + (galley.int("findings") == perPage * input.copies ? "yes" : "NO"))
        if galley.int("findings") != perPage * input.copies { problems.append("findings of the whole input are not the page's times the copies") }
        checks.append("fixed input = copies of the fixed page: " + (galley.values["fix_is_copies"]?.first ?? "?"))
        if galley.values["fix_is_copies"]?.first != "yes" { problems.append("the fixed input is not the fixed page repeated") }
        if galley.int("applied") != galley.int("page_applied") * input.copies { problems.append("fix applied \(galley.int("applied")) edits, the page alone \(galley.int("page_applied"))") }
        checks.append("nothing fixable left after fix: " + (galley.int("fixable_after_fix") == 0 ? "yes" : "NO"))
        if galley.int("fixable_after_fix") != 0 { problems.append("\(galley.int("fixable_after_fix")) fixable findings left after fix") }
        Disk.removeScratch(dir)
    }

    /// What the child printed, by key.
    struct ChildReport {
        let result: RunResult
        let values: [String: [String]]

        func numbers(_ key: String) -> [Double] { values[key]?.first?.split(separator: ",").compactMap { Double($0) } ?? [] }
        func int(_ key: String) -> Int { values[key]?.first.flatMap { Int($0) } ?? -1 }
        var ruleTimes: [(id: String, ms: String)] {
            (values["rule_ms"] ?? []).compactMap { v in v.lastIndex(of: ":").map { (String(v[..<$0]), String(v[v.index(after: $0)...])) } }
        }
        var ruleIDs: [String] { ruleTimes.map(\.id) }
    }

    func runGalley(_ inputPath: String) throws -> ChildReport {
        guard let exe = Peers.executablePath() else { throw BenchError("cannot find this executable (/proc/self/exe) to run the child") }
        let result = try context.runner.run([exe, TypographyChild.command, inputPath, String(input.page.count), String(input.copies), String(runs)])
        guard result.ok else { throw BenchError("the Galley child failed (exit \(result.status)): \(result.trimmed.prefix(500))") }
        var values: [String: [String]] = [:]
        for line in result.text.split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            values[String(line[..<eq]), default: []].append(String(line[line.index(after: eq)...]))
        }
        guard values["check_ms"] != nil, values["fix_ms"] != nil else { throw BenchError("the Galley child printed no timings: \(result.trimmed.prefix(500))") }
        return ChildReport(result: result, values: values)
    }

    /// Higher is better: PASS when Galley's MB/s is at least `goal` times the peer's.
    static func throughput(_ name: String, _ galley: Double, _ peer: Double, goal: Double?) -> ResultRow {
        let goalText = goal.map { "≥ " + Format.fixed($0, 0) + "× faster" } ?? ""
        guard peer.isFinite, peer > 0 else {
            return ResultRow(name: name, galley: mbps(galley), peer: "n/a", ratio: "", goal: goalText, result: "SKIP")
        }
        let speed = galley / peer
        return ResultRow(name: name, galley: mbps(galley), peer: mbps(peer), ratio: Format.ratio(speed) + " faster", goal: goalText,
                         result: goal.map { speed >= $0 ? "PASS" : "MISS" } ?? "")
    }

    static func mbps(_ value: Double) -> String { Format.fixed(value, 1) + " MB/s" }
    static func mb(_ bytes: Double) -> String { Format.fixed(bytes / 1_000_000, 1) + " MB" }
    static func kib(_ kib: Int) -> String { kib < 0 ? "?" : mb(Double(kib) * 1024) }
}

extension String {
    /// `a:1,b:2` → `a 1, b 2`, for notes.
    fileprivate func replacingComma() -> String {
        split(separator: ",").map { $0.split(separator: ":").joined(separator: " ") }.joined(separator: ", ")
    }
}
