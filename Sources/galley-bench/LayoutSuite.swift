import GalleyCore

/// `layout`: the layout engine over the sample page's whole text, and the page as 8 columns × 70 lines.
/// Parts run in turn; a part added in another file (the PDF export of the page) appends itself to `parts`.
///
/// Goal (issue 8): the engine alone sets at least 1 MB of text per second.
struct LayoutSuite {
    static let engineGoalMBps = 1.0

    let context: BenchContext
    let input: LayoutBenchInput
    var rows: [ResultRow] = []
    var notes: [String] = []
    var checks: [String] = []
    var problems: [String] = []

    /// Runs per timing: the page takes milliseconds, so hundreds give a stable median.
    var runs: Int { context.quick ? 50 : 300 }

    /// The suite's parts in order. The PDF part (exporters) adds `("pdf page", LayoutSuite.measurePDFPage)`.
    static var parts: [(name: String, measure: (inout LayoutSuite) throws -> Void)] {
        [
            ("engine", { try $0.measureEngine() }),
            ("copyfit", { try $0.measurePageCopyfit() }),
            ("Pango reference", { try $0.measurePangoAgreement() }),
        ]
    }

    static func run(_ context: BenchContext) throws -> Bool {
        var suite = LayoutSuite(context: context, input: LayoutBenchInput.load())
        suite.notes.append("input: \(suite.input.origin), \(suite.input.text.blocks.count) paragraphs, "
            + "\(Format.count(suite.input.bytes)) bytes of text; \(suite.runs) runs per timing, median")
        for part in parts {
            BenchContext.progress("layout: \(part.name)")
            try part.measure(&suite)
        }
        return ResultRow.printReport(suite.rows, peer: "Pango", notes: suite.notes, checks: suite.checks, problems: suite.problems)
    }

    /// A throughput row (higher is better) against an absolute goal in MB/s.
    static func throughput(name: String, bytes: Int, milliseconds: Double, goalMBps: Double) -> ResultRow {
        let mbps = Double(bytes) / 1_000_000 / (milliseconds / 1000)
        return ResultRow(name: name, galley: Format.fixed(mbps, 1) + " MB/s (" + Format.fixed(milliseconds, 2) + " ms)",
                         peer: "n/a", ratio: "", goal: "≥ " + Format.fixed(goalMBps, 0) + " MB/s",
                         result: mbps >= goalMBps ? "PASS" : "MISS")
    }

    /// The engine alone on the whole text at 13 em, in both resolutions; checks that nothing is lost.
    mutating func measureEngine() throws {
        for resolution in ProhibitionResolution.allCases {
            let settings = LayoutSettings(measure: 13, resolution: resolution)
            var story = TypesetStory(settings: settings, lines: [])
            let ms = Timing.medianMilliseconds(runs: runs) { story = Typesetter.typeset(input.text, settings: settings) }
            rows.append(Self.throughput(name: "engine, whole page, 13 em, \(resolution.rawValue)", bytes: input.bytes,
                                        milliseconds: ms, goalMBps: Self.engineGoalMBps))
            check(story, label: "13 em \(resolution.rawValue)")
        }
    }

    /// The page set as 8 × 70 and its copyfit, the numbers a layout desk would ask for first.
    mutating func measurePageCopyfit() throws {
        var fit: Copyfit?
        let ms = Timing.medianMilliseconds(runs: runs) { fit = Copyfit(input.pageStory()) }
        guard let fit else { return }
        rows.append(Self.throughput(name: "engine + copyfit, page 8 × 70 × 13", bytes: input.bytes, milliseconds: ms,
                                    goalMBps: Self.engineGoalMBps))
        checks.append("page 8 × 70 × 13: \(fit.lines) lines, "
            + (fit.overset > 0 ? "overset \(fit.overset)" : "remaining \(fit.remaining)") + ", "
            + fit.columns.enumerated().map { "c\($0.offset + 1) \($0.element.lines)" }.joined(separator: " "))
    }

    /// Nothing lost, and no overfull line on ordinary text.
    mutating func check(_ story: TypesetStory, label: String) {
        var joined = [String](repeating: "", count: input.text.blocks.count)
        for line in story.lines { joined[line.block] += line.text }
        let lost = zip(joined, input.text.blocks).filter { $0.0 != $0.1.text }.count
        let overfull = story.lines.filter { $0.flags.contains(.overfull) }.count
        let pushed = story.lines.filter { $0.flags.contains(.pushedOut) }.count
        let squeezed = story.lines.filter { $0.flags.contains(.squeezed) }.count
        checks.append("\(label): \(story.lines.count) lines, \(pushed) pushed out, \(squeezed) squeezed, \(overfull) overfull")
        if lost > 0 { problems.append("\(label): \(lost) paragraphs do not join back from their lines") }
        if overfull > 0 { problems.append("\(label): \(overfull) overfull lines on ordinary text") }
    }
}
