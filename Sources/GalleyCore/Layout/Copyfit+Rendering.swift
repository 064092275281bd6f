/// The copyfit for layout staff (text) and for machines (JSON with `lines`, `overset`, `remaining`,
/// `columns` and `paragraphs`).
extension Copyfit {
    /// Text for people: the verdict first, then the columns, the paragraphs and what to cut or add.
    public func text(title: String? = nil) -> String {
        var out = ""
        func line(_ s: String = "") { out += TerminalSafe.sanitize(s) + "\n" }
        if let title { line("稿件 \(title)") }
        line("版面 栏宽 \(measure) 字 × \(linesPerColumn) 行 × \(columnCount) 栏 = \(capacity) 行（禁则 \(prohibition.rawValue)，\(resolution.rawValue)）")
        var summary = "字数 \(characters)  段落 \(paragraphCount)  排出 \(lines) 行"
        if headlineLines > 0 { summary += "（标题占 \(headlineLines) 行）" }
        line(summary)
        if overset > 0 {
            line("超版 \(overset) 行（约 \(oversetCharacters) 字）")
        } else if remaining > 0 {
            line("缺行 \(remaining) 行（约 \(remainingCharacters) 字）")
        } else {
            line("正好排满")
        }
        line("分栏 " + columns.enumerated().map { "c\($0.offset + 1) \($0.element.lines)/\($0.element.capacity)" }
            .joined(separator: ", "))
        line()
        for row in paragraphTable() { line(row) }
        let cuts = cutOrder.prefix(10).map { "段\(paragraphs[$0].number ?? 0) \(paragraphs[$0].cutToSaveLine)" }
        if !cuts.isEmpty {
            line("删字省行（删几字省一行，由少到多）：" + cuts.joined(separator: "，") + (cutOrder.count > 10 ? "……" : ""))
        }
        line("不增行可加 \(addable) 字（各段末行空格之和）")
        let flagged = LineFlag.allCases.compactMap { f in lineFlags[f].map { "\(Self.label(f)) \($0)" } }
        if !flagged.isEmpty { line("行标记 " + flagged.joined(separator: "，")) }
        return out
    }

    private func paragraphTable() -> [String] {
        let header = ["段", "类型", "字数", "行数", "占行", "删字省行", "可加字", "标记"]
        let rows: [[String]] = paragraphs.map { p in
            var marks: [String] = []
            if p.orphanCharacter { marks.append("孤字") }
            if p.lastLineStartsColumn { marks.append("孤行") }
            return [p.number.map(String.init) ?? "", Self.label(p.role), "\(p.characters)", "\(p.lines)", "\(p.bodyLines)",
                    "\(p.cutToSaveLine)", "\(p.addable)", marks.joined(separator: " ")]
        }
        let table = [header] + rows
        let widths = header.indices.map { c in table.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        return table.map { row in
            row.enumerated().map { c, cell in
                let fill = String(repeating: " ", count: widths[c] - DisplayWidth.of(cell))
                return c == 1 || c == row.count - 1 ? cell + fill : fill + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
    }

    static func label(_ role: BlockRole) -> String {
        switch role {
        case .kicker: return "引题"
        case .headline: return "主题"
        case .subheadline: return "副题"
        case .byline: return "署名"
        case .body: return "正文"
        }
    }

    static func label(_ flag: LineFlag) -> String {
        switch flag {
        case .pushedOut: return "推出"
        case .squeezed: return "挤进"
        case .loose: return "松排"
        case .overfull: return "超宽"
        }
    }

    /// `{"lines":…,"overset":…,"remaining":…,"columns":[…],"paragraphs":[…],…}`.
    public func json() -> String {
        var w = JSONWriter(lineBreakDepth: 2)
        w.beginObject()
        w.field("measure", measure)
        w.field("lines_per_column", linesPerColumn)
        w.field("column_count", columnCount)
        w.field("prohibition", prohibition.rawValue)
        w.field("resolution", resolution.rawValue)
        w.field("characters", characters)
        w.field("paragraph_count", paragraphCount)
        w.field("lines", lines)
        w.field("headline_lines", headlineLines)
        w.field("capacity", capacity)
        w.field("remaining", remaining)
        w.field("overset", overset)
        w.field("remaining_characters", remainingCharacters)
        w.field("overset_characters", oversetCharacters)
        w.field("addable", addable)
        w.key("columns")
        w.beginArray()
        for (i, c) in columns.enumerated() {
            w.beginObject(compact: true)
            w.field("column", i + 1)
            w.field("lines", c.lines)
            w.field("capacity", c.capacity)
            w.endObject()
        }
        w.endArray()
        w.key("paragraphs")
        w.beginArray()
        for p in paragraphs {
            w.beginObject(compact: true)
            w.field("block", p.block)
            w.field("number", p.number)
            w.field("role", p.role.rawValue)
            w.field("characters", p.characters)
            w.field("lines", p.lines)
            w.field("body_lines", p.bodyLines)
            w.field("cut_to_save_line", p.cutToSaveLine)
            w.field("addable", p.addable)
            w.field("orphan_character", p.orphanCharacter)
            w.field("last_line_starts_column", p.lastLineStartsColumn)
            w.endObject()
        }
        w.endArray()
        w.key("cut_order")
        w.beginArray(compact: true)
        for index in cutOrder { w.int(paragraphs[index].number ?? 0) }
        w.endArray()
        w.key("line_flags")
        w.beginObject(compact: true)
        for flag in LineFlag.allCases {
            w.key(Self.jsonKey(flag))
            w.int(lineFlags[flag] ?? 0)
        }
        w.endObject()
        w.endObject()
        return w.finish()
    }

    private static func jsonKey(_ flag: LineFlag) -> StaticString {
        switch flag {
        case .pushedOut: return "pushed_out"
        case .squeezed: return "squeezed"
        case .loose: return "loose"
        case .overfull: return "overfull"
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
