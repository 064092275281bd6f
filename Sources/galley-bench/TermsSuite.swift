#if canImport(Glibc)
import Glibc
#endif
import GalleyCore
import TermRules

/// `terms`: a 10,000-entry term dictionary over 10 MiB of newspaper text, against pyahocorasick finding
/// the same matches in the same input.
///
/// Goals (terms issue): at least pyahocorasick's throughput with Galley's context checks included, and
/// the automaton for 10,000 entries built in under 50 ms.
struct TermsSuite {
    static let entries = 10_000
    static let realWords = 50
    static let buildGoalMs = 50.0

    let context: BenchContext
    let input: TypographyInput
    var rows: [ResultRow] = []
    var notes: [String] = []
    var problems: [String] = []

    var runs: Int { context.quick ? 3 : 5 }

    static func run(_ context: BenchContext) throws -> Bool {
        var suite = TermsSuite(context: context, input: TypographyInput.load())
        try suite.measure()
        return ResultRow.printReport(suite.rows, peer: "pyahocorasick", notes: suite.notes, problems: suite.problems)
    }

    /// The dictionary: `realWords` four-character words of the page (they match in every copy) and
    /// near misses, words of the page with one character changed (they share prefixes with the text, so
    /// the automaton works its failure links, and rarely match), as a real list of typos does.
    static func dictionary(_ page: [Unicode.Scalar]) -> [String] {
        let hanRuns = page.indices.filter { i in i + 4 <= page.count && page[i..<(i + 4)].allSatisfy(CJK.isHan) }
        let han = Array(Set(page.filter(CJK.isHan))).sorted { $0.value < $1.value }
        var seen: Set<String> = []
        var words: [String] = []
        func add(_ s: ArraySlice<Unicode.Scalar>) {
            var w = ""
            w.unicodeScalars.append(contentsOf: s)
            if seen.insert(w).inserted { words.append(w) }
        }
        var k = 0
        while words.count < realWords, k < hanRuns.count {
            add(page[hanRuns[k]..<(hanRuns[k] + 4)])
            k += max(1, hanRuns.count / realWords)
        }
        var rng = SplitMix64(seed: 0x7E53)
        while words.count < entries {
            let start = hanRuns[rng.below(hanRuns.count)]
            var w = Array(page[start..<(start + 2 + rng.below(3))])
            w[rng.below(w.count)] = han[rng.below(han.count)]
            add(w[...])
        }
        return words
    }

    mutating func measure() throws {
        let dir = context.scratch + "/terms"
        try Disk.makeDirectories(dir)
        let inputPath = dir + "/input.txt"
        let wordsPath = dir + "/words.txt"
        try Disk.write(inputPath, input.bytes)
        let text = String(decoding: input.bytes, as: UTF8.self)
        let page = Array(String(decoding: input.page, as: UTF8.self).unicodeScalars)
        let words = Self.dictionary(page)
        try Disk.write(wordsPath, Array(words.joined(separator: "\n").utf8))
        let bytes = Double(input.count)
        print("input: \(input.origin)")
        print("input: \(Format.count(input.copies)) copies of a \(Format.count(input.page.count))-byte page joined by a blank line = "
            + "\(Format.count(input.count)) bytes (\(Format.fixed(bytes / 1_048_576, 2)) MiB)")
        print("dictionary: \(Format.count(words.count)) entries: \(Self.realWords) four-character words of the page, the rest near misses (a word of the page with one character changed)")

        BenchContext.progress("terms: Galley automaton build, raw scan and the term rules, \(runs) runs each")
        let pairs = words.map { (wrong: $0, right: "正" + $0) }
        var dictionary = TermDictionary(pairs: pairs)
        let buildMs = (0..<runs).map { _ in Timing.milliseconds { dictionary = TermDictionary(pairs: pairs) } }

        var rawMatches = 0
        var rawChecksum = 0
        var scalarMs: [Double] = []
        var rawCPUMs: [Double] = []
        let rawMs = (0..<runs).map { _ in
            let cpu = TypographyChild.cpuMilliseconds()
            defer { rawCPUMs.append(TypographyChild.cpuMilliseconds() - cpu) }
            return Timing.milliseconds {
                var scalars: ScalarText!
                scalarMs.append(Timing.milliseconds { scalars = ScalarText(text[...]) })
                rawMatches = 0
                rawChecksum = 0
                dictionary.rawMatches(scalars) { m in
                    rawMatches += 1
                    rawChecksum += m.end + m.pattern
                }
            }
        }

        // The rules as galley check runs them: the list read from terms/, one shared scan with context checks
        // (titles in 《》, except words, wrapped lines), a diagnosis with its string range per finding.
        var yaml = "category: typo\nterms:\n"
        for (i, w) in words.enumerated() {
            // Every entry of the page's words has a context to check; some near misses too.
            let context = i < Self.realWords ? ", not-preceded-by: [〇], except: [\(w)〇]" : i % 20 == 0 ? ", not-followed-by: [的]" : ""
            yaml += "  - {wrong: \(w), right: 正\(w)\(context)}\n"
        }
        let article = try ArticleParser.parse(text, path: "bench.txt", requireFrontMatter: false)
        let resources = NewsroomResources(configuration: Configuration(), files: ["terms/bench.yml": yaml])
        let plain = ArticleContext(path: "bench.txt", article: article, resources: resources)
        var findings = 0
        let rules = termsPlugin.rules.map { $0.init(options: RuleOptions(defaultsOf: $0.description)) }
        let firstUseMs = Timing.milliseconds {
            let prepared = plain.withBodyScalars()
            findings = rules.reduce(0) { $0 + ExampleHarness.diagnose($1, prepared).count }
        }
        var ruleCPUMs: [Double] = []
        let ruleMs = (0..<runs).map { _ in
            let cpu = TypographyChild.cpuMilliseconds()
            defer { ruleCPUMs.append(TypographyChild.cpuMilliseconds() - cpu) }
            return Timing.milliseconds {
                let prepared = plain.withBodyScalars()
                findings = rules.reduce(0) { $0 + ExampleHarness.diagnose($1, prepared).count }
            }
        }

        BenchContext.progress("terms: pyahocorasick build and scan, \(runs) runs each")
        var peer: PyAhoCorasickPeer.Result?
        var peerName = ""
        if let found = PyAhoCorasickPeer.find(environment: context.userEnvironment, say: { print($0) }) {
            peerName = "pyahocorasick \(found.version) (\(found.python))"
            do {
                peer = try found.measure(words: wordsPath, input: inputPath, runs: runs, script: dir + "/pyahocorasick_peer.py")
            } catch {
                print("peer pyahocorasick skipped: \(error)")
            }
        }

        let peerScan = peer.map { bytes / Timing.median($0.scanMs) / 1000 } ?? .nan
        rows.append(TypographySuite.throughput("term rules incl. context checks, 10 MiB", bytes / Timing.median(ruleMs) / 1000, peerScan, goal: 1))
        rows.append(TypographySuite.throughput("raw automaton scan, same matches (info)", bytes / Timing.median(rawMs) / 1000, peerScan, goal: nil))
        let build = Timing.median(buildMs)
        rows.append(ResultRow(name: "automaton build, \(Format.count(words.count)) entries", galley: Format.ms(build),
                              peer: peer.map { Format.ms(Timing.median($0.buildMs)) } ?? "n/a",
                              ratio: peer.map { Format.ratio(Timing.median($0.buildMs) / build) + " faster" } ?? "",
                              goal: "< \(Format.fixed(Self.buildGoalMs, 0)) ms", result: build < Self.buildGoalMs ? "PASS" : "MISS"))

        notes.append("MB = 10^6 bytes; throughput = input bytes / median wall time of \(runs) runs, single-threaded on both sides")
        notes.append("galley: TermDictionary (hand-written Aho–Corasick, \(Format.count(dictionary.stateCount)) states); "
            + "raw scan = the scalar view of the text (\(Format.ms(Timing.median(scalarMs)))) + the automaton over it; "
            + "term rules = the five terms.* rules on the input as one article body (scalar view, one scan stepping over "
            + "wrapped lines, context checks, diagnoses placed), as galley check runs them")
        notes.append("galley: first use of the rules (YAML parse of the 10,000-entry list, validation, build) \(Format.ms(firstUseMs)); "
            + "runs: rules " + ruleMs.map(Format.ms).joined(separator: ", ") + "; raw " + rawMs.map(Format.ms).joined(separator: ", ")
            + "; build " + buildMs.map(Format.ms).joined(separator: ", "))
        notes.append("matches: raw \(Format.count(rawMatches)) (checksum \(rawChecksum)); the rules keep \(Format.count(findings)) findings "
            + "(they also find words wrapped across the page's hard line breaks, and drop overlaps and excluded contexts)")
        if let peer {
            notes.append("peer: \(peerName): Automaton.add_word for each entry + make_automaton, then iter() over the text "
                + "counting matches; runs: scan " + peer.scanMs.map(Format.ms).joined(separator: ", "))
            let cpu = bytes / Timing.median(peer.scanCPUMs) / 1000
            let mine = bytes / Timing.median(ruleCPUMs) / 1000
            let raw = bytes / Timing.median(rawCPUMs) / 1000
            notes.append("CPU-time medians (steadier when other work shares the machine): galley term rules \(TypographySuite.mbps(mine)), "
                + "raw scan \(TypographySuite.mbps(raw)), pyahocorasick scan \(TypographySuite.mbps(cpu)): "
                + "\(Format.ratio(mine / cpu)) and \(Format.ratio(raw / cpu)) faster")
            let same = peer.matches == rawMatches && peer.checksum == rawChecksum
            print("")
            print("check: Galley's raw matches = pyahocorasick's (count \(Format.count(peer.matches)), checksum \(peer.checksum)): " + (same ? "yes" : "NO"))
            if !same { problems.append("raw matches differ: Galley \(rawMatches)/\(rawChecksum), pyahocorasick \(peer.matches)/\(peer.checksum)") }
        } else {
            notes.append("peer: pyahocorasick not measured (see above); the ratios are n/a")
        }
        if rawMatches == 0 { problems.append("the dictionary found nothing in the input") }
        Disk.removeScratch(dir)
    }
}
