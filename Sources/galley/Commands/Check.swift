import ArgumentParser
import GalleyCore
import GalleyPlugins
#if canImport(Glibc)
import Glibc
#endif

extension Galley {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Run the enabled plugins over articles and report findings.",
            discussion: """
                Checks the articles in the working tree (default: every file under articles/), as of a \
                revision (--rev), or each revision of a range (--each A..B; --each alone: all history). \
                Files outside a newsroom, or without front matter, get the rules that need neither.

                Exit status: 0 no error-level finding, 1 error-level findings or a failed plugin, \
                2 usage or input error.
                """)

        @Argument(help: "Article, Markdown or text files, or folders (default: articles/).")
        var paths: [String] = []

        @Option(help: "Check the files as of this revision instead of the working tree.")
        var rev: String?

        @Option(help: ArgumentHelp("Check every revision in RANGE (A..B, or a revision for its whole history).", valueName: "RANGE"))
        var each: String?

        @Option(help: "Output format: text, json or sarif.")
        var format: String = "text"

        @Flag(help: "Apply certain fixes of correctable rules to the working files (never commits).")
        var fix = false

        @Option(help: "Language of messages: zh (default) or en.")
        var lang: String = "zh"

        @Flag(help: "Neither read nor write the findings cache in refs/notes/galley.")
        var noCache = false

        func validate() throws {
            guard Reporters.named(format) != nil else {
                throw ValidationError("unknown format '\(format)' (choose text, json or sarif)")
            }
            guard Language(rawValue: lang) != nil else { throw ValidationError("unknown language '\(lang)' (choose zh or en)") }
            if each != nil && (rev != nil || fix) { throw ValidationError("--each cannot be combined with --rev or --fix") }
        }

        func run() throws {
            let newsroom = try? Newsroom.open(from: Output.currentDirectory())
            if let newsroom { Output.configurationWarnings(newsroom) }
            let checker = Checker(newsroom: newsroom, families: builtInFamilies)
            checker.useCache = !noCache
            let outcome: CheckOutcome
            if let each {
                let progress = isatty(2) == 1 ? Output.progress(unit: "revisions") : nil
                outcome = try checker.checkEach(range: each == "all" ? nil : each, paths: paths, cwd: Output.currentDirectory(),
                                                withSources: format == "text", progress: progress)
            } else {
                outcome = try checker.check(paths: paths, cwd: Output.currentDirectory(), revision: rev, fix: fix)
            }
            for w in outcome.warnings { Output.stderr("galley: warning: \(TerminalSafe.sanitize(w))") }
            for p in outcome.problems { Output.stderr("galley: error: \(p)") }
            if fix && outcome.fixesApplied > 0 {
                Output.stderr("galley: fixed \(counted(outcome.fixesApplied, "problem")) in \(counted(outcome.fixedFiles.count, "file")): \(outcome.fixedFiles.joined(separator: ", "))")
            }
            print(render(outcome, checker: checker), terminator: "")
            throw ExitCode(outcome.exitCode)
        }

        func render(_ outcome: CheckOutcome, checker: Checker) -> String {
            CheckReport.render(outcome, checker: checker, format: format, language: Language(rawValue: lang) ?? .zh,
                               color: Output.useColor(fd: 1))
        }
    }
}
