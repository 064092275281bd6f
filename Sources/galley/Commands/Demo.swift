import ArgumentParser
import GalleyCore
#if canImport(Glibc)
import Glibc
#endif

extension Galley {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "demo",
            abstract: "Build a sample newsroom from Workspace/ and show what Galley does.")

        @Argument(help: "Folder to create (default: a new galley-demo-N folder here).")
        var directory: String?

        @Option(help: "The sample Workspace/ folder (default: found next to this program).")
        var workspace: String?

        func run() throws {
            let cwd = Output.currentDirectory()
            let source = try GalleyCore.Demo.locateWorkspace(explicit: workspace, cwd: cwd, executable: CommandLine.arguments[0])
            let target = directory ?? Self.freshFolder(in: cwd)
            print("== Galley demo: sample newsroom from \(source)")
            let newsroom = try GalleyCore.Demo.run(workspace: source, into: target, cwd: cwd) { print($0) }
            print("\n== Articles of the issue (page, id, 字数, paragraphs, revisions, headline)")
            let index = try newsroom.articleIndex()
            // Each article's history is walked once and reused for the busiest article's log below.
            var busiest: (path: String, log: [ArticleRevision])?
            for (id, path) in index.sorted(by: { $0.value < $1.value }) {
                let text = String(decoding: try newsroom.contents(of: path, at: "HEAD"), as: UTF8.self)
                guard let article = try? ArticleParser.parse(text, path: path), let fm = article.frontMatter else { continue }
                let log = try newsroom.history(of: path)
                if log.count > (busiest?.log.count ?? 0) { busiest = (path, log) }
                let revisions = log.count
                print("\(Output.pad(fm.page, 4)) \(Output.pad(id, 24)) \(Output.pad(String(article.characterCount), 5)) \(Output.pad(String(article.paragraphs.count), 3)) \(revisions)  \(fm.headline)")
            }
            if let busiest {
                print("\n== galley log \(busiest.path)")
                print(Log.text(busiest.log), terminator: "")
            }
            try showDiffs(newsroom)
            try showPlugins(newsroom)
            try showImports(newsroom, workspace: source)
            try showLayout(newsroom)
            let rel = FileSystem_relative(newsroom.root, cwd)
            let exe = Self.programPath()
            print("""

                == Try next
                  alias galley=\(exe)
                  cd \(rel)
                  galley status                      # nothing changed yet
                  galley check --format sarif        # findings for code-scanning tools
                  galley check --each HEAD~3..HEAD   # attribution over a range
                  galley plugins                     # plugins and rules
                  galley log <article.md> --format json
                  galley show <article.md>@HEAD~1    # an older revision
                  galley diff <article.md>           # what the last revision changed (--format word, unified, html, json)
                  galley log <article.md> --stat     # characters added and removed by each revision
                  galley import pages/2026-11-26-A5.txt --issue 2026-11-26 --page A5 --dry-run --format json
                  galley fit <article.md> --measure 13 --lines 70 --columns 2 --format json
                  galley export <article.md> --format html -o exports/preview.html   # or txt, pdf, icml
                  pdftoppm -r 100 -png exports/a1-hightech-park.pdf exports/proof    # look at the PDF proof
                  git log --stat && git fsck --strict  # plain git agrees
                """)
        }

        /// This program's absolute path, so the suggested commands work without installing galley.
        static func programPath() -> String {
            var buffer = [CChar](repeating: 0, count: 4096)
            let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
            return n > 0 ? String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
        }

        static func freshFolder(in cwd: String) -> String {
            var n = 1
            while access(cwd + "/galley-demo-\(n)", F_OK) == 0 { n += 1 }
            return "galley-demo-\(n)"
        }
    }
}

func FileSystem_relative(_ path: String, _ cwd: String) -> String {
    path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
}
