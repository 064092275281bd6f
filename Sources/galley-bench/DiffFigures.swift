import Foundation

/// The diff bench's figures for one tool on one case (`../shared/bench/diffbench/run_bench.py`, ported):
/// R non-white characters marked deleted or inserted, W white space marked, H runs of changes not
/// separated by unchanged non-white text, M moved characters (counted once), out bytes of the `-U0`
/// rendering, ms the median wall time.
struct DiffFigures {
    var marked = 0
    var white = 0
    var hunks = 0
    var moved = 0
    var outBytes = 0
    var ms = Double.nan
    /// Median CPU time of the process (Galley only), which other load on the machine disturbs less.
    var cpuMs = Double.nan
    var peakKiB = 0
    /// Why there are no figures (a peer missing, timed out or failed).
    var error: String?

    static func missing(_ why: String) -> DiffFigures { DiffFigures(error: why) }

    init(marked: Int = 0, white: Int = 0, hunks: Int = 0, moved: Int = 0, outBytes: Int = 0, ms: Double = .nan, error: String? = nil) {
        self.marked = marked
        self.white = white
        self.hunks = hunks
        self.moved = moved
        self.outBytes = outBytes
        self.ms = ms
        self.error = error
    }

    /// Figures of a list of `[op, text]` ops, as `metrics` and `render_u0` in run_bench.py.
    init(ops: [(Int, String)]) {
        var inRun = false
        var movedBoth = 0
        for (op, text) in ops {
            let nonWhite = text.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
            if op == 0 {
                if nonWhite > 0 { inRun = false }
                continue
            }
            if op == 2 || op == 3 {
                movedBoth += nonWhite
            } else {
                marked += nonWhite
                white += text.unicodeScalars.count - nonWhite
            }
            if !inRun {
                hunks += 1
                inRun = true
            }
        }
        moved = movedBoth / 2
        outBytes = Self.renderU0(ops).utf8.count
    }

    /// Lines of the marked-up text that contain a change (git `-U0` style), as run_bench.py's `render_u0`.
    static func renderU0(_ ops: [(Int, String)]) -> String {
        let marks: [Int: (String, String)] = [-1: ("[-", "-]"), 1: ("{+", "+}"), 2: ("[<", "<]"), 3: ("{>", ">}"), 0: ("", "")]
        var lines: [String] = []
        var current = ""
        var changed = false
        for (op, text) in ops {
            let (open, close) = marks[op] ?? ("", "")
            if op != 0 {
                current += open
                changed = true
            }
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (k, part) in parts.enumerated() {
                current += part
                if k < parts.count - 1 {
                    if op != 0 { changed = true }
                    if changed { lines.append(current) }
                    current = ""
                    changed = op != 0
                }
            }
            if op != 0 { current += close }
        }
        if changed { lines.append(current) }
        return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }

    /// The ops of a `galley diff --format json` output (or the bench's `{"ops": …}`), nil when unreadable.
    static func ops(fromJSON bytes: [UInt8]) -> [(Int, String)]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) else { return nil }
        let list = (object as? [String: Any])?["ops"] ?? object
        guard let items = list as? [[Any]] else { return nil }
        var out: [(Int, String)] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard item.count >= 2, let op = (item[0] as? NSNumber)?.intValue, let text = item[1] as? String else { return nil }
            out.append((op, text))
        }
        return out
    }
}
