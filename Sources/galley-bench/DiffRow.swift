/// One line of the diff suite's table: a goal on a case, Galley's figure, the peers', the target, PASS/MISS.
struct DiffRow {
    let goal: String
    let caseName: String
    let measure: String
    let galley: String
    let peers: [String]
    let target: String
    let result: String

    static let small = ["a_small_edits", "b_rewrap", "b2_rewrap_ws", "c_move", "c2_move_reflow", "d_rewrite", "f_edits_reflow"]

    /// `a` for `a_small_edits`; other names as they are.
    static func short(_ name: String) -> String { name.contains("_") ? String(name.prefix { $0 != "_" }) : name }

    static func verdict(_ ok: Bool) -> String { ok ? "PASS" : "MISS" }

    /// The rows of every goal the suite measured.
    static func goals(_ s: DiffSuite) -> [DiffRow] {
        var rows: [DiffRow] = []
        let measured = s.galley.filter { $0.value.error == nil }
        func g(_ name: String) -> DiffFigures? { measured[name] }
        func peers(_ name: String, _ show: (DiffFigures) -> String) -> [String] {
            DiffBenchSetup.peers.map { peer in
                let f = DiffBenchSetup.figures(s.peers["\(name)|\(peer.tool)"])
                if let error = f.error { return error.contains("timeout") ? "timeout" : (error == "not run" ? "–" : "error") }
                return show(f)
            }
        }
        func add(_ goal: String, _ name: String, _ measure: String, _ galley: String, _ peerCells: [String], _ target: String, _ ok: Bool?) {
            rows.append(DiffRow(goal: goal, caseName: short(name), measure: measure, galley: galley, peers: peerCells, target: target,
                                result: ok.map(verdict) ?? ""))
        }
        let rwh: (DiffFigures) -> String = { "\($0.marked)/\($0.white)/\($0.hunks)" }

        // G1 layout invariance.
        for name in ["b_rewrap", "b2_rewrap_ws"] {
            guard let f = g(name) else { continue }
            let oneLine = s.layoutLine[name]?.hasPrefix("no textual change (layout only") == true
            add("G1", name, "R/W/H", rwh(f) + (oneLine ? " + line" : ""), peers(name, rwh), "0/0/0 + one line", f.marked == 0 && f.white == 0 && f.hunks == 0 && oneLine)
        }
        if let f = g("e3_1mb_rewrap") { add("G1", "e3_1mb_rewrap", "R/W/H", rwh(f), peers("e3_1mb_rewrap", rwh), "H ≤ 1", f.hunks <= 1 && f.marked == 0) }

        // G2 minimality, G3 one mark per edit.
        let editCases = ["a_small_edits", "f_edits_reflow", "e_1mb_edits", "e2_1mb_edits_reflow"]
        for name in editCases {
            guard let f = g(name), let t = s.truth[name], t.T > 0 else { continue }
            let ratio: (DiffFigures) -> String = { Format.fixed(Double($0.marked) / Double(t.T), 2) }
            add("G2", name, "R/T (T \(t.T))", ratio(f), peers(name, ratio), "≤ 1.30", Double(f.marked) <= 1.3 * Double(t.T))
        }
        for name in editCases {
            guard let f = s.plainAtoms[name], f.error == nil, let t = s.truth[name], t.T > 0 else { continue }
            add("G2", name, "R/T --no-atoms", Format.fixed(Double(f.marked) / Double(t.T), 2), peers(name) { _ in "" }, "≤ 1.02", Double(f.marked) <= 1.02 * Double(t.T))
        }
        for name in editCases {
            guard let f = g(name), let t = s.truth[name], t.sites > 0 else { continue }
            let h: (DiffFigures) -> String = { "\(Format.fixed(Double($0.hunks) / Double(t.sites), 2)) W\($0.white)" }
            add("G3", name, "H/sites, W (\(t.sites) sites)", h(f), peers(name, h), "≤ 1.05, W ≤ \(t.T / 100)",
                Double(f.hunks) <= 1.05 * Double(t.sites) && Double(f.white) <= 0.01 * Double(t.T))
        }

        // G4 compact output.
        for (name, limit) in [("f_edits_reflow", 1_100), ("e2_1mb_edits_reflow", 70_000)] {
            guard let f = g(name) else { continue }
            let out: (DiffFigures) -> String = { Format.count($0.outBytes) + " B" }
            add("G4", name, "-U0 bytes", out(f), peers(name, out), "≤ \(Format.count(limit)) B", f.outBytes <= limit)
        }

        // G5 moves.
        for name in ["c_move", "c2_move_reflow"] {
            guard let f = g(name), let t = s.truth[name] else { continue }
            let m: (DiffFigures) -> String = { "M\($0.moved) R\($0.marked)" }
            add("G5", name, "M, R", m(f), peers(name, m), "M \(t.moved), R 0", f.moved == t.moved && f.marked == 0)
        }

        // G6 readable rewrites.
        if let f = g("d_rewrite"), let t = s.truth["d_rewrite"] {
            let lone = s.loneHan["d_rewrite"] ?? 0
            let d: (DiffFigures) -> String = { "H\($0.hunks) W\($0.white) R/T \(Format.fixed(Double($0.marked) / Double(t.T), 2))" }
            add("G6", "d_rewrite", "H, W, R/T, lone 字", d(f) + " lone \(lone)", peers("d_rewrite", d), "H ≤ 12, W 0, R/T ≤ 1.3, lone 0",
                f.hunks <= 12 && f.white == 0 && lone == 0 && Double(f.marked) <= 1.3 * Double(t.T))
        }

        // G7 speed on 1 MB, G8 on a page.
        let ms: (DiffFigures) -> String = { Format.ms($0.ms) }
        let withCPU: (DiffFigures) -> String = { Format.ms($0.ms) + " [\(Format.fixed($0.cpuMs, 0))]" }
        for name in ["e_1mb_edits", "e2_1mb_edits_reflow", "e3_1mb_rewrap"] {
            guard let f = g(name) else { continue }
            add("G7", name, "median ms", withCPU(f), peers(name, ms), "≤ 150 ms", f.ms <= 150)
        }
        for name in small {
            guard let f = g(name) else { continue }
            add("G8", name, "median ms", withCPU(f), peers(name, ms), "≤ 20 ms", f.ms <= 20)
        }

        // G9 robustness.
        let cases = s.cases.filter { g($0) != nil }
        let notWorse = cases.filter { g($0)!.marked <= (s.paragraphLevel[$0] ?? 0) }
        add("G9", "all", "R ≤ paragraph-level R", "\(notWorse.count)/\(cases.count) cases", DiffBenchSetup.peers.map { _ in "" },
            "every case", notWorse.count == cases.count)
        for run in s.scale {
            let note = run.fallback.isEmpty ? "" : " (fell back)"
            add("G9", run.name, "wall ms" + note, Format.ms(run.ms), DiffBenchSetup.peers.map { _ in "" }, "≤ 2,000 ms", run.ms <= 2000)
            let perByte = Double(run.peakKiB) * 1024 / Double(run.bytes)
            add("G9", run.name, "peak RSS", "\(Format.fixed(Double(run.peakKiB) / 1024, 0)) MB (\(Format.fixed(perByte, 0))× input)",
                DiffBenchSetup.peers.map { _ in "" }, "≤ 40× input", perByte <= 40)
            add("G9", run.name, "R vs paragraph-level", "\(Format.count(run.marked)) ≤ \(Format.count(run.paragraphMarked))",
                DiffBenchSetup.peers.map { _ in "" }, "not worse", run.marked <= run.paragraphMarked)
        }
        return rows
    }
}
