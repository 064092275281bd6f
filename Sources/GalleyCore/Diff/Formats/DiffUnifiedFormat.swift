/// `galley diff --format unified`: a unified diff of the normalised bodies, one paragraph per line, so
/// `patch` or `git apply` can apply it to the normalised old text and code review tools can show it.
/// Changed front-matter fields come first, as lines before the `---` header (which patch tools skip).
struct DiffUnifiedFormat {
    let context: Int

    func render(_ diff: ArticleDiff) -> String {
        var out = ""
        for field in diff.fields {
            out += "field \(field.name): \(field.old ?? "(none)") → \(field.new ?? "(none)")\n"
        }
        if diff.isLayoutOnly { out += "no textual change (layout only: \(diff.body.layoutSummary))\n" }
        let old = Self.paragraphs(diff.body.old.text), new = Self.paragraphs(diff.body.new.text)
        let (deleted, inserted) = Self.lineDiff(old, new)
        let hunks = Self.hunks(deleted, inserted, context: max(0, context))
        guard !hunks.isEmpty else { return out }
        out += "--- a/\(Self.label(diff.oldLabel))\n+++ b/\(Self.label(diff.newLabel))\n"
        for h in hunks {
            out += "@@ -\(Self.range(h.a)) +\(Self.range(h.b)) @@\n"
            var i = h.a.lowerBound, j = h.b.lowerBound
            while i < h.a.upperBound || j < h.b.upperBound {
                if i < h.a.upperBound, deleted[i] {
                    out += "-" + old[i] + "\n"
                    i += 1
                } else if j < h.b.upperBound, inserted[j] {
                    out += "+" + new[j] + "\n"
                    j += 1
                } else {
                    out += " " + old[i] + "\n"
                    i += 1
                    j += 1
                }
            }
        }
        return out
    }

    static func label(_ text: String) -> String {
        String(text.map { $0 == " " ? "_" : $0 })
    }

    static func paragraphs(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// `start,count` in unified-diff terms (1-based; for an empty range the line before it).
    static func range(_ r: Range<Int>) -> String {
        r.isEmpty ? "\(r.lowerBound),0" : (r.count == 1 ? "\(r.lowerBound + 1)" : "\(r.lowerBound + 1),\(r.count)")
    }

    /// Which paragraphs are deleted from `a` and inserted in `b` (Myers over paragraph ids).
    static func lineDiff(_ a: [String], _ b: [String]) -> ([Bool], [Bool]) {
        var ids: [String: Int32] = [:]
        let ia = a.map { line in ids[line] ?? { ids[line] = Int32(ids.count); return Int32(ids.count - 1) }() }
        let ib = b.map { line in ids[line] ?? { ids[line] = Int32(ids.count); return Int32(ids.count - 1) }() }
        var deleted = [Bool](repeating: false, count: a.count)
        var inserted = [Bool](repeating: false, count: b.count)
        ia.withUnsafeBufferPointer { ap in
            ib.withUnsafeBufferPointer { bp in
                deleted.withUnsafeMutableBufferPointer { d in
                    inserted.withUnsafeMutableBufferPointer { i in
                        Myers.mark(ap, 0..<ap.count, bp, 0..<bp.count, deleted: d, inserted: i)
                    }
                }
            }
        }
        return (deleted, inserted)
    }

    /// Hunks: the changed runs with `context` unchanged lines around them, close ones joined.
    static func hunks(_ deleted: [Bool], _ inserted: [Bool], context: Int) -> [(a: Range<Int>, b: Range<Int>)] {
        let runs = EditScript.changes(deleted: deleted, inserted: inserted)
        var out: [(a: Range<Int>, b: Range<Int>)] = []
        for r in runs {
            let lo = min(context, r.a.lowerBound, r.b.lowerBound)
            let hi = min(context, deleted.count - r.a.upperBound, inserted.count - r.b.upperBound)
            let a = (r.a.lowerBound - lo)..<(r.a.upperBound + hi)
            let b = (r.b.lowerBound - lo)..<(r.b.upperBound + hi)
            if let last = out.last, a.lowerBound <= last.a.upperBound {
                out[out.count - 1] = (last.a.lowerBound..<a.upperBound, last.b.lowerBound..<b.upperBound)
            } else {
                out.append((a, b))
            }
        }
        return out
    }
}
