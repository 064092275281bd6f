import ArgumentParser
import GalleyCore
#if canImport(Glibc)
import Glibc
#endif

extension Galley {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Compare two versions of an article: field by field, then the body character by character.",
            discussion: """
                galley diff PATH                 the working file against HEAD when it is modified, else the last two revisions
                galley diff PATH REV             REV against the working file
                galley diff PATH REV_A REV_B     REV_A against REV_B (any revision: an id prefix, HEAD~2, main)
                galley diff --files A B          any two text files, inside a newsroom or not

                Layout is not a change: hard line breaks inside a paragraph and spaces beside Chinese characters \
                are taken out before comparing, so a re-wrap alone reports "no textual change (layout only)". \
                Numbers and Latin words are compared whole. Moved paragraphs and sentences are reported as moves.

                Exit status: 0, or with --exit-code 1 when the text differs; 2 for bad input.
                """)

        @Argument(help: "PATH [REV_A [REV_B]], or with --files two files.")
        var arguments: [String] = []

        @Flag(help: "Compare two files given by path.")
        var files = false

        @Option(help: "Output format: terminal, word, unified, html or json.")
        var format: String = "terminal"

        @Option(help: "Lines (terminal) or paragraphs (unified) of unchanged text around each change.")
        var context: Int = 1

        @Flag(name: .customLong("no-atoms"), help: "Compare digits and Latin letters one by one instead of whole numbers and words.")
        var noAtoms = false

        @Flag(name: .customLong("no-moves"), help: "Report moved text as deleted and inserted.")
        var noMoves = false

        @Option(name: .customLong("time-limit"), help: "Seconds the comparison may take (reading included); regions not refined by then stay at sentence or paragraph granularity.")
        var timeLimit: Double = 1

        @Option(help: "Colour for the terminal format: auto, always or never.")
        var color: String = "auto"

        @Flag(name: .customLong("exit-code"), help: "Exit with status 1 when the text differs (a layout-only change is not a difference).")
        var exitCode = false

        func validate() throws {
            guard DiffFormat(rawValue: format) != nil else {
                throw ValidationError("unknown format '\(format)' (choose terminal, word, unified, html or json)")
            }
            guard ["auto", "always", "never"].contains(color) else {
                throw ValidationError("unknown colour choice '\(color)' (choose auto, always or never)")
            }
            if files {
                guard arguments.count == 2 else { throw ValidationError("--files takes two files: galley diff --files A B") }
            } else {
                guard (1...3).contains(arguments.count) else { throw ValidationError("usage: galley diff PATH [REV_A [REV_B]] or galley diff --files A B") }
            }
            guard timeLimit.isFinite, timeLimit >= 0, timeLimit <= 3600 else { throw ValidationError("--time-limit takes seconds between 0 and 3600") }
            guard context >= 0, context <= 1000 else { throw ValidationError("--context takes a number between 0 and 1000") }
        }

        func run() throws {
            let started = DiffOptions.now()
            let cwd = Output.currentDirectory()
            let old: DiffSide, new: DiffSide
            if files {
                old = try DiffSide.file(arguments[0], cwd: cwd)
                new = try DiffSide.file(arguments[1], cwd: cwd)
            } else {
                let newsroom = try openNewsroom()
                let resolved = try newsroom.resolve(arguments[0], cwd: cwd, mustExist: false)
                (old, new) = try newsroom.diffSides(resolved, revisions: Array(arguments.dropFirst()))
            }
            var options = DiffOptions(atoms: !noAtoms, moves: !noMoves)
            options.timeLimit = timeLimit
            options.started = started
            let diff = ArticleDiffer.diff(old: old.text, new: new.text, oldLabel: old.label, newLabel: new.label, options: options)
            let useColor = color == "always" || (color == "auto" && Output.useColor(fd: 1))
            let text = DiffFormat(rawValue: format)!.render(diff, color: useColor, context: context)
            Output.stdout(text)
            if exitCode, diff.hasTextChanges { throw ExitCode(1) }
        }
    }
}
