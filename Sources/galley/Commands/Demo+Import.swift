import GalleyCore
import GalleyPlugins

/// The import part of `galley demo`: pages extracted from PDFs become articles, then get checked.
extension Galley.Demo {
    func showImports(_ newsroom: Newsroom, workspace: String) throws {
        let pages = GalleyCore.Demo.pagesToImport(workspace: workspace, newsroomRoot: newsroom.root)
        if !pages.contains(where: { $0.display.hasSuffix("000_582f17a897ff82ac.txt") }) {
            print("\n(../shared/samples/000_582f17a897ff82ac.txt is absent: the real page is not imported)")
        }
        for page in pages {
            print("\n== galley import \(page.display) --issue \(page.issue.iso) --page \(page.page)")
            print("(column lines rejoined, justification spaces removed, pieces cut at their openings, headlines attached)")
            let source = try PageImporter.readSource(page.display, cwd: newsroom.root)
            let result = PageImporter.read(source.text, options: ImportOptions(issue: page.issue, page: page.page))
            let name = page.display.split(separator: "/").last.map(String.init) ?? page.display
            let revision = try newsroom.checkIn(result, sourceName: name, sourceBytes: source.bytes, message: nil).revision
            print(result.text(), terminator: "")
            print("checked in \(result.articles.count) articles as \(revision.short) (trailers: Galley-Import-Source, Galley-Import-SHA256)")

            let folder = "articles/\(page.issue.iso)"
            print("\n== galley check \(folder)   (the imported articles)")
            if page.display.hasPrefix("/") {
                print("(the real page comes from another paper: its reporters are not in this newsroom's staff.yml)")
            }
            let checker = Checker(newsroom: newsroom, families: builtInFamilies)
            let outcome = try checker.check(paths: result.articles.map { "\(folder)/\($0.id).md" }, cwd: newsroom.root)
            printOutcome(outcome, checker)
        }
    }
}
