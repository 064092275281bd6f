import GalleyCore
import GalleyPlugins
#if canImport(Glibc)
import Glibc
#endif

/// The layout part of `galley demo`: one article's copyfit, then its PDF proof and ICML story.
extension Galley.Demo {
    func showLayout(_ newsroom: Newsroom) throws {
        let path = "articles/2026-11-27/a1-hightech-park.md"
        guard access(newsroom.root + "/" + path, F_OK) == 0 else { return }
        let settings = LayoutSettings(measure: 13, linesPerColumn: 40, columns: 3)
        print("\n== galley fit \(path) --measure 13 --lines 40 --columns 3")
        print("(set on the grid under the CLREQ line-start and line-end rules: does it fit three columns of 40 lines?)")
        // Read and set once: the copyfit and both exports show the same story.
        let file = try StoryFile.read(path, cwd: newsroom.root)
        let story = file.typeset(settings)
        print(Copyfit(story).text(title: path), terminator: "")

        // Exports go to exports/, which the newsroom's .git/info/exclude keeps out of `git status`.
        let folder = newsroom.root + "/exports"
        _ = mkdir(folder, 0o755)
        try Self.exclude("/exports/", in: newsroom)
        for format in ["pdf", "icml"] {
            guard let exporter = builtInExporters.first(where: { $0.format == format }) else { continue }
            let output = "exports/a1-hightech-park.\(format)"
            let options = try exporter.resolvedOptions(format == "pdf" ? [(name: "grid", value: "on")] : [])
            let job = ExportJob(frontMatter: file.article.frontMatter, text: file.text, story: story, options: options)
            let bytes = try exporter.init().export(job)
            try ExportJob.write(bytes, to: output, cwd: newsroom.root)
            print("\n== galley export \(path) --measure 13 --lines 40 --columns 3 -o \(output)\(format == "pdf" ? " --option grid=on" : "")")
            print(format == "pdf"
                ? "wrote \(output) (\(bytes.count / 1024) KB): A4 proof with the cell grid, Noto Serif/Sans CJK SC embedded as subsets, text selectable"
                : "wrote \(output) (\(bytes.count / 1024) KB): an InCopy story with the paragraph styles 引题/主题/副题/正文 and a 电头 character style, to place in InDesign")
        }
    }

    static func exclude(_ pattern: String, in newsroom: Newsroom) throws {
        let file = newsroom.root + "/.git/info/exclude"
        _ = mkdir(newsroom.root + "/.git/info", 0o755)
        guard let handle = fopen(file, "a") else { return }
        defer { fclose(handle) }
        fputs(pattern + "\n", handle)
    }
}
