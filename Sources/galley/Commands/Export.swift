import ArgumentParser
import GalleyCore
import GalleyPlugins
#if canImport(Glibc)
import Glibc
#endif

extension Galley {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Set an article on the layout grid and export it: text galley, PDF proof, ICML story or HTML preview.",
            discussion: """
                PATH is an article file or a plain text file (paragraphs separated by blank lines), inside a \
                newsroom or not. The story is set in C columns of N characters and L lines (the headline block \
                across the top); lines past C × L go on further pages of the PDF.

                Without -o, txt, icml and html go to standard output; pdf goes to standard output only when it \
                is not a terminal (a pipe or a file). 'galley plugins' lists each format's options.

                Exit status: 0 written, 2 bad input (unknown format or option, unreadable article, no font, \
                unwritable output).
                """)

        @Argument(help: "Article or plain text file.")
        var path: String

        @Option(help: "txt, pdf, icml or html (default: from the -o file's extension, else txt).")
        var format: String?

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
        var output: String?

        @OptionGroup var grid: GridOptions

        @Option(name: .customLong("option"), help: ArgumentHelp("An exporter option, e.g. page=a3 or grid=on (repeatable).", valueName: "name=value"))
        var options: [String] = []

        func validate() throws {
            if options.contains(where: { !$0.contains("=") }) { throw ValidationError("--option takes name=value") }
        }

        func run() throws {
            let exporter = try chosenExporter()
            let given = options.map { pair in
                let eq = pair.firstIndex(of: "=")!
                return (name: String(pair[..<eq]), value: String(pair[pair.index(after: eq)...]))
            }
            let resolved = try exporter.resolvedOptions(given)
            if output == nil, exporter.format == "pdf", isatty(1) == 1 {
                throw GalleyError.usage("a PDF is not for the terminal: write it with -o FILE.pdf, or pipe it")
            }
            let cwd = Output.currentDirectory()
            let settings = try grid.settings(cwd: cwd)
            let job = try ExportJob.load(path, cwd: cwd, settings: settings, options: resolved)
            let bytes = try exporter.init().export(job)
            if let output {
                try ExportJob.write(bytes, to: output, cwd: cwd)
            } else {
                Output.stdout(bytes)
            }
        }

        /// --format, else the -o file's extension, else txt.
        func chosenExporter() throws -> any Exporter.Type {
            var known: [String] = []
            for exporter in builtInExporters { known.append(exporter.format) }
            var name = format ?? "txt"
            if format == nil, let output, let ext = known.first(where: { output.lowercased().hasSuffix("." + $0) }) { name = ext }
            for exporter in builtInExporters where exporter.format == name { return exporter }
            throw GalleyError.usage("unknown format '\(name)' (choose \(known.joined(separator: ", ")))")
        }
    }
}
