import ArgumentParser
import GalleyCore

extension Galley {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Turn the text of a PDF newspaper page into articles, checked in as one revision.",
            discussion: """
                Joins the column lines, rejoins paragraphs a column break split, removes the spaces justification \
                put between characters, cuts the page at its openings (本报讯（…）, 本报…电, 新华社…电, a lone \
                本报记者 X line) and attaches each headline block to its article. Whatever it is unsure about is \
                printed as a warning with its source line. Articles are written to articles/<issue>/<id>.md, ids \
                <yyyymmdd>-<page>-<nn>; the revision's trailers name the source file and its SHA-256.

                Exit status: 0 imported (warnings or not), 2 usage or input error (nothing written).
                """)

        @Argument(help: "Text extracted from one PDF page (e.g. pdftotext output).")
        var file: String

        @Option(help: ArgumentHelp("Date of the paper.", valueName: "YYYY-MM-DD"))
        var issue: String

        @Option(help: "版次 of the page, e.g. A2.")
        var page: String = "1"

        @Option(help: "Section written to every article.")
        var section: String = "待定"

        @Option(help: "Where the page prints headlines: before or after their articles, or auto (before when the page starts with one).")
        var headlines: String = "auto"

        @Flag(help: "Print what would be imported; write nothing.")
        var dryRun = false

        @Option(help: "Output format: text or json.")
        var format: String = "text"

        @Option(help: "Encoding of the file: utf-8 (default) or gb18030.")
        var encoding: String = "utf-8"

        @Option(name: .shortAndLong, help: "Revision message (default: Import FILE: N articles …).")
        var message: String?

        @Option(help: "Author as \"Name <email>\" (default: git config user.name/user.email).")
        var author: String?

        func validate() throws {
            guard CivilDate(iso: issue) != nil else { throw ValidationError("--issue takes a date YYYY-MM-DD, not '\(issue)'") }
            guard HeadlineSide(rawValue: headlines) != nil else { throw ValidationError("--headlines takes auto, before or after, not '\(headlines)'") }
            guard ["text", "json"].contains(format) else { throw ValidationError("unknown format '\(format)' (choose text or json)") }
            guard !page.isEmpty, !page.contains(where: \.isNewline) else { throw ValidationError("--page must be one line, e.g. A2") }
        }

        func run() throws {
            guard let enc = SourceEncoding(name: encoding) else { throw GalleyError.unsupportedEncoding(encoding) }
            let cwd = Output.currentDirectory()
            let source = try PageImporter.readSource(file, cwd: cwd, encoding: enc)
            let options = ImportOptions(issue: CivilDate(iso: issue)!, page: page, section: section,
                                        headlineSide: HeadlineSide(rawValue: headlines)!)
            let result = PageImporter.read(source.text, options: options)
            var revision: String?
            if !dryRun {
                let newsroom = try openNewsroom()
                let signature = try authorSignature(author, newsroom)
                let name = file.split(separator: "/").last.map(String.init) ?? file
                revision = try newsroom.checkIn(result, sourceName: name, sourceBytes: source.bytes, message: message, author: signature).revision.hex
            }
            if format == "json" {
                Output.stdout(result.json(revision: revision))
            } else {
                var text = result.text()
                if let revision { text += "\n已入库：\(result.articles.count) 篇，修订 \(revision)\n" } else { text += "\n（--dry-run：未写入）\n" }
                Output.stdout(text)
            }
        }
    }
}
