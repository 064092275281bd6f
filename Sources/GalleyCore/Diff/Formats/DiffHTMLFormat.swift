/// `galley diff --format html`: one self-contained page (no scripts, no external files) an editor can
/// open or print: the changed fields in a table, the body as paragraphs with `<del>` and `<ins>`, moves
/// in blue and numbered, and a summary.
enum DiffHTMLFormat {
    static func render(_ diff: ArticleDiff) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape("diff " + diff.oldLabel + " → " + diff.newLabel))</title>
            <style>\(style)</style>
            </head>
            <body>
            <header><h1>修改对照 <span class="labels">\(escape(diff.oldLabel)) → \(escape(diff.newLabel))</span></h1>
            <p class="legend"><del>删除</del> <ins>增加</ins> <del class="moved">移出</del> <ins class="moved">移入</ins></p></header>

            """
        for note in diff.notes { html += "<p class=\"note\">\(escape(note))</p>\n" }
        html += "<p class=\"summary\">\(escape(summary(diff)))</p>\n"
        if !diff.fields.isEmpty {
            html += "<section class=\"fields\"><h2>字段</h2>\n<table>\n"
            for field in diff.fields {
                let value: String
                if let d = field.diff {
                    value = inline(d.pieces)
                } else {
                    value = (field.old.map { "<del>\(escape($0))</del>" } ?? "<i>（无）</i>") + " → "
                        + (field.new.map { "<ins>\(escape($0))</ins>" } ?? "<i>（无）</i>")
                }
                html += "<tr><th>\(escape(fieldName(field.name)))</th><td>\(value)</td></tr>\n"
            }
            html += "</table></section>\n"
        }
        html += "<section class=\"body\"><h2>正文</h2>\n"
        if diff.isLayoutOnly {
            html += "<p class=\"note\">正文文字未改动（仅版式：\(escape(diff.body.layoutSummary))）</p>\n"
        }
        html += paragraphs(diff.body.piecesOnNewLayout)
        html += "</section>\n"
        if !diff.body.moves.isEmpty {
            html += "<section class=\"moves\"><h2>移动</h2>\n<ol>\n"
            let places = diff.body.moveParagraphs
            for (k, move) in diff.body.moves.enumerated() {
                let (from, to) = places[k]
                let inner = diff.body.innerPieces(of: move)
                html += "<li id=\"move-\(move.number)\">第\(from)段 → 第\(to)段，\(move.characters)字"
                html += inner.isEmpty ? "，文字未改" : "，移动中改动：" + inline(inner.onlyChangedSentences())
                html += "</li>\n"
            }
            html += "</ol></section>\n"
        }
        for f in diff.body.fallbacks { html += "<p class=\"note\">\(escape(f.describe(timeLimit: diff.body.options.timeLimit)))</p>\n" }
        return html + "</body>\n</html>\n"
    }

    static func summary(_ diff: ArticleDiff) -> String {
        if diff.isLayoutOnly { return "no textual change (layout only)" }
        if !diff.hasTextChanges { return "no change" }
        return DiffTerminalFormat.summary(diff)
    }

    static func fieldName(_ name: String) -> String {
        let names = ["kicker": "引题", "headline": "主题", "subheadline": "副题", "dateline": "电头", "credits": "署名",
                     "status": "状态", "page": "版次", "section": "栏目", "issue": "期次", "genre": "体裁", "front matter": "文件头"]
        return names[name].map { "\($0) \(name)" } ?? name
    }

    /// The body's pieces on the new layout as `<p>` paragraphs (hard line breaks joined, spaces kept);
    /// a deleted or moved-away paragraph is a paragraph of its own where it stood.
    static func paragraphs(_ pieces: [DiffPiece]) -> String {
        let lines = MarkedLines(pieces.map(MarkedLines.paragraphLayout)).lines
        var html = ""
        for line in lines where !line.fragments.isEmpty {
            let removed = line.fragments.allSatisfy { $0.op == .delete || $0.op == .movedFrom }
            html += removed ? "<p class=\"removed\">" : "<p>"
            for f in line.fragments {
                let piece = DiffPiece(f.op, f.text, move: f.move)
                html += f.op == .equal ? escape(f.text) : tag(piece, escape(f.text))
            }
            html += "</p>\n"
        }
        return html
    }

    static func inline(_ pieces: [DiffPiece]) -> String {
        pieces.map { $0.op == .equal ? escape($0.text) : tag($0, escape($0.text.replacingNewlines(with: "¶"))) }.joined()
    }

    static func tag(_ piece: DiffPiece, _ inner: String) -> String {
        let label = piece.move.map { "<sup>\($0)</sup>" } ?? ""
        switch piece.op {
        case .equal: return inner
        case .delete: return "<del>\(inner)</del>"
        case .insert: return "<ins>\(inner)</ins>"
        case .movedFrom: return "<del class=\"moved\" data-move=\"\(piece.move ?? 0)\">\(inner)\(label)</del>"
        case .movedTo: return "<ins class=\"moved\" data-move=\"\(piece.move ?? 0)\">\(inner)\(label)</ins>"
        }
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static let style = """
        body{font-family:"Noto Serif CJK SC","Source Han Serif SC","Songti SC","SimSun","Noto Sans CJK SC",serif;\
        max-width:46em;margin:2em auto;padding:0 1em;line-height:1.9;color:#222}
        h1{font-size:1.3em}h1 .labels{font-size:.7em;font-weight:normal;color:#666;display:block}
        h2{font-size:1.05em;border-bottom:1px solid #ccc;margin-top:1.6em}
        p{text-indent:2em;margin:.4em 0}.note,.summary,.legend{text-indent:0;color:#555}
        del{color:#b00;text-decoration:line-through;background:#fdecec}
        ins{color:#070;text-decoration:underline;background:#eaf7ea}
        del.moved,ins.moved{color:#05a;background:#eaf1fb}sup{font-size:.7em;color:#05a}
        table{border-collapse:collapse}th{text-align:left;padding:.2em 1em .2em 0;white-space:nowrap;color:#555}
        @media print{body{margin:0;max-width:none}del,ins{background:none}}
        """
}
