import ArgumentParser
import GalleyCore

extension Galley {
    struct Fit: ParsableCommand {
        static let configuration = CommandConfiguration(
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

        @Option(help: "Characters per line (the measure, 栏宽; default: galley.yml's layout.measure, else 13).")
        var measure: Int?

        @Option(help: "Lines per column (default: layout.lines, else 70).")
        var lines: Int?

        @Option(help: "Columns the story is given (default: layout.columns, else 1).")
        var columns: Int?

        @Option(help: "Line-start and line-end rules: basic, gb or strict (default: layout.prohibition, else gb).")
        var prohibition: String?

        @Option(help: "How a prohibited break is settled: push-out (as the sample page does) or squeeze (default: layout.resolution, else push-out).")
        var resolution: String?

        @Option(help: "Output format: text or json.")
        var format: String = "text"

        func run() throws {
            let settings = try layoutSettings()
            guard ["text", "json"].contains(format) else { throw GalleyError.usage("unknown format '\(format)' (choose text or json)") }
            let story = try StoryFile.read(path, cwd: Output.currentDirectory())
            let copyfit = Copyfit(story.typeset(settings))
            Output.stdout(format == "json" ? copyfit.json() : copyfit.text(title: path))
        }

        private func layoutSettings() throws(GalleyError) -> LayoutSettings {
            let defaults = LayoutDefaults.load(from: Output.currentDirectory())
            for w in defaults.warnings { Output.stderr("galley: warning: \(w)") }
            var settings = defaults.settings
            if let measure {
                guard (1...1000).contains(measure) else { throw .usage("--measure takes a number of characters between 1 and 1000, not \(measure)") }
                settings.measure = measure
            }
            if let lines {
                guard (1...100_000).contains(lines) else { throw .usage("--lines takes a number of lines between 1 and 100000, not \(lines)") }
                settings.linesPerColumn = lines
            }
            if let columns {
                guard (1...1000).contains(columns) else { throw .usage("--columns takes a number between 1 and 1000, not \(columns)") }
                settings.columns = columns
            }
            if let prohibition {
                guard let level = ProhibitionLevel(rawValue: prohibition) else {
                    throw .usage("unknown --prohibition '\(prohibition)' (choose basic, gb or strict)")
                }
                settings.prohibition = level
            }
            if let resolution {
                guard let mode = ProhibitionResolution(rawValue: resolution) else {
                    throw .usage("unknown --resolution '\(resolution)' (choose push-out or squeeze)")
                }
                settings.resolution = mode
            }
            return settings
        }
    }
}
