import ArgumentParser
import GalleyCore

extension Galley {
    struct Fit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fit",
            abstract: "Copyfit: set a story on the grid and say whether it fits C columns of L lines.",
            discussion: """
                Sets the article (or a plain text file, paragraphs separated by blank lines) N characters wide \
                under the CLREQ line-start and line-end rules, with a two-cell indent and half-width digits, and \
                reports 字数, paragraphs, lines per paragraph and per column, 缺行 (lines left) or 超版 (lines \
                over), how many characters cut save each paragraph's last line, how many can be added without a \
                new line, and the flags 孤字 and 孤行. Kicker, headline and subheadline count as the body lines \
                they occupy (占行: 2, 3 and 2 lines per line set).

                Exit status: 0 the report was printed (whether or not the story fits); 2 usage or input error.
                """)

        @Argument(help: "An article file or a plain text file.")
        var path: String

        @OptionGroup var grid: GridOptions

        @Option(help: "Output format: text or json.")
        var format: String = "text"

        func run() throws {
            let settings = try grid.settings(cwd: Output.currentDirectory())
            guard ["text", "json"].contains(format) else { throw GalleyError.usage("unknown format '\(format)' (choose text or json)") }
            let story = try StoryFile.read(path, cwd: Output.currentDirectory())
            let copyfit = Copyfit(story.typeset(settings))
            Output.stdout(format == "json" ? copyfit.json() : copyfit.text(title: path))
        }
    }
}
