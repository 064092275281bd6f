import ArgumentParser
import GalleyCore
import GalleyPlugins
#if canImport(Glibc)
import Glibc
#endif

extension Galley {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Report the 差错率: weighted errors per 10,000 characters, per article and per issue.",
            discussion: """
                Runs the enabled plugins like galley check, then weighs each finding after 《报纸编校差错率计算方法》: \
                headline errors count double, one error repeated counts at most 3 times per issue, number-form \
                errors 0.1 each and at most 1 per issue, a wrong character 1 (2–5 characters 2, more 4); rules \
                for layout, format and advice count 0. galley.yml sets the pass mark and the weights:

                  report:
                    threshold: 3                 # errors per 10,000 characters (default 3)
                    weights: {terms.careful: 0, typography.dash-form: 0.5, house-style: char}

                Exit status: 0 every issue passes, 1 an issue fails (or a plugin failed), 2 usage or input error.
                """)

        @Argument(help: "Article files or folders (default: every article under articles/).")
        var paths: [String] = []

        @Option(help: ArgumentHelp("The articles of one issue: articles/DATE.", valueName: "DATE"))
        var issue: String?

        @Option(help: "Report on the files as of this revision instead of the working tree.")
        var rev: String?

        @Option(help: "Output format: text or json.")
        var format: String = "text"

        @Option(help: "Language of the text report: zh (default) or en.")
        var lang: String = "zh"

        @Flag(help: "Neither read nor write the findings cache in refs/notes/galley.")
        var noCache = false

        func validate() throws {
            guard ["text", "json"].contains(format) else { throw ValidationError("unknown format '\(format)' (choose text or json)") }
            guard Language(rawValue: lang) != nil else { throw ValidationError("unknown language '\(lang)' (choose zh or en)") }
            if let issue {
                guard CivilDate(iso: issue) != nil else { throw ValidationError("--issue takes a date YYYY-MM-DD, not '\(issue)'") }
                guard paths.isEmpty else { throw ValidationError("give either --issue or paths, not both") }
            }
        }

        func run() throws {
            let cwd = Output.currentDirectory()
            let newsroom = try? Newsroom.open(from: cwd)
            if let newsroom { Output.configurationWarnings(newsroom) }
            var targets = paths
            if let issue {
                guard let newsroom else { throw GalleyError.usage("--issue needs a newsroom repository") }
                let folder = "articles/" + issue
                if rev == nil, access(newsroom.root + "/" + folder, F_OK) != 0 {
                    throw GalleyError.usage("no articles for the issue \(issue): \(folder) does not exist")
                }
                targets = [newsroom.root + "/" + folder]
            }
            let checker = Checker(newsroom: newsroom, families: builtInFamilies)
            checker.useCache = !noCache
            let outcome = try checker.check(paths: targets, cwd: cwd, revision: rev)
            let settings = ErrorRateSettings.load(newsroom)
            for w in outcome.warnings + settings.warnings { Output.stderr("galley: warning: \(TerminalSafe.sanitize(w))") }
            for p in outcome.problems { Output.stderr("galley: error: \(p)") }
            let rates = ErrorRate.compute(outcome, settings: settings)
            let language = Language(rawValue: lang) ?? .zh
            print(format == "json" ? ErrorRate.json(rates, language: language) : ErrorRate.text(rates, language: language), terminator: "")
            if outcome.inputErrors > 0 { throw ExitCode(2) }
            if outcome.pluginFailures > 0 || rates.contains(where: { !$0.pass }) { throw ExitCode(1) }
        }
    }
}
