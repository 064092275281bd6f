#if canImport(Glibc)
import Glibc
#endif
import GalleyCore
import TypographyRules

/// `galley-bench typography-child INPUT PAGE-BYTES COPIES RUNS`: Galley's side of the typography suite, in a
/// process of its own so that the peak memory the suite reports is Galley's, not the bench's. The input is
/// COPIES pages of PAGE-BYTES joined by a blank line. Prints `key=value` lines for the parent.
enum TypographyChild {
    static let command = "typography-child"
    static let path = "input.txt"

    static func main(_ args: [String]) -> Never {
        do {
            try run(args)
        } catch {
            fail("galley-bench \(command): \(error)\n", code: 1)
        }
        exit(0)
    }

    static func run(_ args: [String]) throws {
        guard args.count == 4, let pageBytes = Int(args[1]), let copies = Int(args[2]), let runs = Int(args[3]), runs > 0 else {
            throw BenchError("usage: galley-bench \(command) INPUT PAGE-BYTES COPIES RUNS")
        }
        put("baseline_kib", status("VmRSS"))
        var text = try readText(args[0])
        let page = String(text.utf8.prefix(pageBytes))!
        let checker = Checker(newsroom: nil, families: [typographyPlugin])
        _ = try checker.check(text: page, path: path)  // warm-up: first-use costs of the runtime and the rules

        var found: [Finding] = []
        var checkMs: [Double] = []
        var checkCPUMs: [Double] = []
        for _ in 0..<runs {
            found = []
            let cpu = cpuMilliseconds()
            checkMs.append(try Timing.milliseconds { found = try checker.check(text: text, path: path) })
            checkCPUMs.append(cpuMilliseconds() - cpu)
        }
        put("check_ms", checkMs)
        put("check_cpu_ms", checkCPUMs)
        put("hwm_after_check", status("VmHWM"))
        put("findings", found.count)
        // Counted in place: a filtered or grouped copy of the findings would raise the peak the suite reports.
        var byRule: [String: Int] = [:]
        for f in found { byRule[f.rule, default: 0] += 1 }
        put("fixable", found.reduce(0) { $0 + ($1.fixable ? 1 : 0) })
        put("by_rule", byRule.map { "\($0.key):\($0.value)" }.sorted().joined(separator: ","))
        found = []
        try phases(text, checker: checker, runs: runs)

        var fixed = ""
        var applied = 0
        var fixMs: [Double] = []
        var fixCPUMs: [Double] = []
        for _ in 0..<runs {
            fixed = ""
            let cpu = cpuMilliseconds()
            fixMs.append(try Timing.milliseconds { (fixed, applied) = try checker.fix(text: text, path: path) })
            fixCPUMs.append(cpuMilliseconds() - cpu)
        }
        put("fix_ms", fixMs)
        put("fix_cpu_ms", fixCPUMs)
        put("hwm_after_fix", status("VmHWM"))
        put("applied", applied)
        put("fixed_bytes", fixed.utf8.count)
        // The self-checks below hold the fixed text; the input is not Galley's to keep.
        text = ""

        // Self-checks: every copy of the page gives the same findings and the same fix, and a fixed text has nothing left to fix.
        put("page_findings", try checker.check(text: page, path: path).count)
        let pageFixed = try checker.fix(text: page, path: path)
        put("page_applied", pageFixed.applied)
        put("fix_is_copies", isCopies(fixed, of: pageFixed.text, copies: copies) ? "yes" : "no")
        put("fixable_after_fix", try checker.check(text: fixed, path: path).reduce(0) { $0 + ($1.fixable ? 1 : 0) })
        put("peak_kib", status("VmHWM"))
    }

    /// One check split as the engine runs it: parse, the body's scalar view (built once for all rules), each rule
    /// in the engine's order (the first rule to use a shared analysis pays for it). Each figure is the least CPU
    /// time of `runs` rounds, steady when other work shares the machine.
    static func phases(_ text: String, checker: Checker, runs: Int) throws {
        let rules = checker.ruleSet.plugins.flatMap(\.rules).compactMap { c in (c.rule as? any ArticleRule).map { (c.description.id, $0) } }
        var parseMs = Double.infinity
        var scalarMs = Double.infinity
        var ruleMs = Array(repeating: Double.infinity, count: rules.count)
        for _ in 0..<runs {
            var parsed: ArticleContext?
            parseMs = min(parseMs, try cpuTime {
                parsed = ArticleContext(path: path, article: try ArticleParser.parse(text, path: path, requireFrontMatter: false))
            })
            var context = parsed!
            scalarMs = min(scalarMs, cpuTime { context = context.withBodyScalars() })
            for (n, (_, rule)) in rules.enumerated() { ruleMs[n] = min(ruleMs[n], cpuTime { _ = rule.check(context) }) }
        }
        put("parse_ms", parseMs)
        put("scalar_text_ms", scalarMs)
        for (n, (id, _)) in rules.enumerated() { put("rule_ms", "\(id):" + Format.fixed(ruleMs[n], 1)) }
    }

    /// CPU milliseconds of this thread `body` took.
    static func cpuTime(_ body: () throws -> Void) rethrows -> Double {
        var start = timespec()
        var end = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
        try body()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
        return Double(end.tv_sec - start.tv_sec) * 1000 + Double(end.tv_nsec - start.tv_nsec) / 1_000_000
    }

    /// The file as one string, read straight into its storage (no second copy of the bytes).
    static func readText(_ file: String) throws -> String {
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw BenchError("\(file): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw BenchError("\(file): \(String(cString: strerror(errno)))") }
        var failed = false
        let text = String(unsafeUninitializedCapacity: Int(st.st_size)) { buffer in
            var done = 0
            while done < buffer.count {
                let n = read(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                done += n
            }
            failed = done != buffer.count
            return done
        }
        guard !failed else { throw BenchError("\(file): short read") }
        return text
    }

    /// True when `text` is `copies` of `page` joined by the input's separator.
    static func isCopies(_ text: String, of page: String, copies: Int) -> Bool {
        var (text, page) = (text, page)
        let separator = TypographyInput.separator
        return text.withUTF8 { t in
            page.withUTF8 { p in
                guard t.count == copies * p.count + (copies - 1) * separator.count else { return false }
                var i = 0
                for c in 0..<copies {
                    if c > 0 {
                        guard t[i..<(i + separator.count)].elementsEqual(separator) else { return false }
                        i += separator.count
                    }
                    guard p.isEmpty || memcmp(t.baseAddress! + i, p.baseAddress!, p.count) == 0 else { return false }
                    i += p.count
                }
                return true
            }
        }
    }

    /// CPU time of this process so far: the figure to compare when other work shares the machine.
    static func cpuMilliseconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1_000_000
    }

    /// A `/proc/self/status` figure in KiB (VmRSS now, VmHWM the peak so far).
    static func status(_ key: String) -> Int {
        guard let bytes = Disk.read("/proc/self/status") else { return 0 }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where line.hasPrefix(key + ":") {
            return Int(line.dropFirst(key.count + 1).filter(\.isNumber)) ?? 0
        }
        return 0
    }

    static func put(_ key: String, _ value: Any) {
        if let list = value as? [Double] {
            print("\(key)=" + list.map { Format.fixed($0, 3) }.joined(separator: ","))
        } else {
            print("\(key)=\(value)")
        }
    }
}
