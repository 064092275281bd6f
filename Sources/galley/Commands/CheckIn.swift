import ArgumentParser
import GalleyCore

extension Galley {
    struct CheckIn: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkin",
            abstract: "Validate article files and record them as one new revision.")

        @Argument(help: "Article files (articles/<issue>/<id>.md).")
        var paths: [String]

        @Option(name: .shortAndLong, help: "Revision message.")
        var message: String

        @Option(help: "Author as \"Name <email>\" (default: git config user.name/user.email).")
        var author: String?

        @Option(help: "Encoding of the files: utf-8 (default) or gb18030, converted to UTF-8.")
        var encoding: String = "utf-8"

        func run() throws {
            guard let enc = SourceEncoding(name: encoding) else { throw GalleyError.unsupportedEncoding(encoding) }
            let newsroom = try openNewsroom()
            var signature: Signature?
            if let author {
                let now = newsroom.defaultAuthor()
                guard let s = Signature.parse(author, time: now.time, offsetMinutes: now.offsetMinutes) else {
                    throw GalleyError.invalidAuthor(author)
                }
                signature = s
            }
            let result = try newsroom.checkIn(paths: paths, cwd: Output.currentDirectory(), message: message,
                                              author: signature, encoding: enc)
            for article in result.articles {
                for note in article.normalizations {
                    Output.stderr("galley: note: \(article.path.relative): \(note)")
                }
            }
            print(result.revision.hex)
        }
    }
}
