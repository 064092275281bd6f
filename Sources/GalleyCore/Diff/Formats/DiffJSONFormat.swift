/// `galley diff --format json`.
///
/// `ops` is the body on the new layout as `[op, text]` pairs (op −1 deleted, 0 unchanged, 1 inserted,
/// 2 moved from, 3 moved to): joining the texts of ops 0, 1, 3 gives the new body exactly; joining those
/// of ops 0, −1, 2 gives the old body in normalised form. `fields` lists the front-matter fields that
/// differ, each with its own ops. `moves` tells which ops belong to each move, and how alike its two
/// sides are; `summary` counts characters (white space not counted).
enum DiffJSONFormat {
    static func render(_ diff: ArticleDiff) -> String {
        let pieces = diff.body.piecesOnNewLayout
        var w = JSONWriter(lineBreakDepth: 2, capacity: pieces.reduce(256) { $0 + $1.text.utf8.count + 12 })
        w.beginObject()
        w.key("fields")
        w.beginArray()
        for field in diff.fields {
            w.beginObject(compact: true)
            w.field("field", field.name)
            w.field("old", field.old)
            w.field("new", field.new)
            w.key("ops")
            ops(field.diff?.piecesOnNewLayout ?? simple(field), into: &w)
            w.endObject()
        }
        w.endArray()
        w.key("ops")
        ops(pieces, into: &w)
        w.key("moves")
        w.beginArray()
        for move in diff.body.moves {
            let (from, to) = diff.body.paragraphs(of: move)
            w.beginObject(compact: true)
            w.field("move", move.number)
            w.field("characters", move.characters)
            w.field("similarity_percent", Int((move.similarity * 100).rounded(.down)))
            w.field("from_paragraph", from)
            w.field("to_paragraph", to)
            w.key("from_ops")
            indices(pieces, .movedFrom, move.number, into: &w)
            w.key("to_ops")
            indices(pieces, .movedTo, move.number, into: &w)
            w.key("inner_ops")
            ops(diff.body.innerPieces(of: move), into: &w)
            w.endObject()
        }
        w.endArray()
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
        return w.finish()
    }

    /// A code field (status, page …) as one deletion and one insertion.
    static func simple(_ field: FieldChange) -> [DiffPiece] {
        (field.old.map { [DiffPiece(.delete, $0)] } ?? []) + (field.new.map { [DiffPiece(.insert, $0)] } ?? [])
    }

    static func ops(_ pieces: [DiffPiece], into w: inout JSONWriter) {
        w.beginArray()
        for p in pieces {
            w.beginArray(compact: true)
            w.int(p.op.rawValue)
            w.string(p.text)
            w.endArray()
        }
        w.endArray()
    }

    static func indices(_ pieces: [DiffPiece], _ op: DiffOperation, _ move: Int, into w: inout JSONWriter) {
        w.beginArray(compact: true)
        for (i, p) in pieces.enumerated() where p.op == op && p.move == move { w.int(i) }
        w.endArray()
    }
}
