#if canImport(Glibc)
import Glibc
#endif
import GalleyCore
import LayoutExport

/// `layout-pdf`: the sample page's whole text set as one 8-column × 70-line PDF page (13 cells, the 基本栏; 9/12.6 pt),
/// as `galley export` writes it. Goal (layout issue): ≤ 0.25 s for the whole process, font subsetting
/// included. The peer would be the research notes' C prototype (cairo + FreeType + HarfBuzz, 0.22 s); it
/// is not part of the project, so there is no peer and the goal is absolute.
struct LayoutPDFSuite {
    static let goalMs = 250.0
    static let arguments = ["--format", "pdf", "--columns", "8", "--lines", "70", "--measure", "13", "--option", "page=fit"]

    let context: BenchContext
    let sample: String
    var rows: [ResultRow] = []
    var notes: [String] = []
    var checks: [String] = []
    var problems: [String] = []

    var runs: Int { context.quick ? 5 : 11 }

    static func run(_ context: BenchContext) throws -> Bool {
        guard let samplePage = TypographyInput.samplePath() else {
            print("galley-bench: layout-pdf: the sample page ../shared/samples/\(TypographyInput.sampleName) is absent (set GALLEY_BENCH_SAMPLE)")
            return false
        }
        // The page's text as `galley import` cleans it (no column wraps, no justification spaces), as a plain text file.
        guard let bytes = Disk.read(samplePage) else { throw BenchError("\(samplePage): cannot be read") }
        let page = String(decoding: bytes, as: UTF8.self)
        let sample = context.scratch + "/layout-pdf-page.txt"
        try Disk.write(sample, Array(LayoutBenchInput.paragraphs(ofPage: page).joined(separator: "\n\n").utf8))
        var suite = LayoutPDFSuite(context: context, sample: sample)
        print("sample: \(samplePage), imported to \(sample)")
        try suite.measureProcess()
        try suite.measureInProcess()
        return ResultRow.printReport(suite.rows, peer: "no peer", notes: suite.notes, checks: suite.checks, problems: suite.problems)
    }

    /// The release `galley export` as a child process: start-up, reading, typesetting, fontconfig, PDF and subsets.
    mutating func measureProcess() throws {
        guard let galley = context.galley else {
            problems.append("the release galley is missing (swift build -c release --product galley)")
            return
        }
        let out = context.scratch + "/layout-pdf.pdf"
        BenchContext.progress("layout-pdf: galley export, \(runs) runs")
        var last = RunResult(status: 0, output: [])
        var times: [Double] = []
        for _ in 0..<runs {
            times.append(try Timing.milliseconds { last = try context.runner.run([galley, "export", sample, "-o", out] + Self.arguments) })
            if !last.ok { break }
        }
        guard last.ok else {
            problems.append("galley export failed: \(last.trimmed)")
            return
        }
        rows.append(Self.goalRow("whole process (galley export)", Timing.median(times)))
        notes.append("whole process: median of \(runs) runs, peak RSS \(last.peakKiB / 1024) MB, CPU \(Format.ms(last.cpuMs)) (last run)")
        try checkPDF(out)
    }

    /// The same export inside this process, split into reading + typesetting and drawing the PDF.
    mutating func measureInProcess() throws {
        let settings = LayoutSettings(measure: 13, linesPerColumn: 70, columns: 8)
        let options = try PDFExporter.resolvedOptions([("page", "fit")])
        var job: ExportJob?
        let typeset = try Timing.medianMilliseconds(runs: runs) {
            job = try ExportJob.load(sample, cwd: "/", settings: settings, options: options)
        }
        guard let job else { return }
        var bytes: [UInt8] = []
        let draw = try Timing.medianMilliseconds(runs: runs) { bytes = try PDFExporter().export(job) }
        rows.append(Self.goalRow("in process: read + typeset + PDF", typeset + draw))
        rows.append(ResultRow(name: "  read + typeset", galley: Format.ms(typeset), peer: "n/a", ratio: "", goal: "", result: ""))
        rows.append(ResultRow(name: "  PDF (fontconfig, cairo, subsets)", galley: Format.ms(draw), peer: "n/a", ratio: "", goal: "", result: ""))
        let lines = job.story.lines.count
        notes.append("the page: \(lines) lines of 560 (8 × 70), \(Format.count(bytes.count)) bytes of PDF")
        if lines > 560 { problems.append("\(lines - 560) lines overset: the page does not hold the sample") }
        notes.append("no peer: the C prototype of the research notes (0.22 s for the same page) is not in the project")
    }

    static func goalRow(_ name: String, _ ms: Double) -> ResultRow {
        ResultRow(name: name, galley: Format.ms(ms), peer: "n/a", ratio: "", goal: "≤ " + Format.ms(goalMs),
                  result: ms <= goalMs ? "PASS" : "MISS")
    }

    /// The written page: CJK fonts embedded as subsets, every character of the page back from pdftotext.
    mutating func checkPDF(_ path: String) throws {
        guard let pdffonts = Peers.which("pdffonts"), let pdftotext = Peers.which("pdftotext") else {
            checks.append("PDF not checked: poppler-utils is not installed")
            return
        }
        let fonts = try context.runner.run([pdffonts, path]).text
        let embedded = fonts.split(separator: "\n").dropFirst(2).allSatisfy { $0.contains("CJK") && $0.contains(" yes yes yes ") }
        if !embedded { problems.append("pdffonts: fonts not embedded as CJK subsets:\n\(fonts)") }
        let text = try context.runner.run([pdftotext, path, "-"]).text
        guard let original = Disk.read(sample) else { return }
        let ink = { (s: String) in String(s.filter { !$0.isWhitespace }) }
        let expected = ink(String(decoding: original, as: UTF8.self))
        if ink(text) != expected { problems.append("pdftotext does not give back the page's characters") }
        if text.unicodeScalars.contains(where: { (0x2E80...0x2FDF).contains($0.value) }) { problems.append("pdftotext: Kangxi radicals") }
        checks.append("pdffonts: CJK subsets embedded (emb, sub, uni); pdftotext: \(Format.count(expected.count)) characters back, in column order")
    }
}
