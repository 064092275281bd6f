#if canImport(Glibc)
import Glibc
#endif
import GalleyCore

/// The agreement indicator of `layout`: Pango 1.50 (through Debian's python3-gi) breaks the same paragraphs at
/// 13 em, and the suite counts identical paragraphs and shared line starts (docs/layout.md §4: neither engine is
/// ground truth; the research prototype agreed with Pango on 10 of 20 of the page's own paragraphs).
extension LayoutSuite {
    static let pangoScript = """
        import gi, json, sys
        gi.require_version('Pango', '1.0'); gi.require_version('PangoCairo', '1.0')
        from gi.repository import Pango, PangoCairo
        paragraphs, measure, size = json.load(sys.stdin)
        ctx = PangoCairo.FontMap.get_default().create_context()
        PangoCairo.context_set_resolution(ctx, 72)  # pangocairo assumes 96 dpi otherwise
        ctx.set_language(Pango.Language.from_string('zh-cn'))
        for n, text in enumerate(paragraphs):
            layout = Pango.Layout.new(ctx)
            layout.set_font_description(Pango.FontDescription.from_string('Noto Serif CJK SC %d' % size))
            layout.set_width(measure * size * Pango.SCALE)
            layout.set_wrap(Pango.WrapMode.WORD_CHAR)
            layout.set_justify(True)
            layout.set_indent(2 * size * Pango.SCALE)
            layout.set_text(text, -1)
            raw = text.encode()
            for i in range(layout.get_line_count()):
                line = layout.get_line_readonly(i)
                print('L\\t%d\\t%s' % (n, raw[line.start_index:line.start_index + line.length].decode()))
        """

    /// The system Python with PyGObject and Pango's typelib, or why not.
    static func pangoPython(_ runner: Runner) -> (path: String?, why: String) {
        for path in ["/usr/bin/python3", "/bin/python3"] where access(path, X_OK) == 0 {
            let probe = try? runner.run([path, "-c", "import gi; gi.require_version('PangoCairo', '1.0'); from gi.repository import PangoCairo"])
            if probe?.ok == true { return (path, "") }
        }
        return (nil, "Pango is not importable (apt-get install python3-gi gir1.2-pango-1.0)")
    }

    mutating func measurePangoAgreement() throws {
        let (python, why) = Self.pangoPython(context.runner)
        guard let python else {
            notes.append("reference breaker: not run — \(why); Chromium is not used by the bench")
            return
        }
        let paragraphs = input.text.blocks.map(\.text)
        let measure = 13
        let script = context.scratch + "/pango_lines.py"
        try Disk.write(script, Array(Self.pangoScript.utf8))
        let request = "[" + "[" + paragraphs.map(JSONText.quote).joined(separator: ",") + "], \(measure), 9]"
        var result = RunResult(status: 0, output: [])
        let ms = try Timing.milliseconds { result = try context.runner.run([python, script], stdin: Array(request.utf8)) }
        guard result.ok else {
            problems.append("Pango reference failed: \(result.trimmed.prefix(200))")
            return
        }
        var pango = [[String]](repeating: [], count: paragraphs.count)
        for line in result.text.split(separator: "\n") where line.hasPrefix("L\t") {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let n = Int(fields[1]), pango.indices.contains(n) else { continue }
            pango[n].append(String(fields[2]))
        }
        let story = Typesetter.typeset(input.text, settings: LayoutSettings(measure: measure))
        var galley = [[String]](repeating: [], count: paragraphs.count)
        for line in story.lines { galley[line.block].append(line.text) }
        let agreement = BreakAgreement(galley, pango)
        rows.append(ResultRow(name: "line breaks vs Pango 1.50, 13 em (indicator)",
                              galley: "\(agreement.identical)/\(paragraphs.count) paragraphs", peer: "\(agreement.sharedStarts)/\(agreement.pangoStarts) starts",
                              ratio: "", goal: "", result: "INFO"))
        notes.append("reference breaker: Pango through \(python) (python3-gi), Noto Serif CJK SC 9 pt at 72 dpi, justify, "
            + "2-em indent, WORD_CHAR; \(Format.ms(ms)) for the page, start-up included; line starts Galley/Pango "
            + "\(agreement.galleyStarts)/\(agreement.pangoStarts), shared \(agreement.sharedStarts)")
    }
}

/// How two engines' line breaks agree: paragraphs broken identically, and line starts in common.
struct BreakAgreement {
    var identical = 0
    var sharedStarts = 0
    var galleyStarts = 0
    var pangoStarts = 0

    init(_ a: [[String]], _ b: [[String]]) {
        for (x, y) in zip(a, b) {
            if x == y { identical += 1 }
            let startsX = Set(Self.starts(x)), startsY = Set(Self.starts(y))
            galleyStarts += startsX.count
            pangoStarts += startsY.count
            sharedStarts += startsX.intersection(startsY).count
        }
    }

    /// Character offsets where lines start (spaces Pango keeps at a line end do not shift them).
    static func starts(_ lines: [String]) -> [Int] {
        var out: [Int] = []
        var offset = 0
        for line in lines {
            out.append(offset)
            offset += line.filter { !$0.isWhitespace }.count
        }
        return out
    }
}
