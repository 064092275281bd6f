import GalleyCore
import GalleyPlugins

/// The 差错率 part of `galley demo`: the issue's report, as `galley report --issue DATE` prints it.
extension Galley.Demo {
    func showReport(_ newsroom: Newsroom) throws {
        let issues = Set(try newsroom.articleIndex().values.compactMap { path -> String? in
            let parts = path.split(separator: "/")
            return parts.count == 3 && parts[0] == "articles" ? String(parts[1]) : nil
        })
        for issue in issues.sorted() {
            print("\n== galley report --issue \(issue)   (差错率: weighted errors per 10,000 characters, pass at ≤ 3)")
            let checker = Checker(newsroom: newsroom, families: builtInFamilies)
            let outcome = try checker.check(paths: [newsroom.root + "/articles/" + issue], cwd: newsroom.root)
            let settings = ErrorRateSettings.load(newsroom)
            for w in settings.warnings { print("galley: warning: \(TerminalSafe.sanitize(w))") }
            print(ErrorRate.text(ErrorRate.compute(outcome, settings: settings)), terminator: "")
        }
    }
}
