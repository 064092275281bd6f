import GalleyCore

/// The diff part of `galley demo`: what each revision of the sample issue changed, read as an editor reads it.
extension Galley.Demo {
    func showDiffs(_ newsroom: Newsroom) throws {
        let heating = "articles/2026-11-27/a1-winter-heating.md"
        let log = try newsroom.history(of: heating)
        guard log.count >= 3 else { return }
        print("\n== galley log \(heating) --stat   (characters added, removed and moved by each revision; f = fields changed)")
        let stats = try log.map { r throws(GalleyError) in
            let (body, fields) = try newsroom.changeStatistics(of: heating, at: r.revision)
            return Galley.Log.ChangeStat(body: body, fields: fields)
        }
        print(Galley.Log.text(log, stats: stats), terminator: "")

        print("\n== galley diff \(heating) \(log[2].revision.short) \(log[1].revision.short)")
        print("(the desk edit: a new lead sentence, a changed source, two paragraphs swapped, the status moved on)")
        try printDiff(newsroom, heating, log[2].revision.hex, log[1].revision.hex)

        print("\n== galley diff \(heating)   (the last two revisions: the proofreader's marks)")
        try printDiff(newsroom, heating, log[1].revision.hex, log[0].revision.hex)

        let promotion = "articles/2026-11-27/a2-beijing-promotion.md"
        let layout = try newsroom.history(of: promotion)
        if layout.count >= 2 {
            print("\n== galley diff \(promotion)   (layout staff re-wrapped the copy to the column width)")
            try printDiff(newsroom, promotion, layout[1].revision.hex, layout[0].revision.hex)
        }
    }

    private func printDiff(_ newsroom: Newsroom, _ path: String, _ old: String, _ new: String) throws {
        let resolved = try newsroom.resolve(path, cwd: newsroom.root, mustExist: false)
        let (a, b) = try newsroom.diffSides(resolved, revisions: [old, new])
        let diff = ArticleDiffer.diff(old: a.text, new: b.text, oldLabel: a.label, newLabel: b.label)
        print(DiffFormat.terminal.render(diff, color: Output.useColor(fd: 1), context: 0), terminator: "")
    }
}
