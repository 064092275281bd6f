/// `galley diff --format json`.
///
/// `ops` is the body on the new layout as `[op, text]` pairs (op −1 deleted, 0 unchanged, 1 inserted,
/// 2 moved from, 3 moved to): joining the texts of ops 0, 1, 3 gives the new body exactly; joining those
/// of ops 0, −1, 2 gives the old body in normalised form. `fields` lists the front-matter fields that
/// differ, each with its own ops. `moves` tells which ops belong to each move, and how alike its two
/// sides are; `summary` counts characters (white space not counted).
enum DiffJSONFormat {
    static func render(_ diff: ArticleDiff) -> String {
        let out = ByteBuffer(capacity: (diff.body.new.original.count + diff.body.old.scalars.count / 4) * 3 + 4096)
        out.append("{\n\"fields\": ")
        out.append(fields(diff))
        out.append(",\n\"ops\": ")
        var ops = JSONOpsWriter(into: out)
        diff.body.layOutOnNewText(into: &ops)
        ops.finish()
        out.append(",\n\"moves\": ")
        out.append(moves(diff, ops.written))
        out.append(",\n")
        out.append(rest(diff))
        return out.string
    }

    /// A JSON value written by a `JSONWriter` of its own, without the final newline.
    static func value(_ build: (inout JSONWriter) -> Void) -> [UInt8] {
        var w = JSONWriter(lineBreakDepth: 1)
        build(&w)
        return Array(w.finish().utf8.dropLast())
    }

    static func fields(_ diff: ArticleDiff) -> [UInt8] {
        value { w in
            w.beginArray()
            for field in diff.fields {
                w.beginObject(compact: true)
                w.field("field", field.name)
                w.field("old", field.old)
                w.field("new", field.new)
                w.key("ops")
                pieces(field.diff?.piecesOnNewLayout ?? simple(field), into: &w)
                w.endObject()
            }
            w.endArray()
        }
    }

    static func moves(_ diff: ArticleDiff, _ written: [(DiffOperation, Int?)]) -> [UInt8] {
        let places = diff.body.moveParagraphs
        var fromOps = [[Int]](repeating: [], count: places.count), toOps = fromOps
        for (i, (op, move)) in written.enumerated() {
            guard let m = move, m >= 1, m <= places.count else { continue }
            if op == .movedFrom { fromOps[m - 1].append(i) } else if op == .movedTo { toOps[m - 1].append(i) }
        }
        return value { w in
            w.beginArray()
            for (k, move) in diff.body.moves.enumerated() {
                w.beginObject(compact: true)
                w.field("move", move.number)
                w.field("characters", move.characters)
                w.field("similarity_percent", Int((move.similarity * 100).rounded(.down)))
                w.field("from_paragraph", places[k].from)
                w.field("to_paragraph", places[k].to)
                w.key("from_ops")
                integers(fromOps[k], into: &w)
                w.key("to_ops")
                integers(toOps[k], into: &w)
                w.key("inner_ops")
                pieces(diff.body.innerPieces(of: move), into: &w)
                w.endObject()
            }
            w.endArray()
        }
    }

    /// Summary, layout, fallbacks, labels and notes: the members after `moves`, without the braces' opening.
    static func rest(_ diff: ArticleDiff) -> [UInt8] {
        let object = value { w in
            w.beginObject()
            let stats = diff.body.statistics
            w.key("summary")
            w.beginObject(compact: true)
            w.field("changed", diff.hasTextChanges)
            w.field("layout_only", diff.isLayoutOnly)
            w.field("fields_changed", diff.fields.count)
            w.field("inserted", stats.inserted)
            w.field("deleted", stats.deleted)
            w.field("moved", stats.moved)
            w.field("changes", stats.changes)
            w.field("moves", stats.moves)
            w.endObject()
            w.key("layout")
            w.beginObject(compact: true)
            w.field("old_line_breaks", diff.body.old.joinedLineBreaks)
            w.field("new_line_breaks", diff.body.new.joinedLineBreaks)
            w.field("old_spaces", diff.body.old.droppedSpaces)
            w.field("new_spaces", diff.body.new.droppedSpaces)
            w.endObject()
            w.key("fallbacks")
            w.beginArray(compact: true)
            for f in diff.body.fallbacks { w.string(f.describe(timeLimit: diff.body.options.timeLimit)) }
            w.endArray()
            w.field("old_label", diff.oldLabel)
            w.field("new_label", diff.newLabel)
            w.key("notes")
            w.beginArray(compact: true)
            for note in diff.notes { w.string(note) }
            w.endArray()
            w.endObject()
        }
        // Drop the opening brace and line break: these members continue the outer object.
        return Array(object.drop { $0 == 0x7B || $0 == 0x0A }) + [0x0A]
    }

    /// A code field (status, page …) as one deletion and one insertion.
    static func simple(_ field: FieldChange) -> [DiffPiece] {
        (field.old.map { [DiffPiece(.delete, $0)] } ?? []) + (field.new.map { [DiffPiece(.insert, $0)] } ?? [])
    }

    static func pieces(_ pieces: [DiffPiece], into w: inout JSONWriter) {
        w.beginArray(compact: true)
        for p in pieces {
            w.beginArray()
            w.int(p.op.rawValue)
            w.string(p.text)
            w.endArray()
        }
        w.endArray()
    }

    static func integers(_ values: [Int], into w: inout JSONWriter) {
        w.beginArray(compact: true)
        for v in values { w.int(v) }
        w.endArray()
    }
}
