#if canImport(Glibc)
import Glibc
#endif

/// The typography suite's input: a real newspaper page repeated to 10 MiB, or generated text when the
/// page is not on this machine. The page is read where it lies, never copied into the project.
struct TypographyInput {
    static let sampleName = "000_582f17a897ff82ac.txt"
    static let targetBytes = 10 * 1_048_576
    /// Between copies of the page: a blank line, as between the page's own paragraphs.
    static let separator: [UInt8] = [10, 10]

    /// One page; the input is `copies` of it joined by `separator`.
    let page: [UInt8]
    let copies: Int
    /// Where the page came from, for the report.
    let origin: String

    var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        for i in 0..<copies {
            if i > 0 { out += Self.separator }
            out += page
        }
        return out
    }

    var count: Int { copies * page.count + (copies - 1) * Self.separator.count }

    /// The sample page, or generated paragraphs with the reason the sample was not used.
    static func load() -> TypographyInput {
        let path = samplePath()
        if let path, let page = Disk.read(path), String(validating: page, as: UTF8.self) != nil, !page.isEmpty {
            return TypographyInput(page: page, copies: copies(of: page.count), origin: "sample page \(path)")
        }
        let why = path.map { "\($0) is not readable UTF-8 text" }
            ?? "the sample page ../shared/samples/\(sampleName) is absent (set GALLEY_BENCH_SAMPLE to a page of Chinese text)"
        let page = generatedPage()
        return TypographyInput(page: page, copies: copies(of: page.count), origin: "generated text: \(why)")
    }

    static func copies(of pageBytes: Int) -> Int {
        (targetBytes + separator.count + pageBytes + separator.count - 1) / (pageBytes + separator.count)
    }

    /// `$GALLEY_BENCH_SAMPLE`, else `../shared/samples/<name>` beside the project this executable was
    /// built in (where the tests look too), found from the executable's path, then from the current folder.
    static func samplePath() -> String? {
        if let env = getenv("GALLEY_BENCH_SAMPLE") { return String(cString: env) }
        var starts: [String] = []
        if let exe = Peers.executablePath() { starts.append(exe) }
        if let cwd = getcwd(nil, 0) {
            starts.append(String(cString: cwd) + "/.")
            free(cwd)
        }
        for start in starts {
            var dir = start
            while let slash = dir.lastIndex(of: "/"), slash > dir.startIndex {
                dir = String(dir[..<slash])
                if access(dir + "/Package.swift", R_OK) == 0 {
                    let candidate = dir + "/../shared/samples/" + sampleName
                    if access(candidate, R_OK) == 0 { return candidate }
                    break
                }
            }
        }
        return nil
    }

    /// About 20 KB of short paragraphs from the bench's article generator.
    static func generatedPage() -> [UInt8] {
        var rng = SplitMix64(seed: Corpus.seed)
        var out: [UInt8] = []
        while out.count < 20_000 {
            if !out.isEmpty { out += separator }
            Corpus.paragraph(into: &out, &rng, bytes: rng.inRange(150...600), month: 1 + rng.below(12))
        }
        return out
    }
}
