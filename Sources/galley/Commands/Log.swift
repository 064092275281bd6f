import ArgumentParser
import GalleyCore

extension Galley {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the revisions that changed an article, newest first.")

        @Argument(help: "Article file.")
        var path: String

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @Option(name: [.customShort("n"), .long], help: "Show at most this many revisions.")
        var maxCount: Int?

        func run() throws {
            let newsroom = try openNewsroom()
            let resolved = try newsroom.resolve(path, cwd: Output.currentDirectory(), mustExist: false)
            let revisions = try newsroom.history(of: resolved.relative, limit: maxCount ?? Int.max)
            if revisions.isEmpty { throw GalleyError.pathNotInRevision(path: resolved.relative, revision: "HEAD history") }
            switch format {
            case .json: print(Self.json(revisions))
            case .text: print(Self.text(revisions), terminator: "")
            }
        }

        static func text(_ revisions: [ArticleRevision]) -> String {
            var out = ""
            for r in revisions {
                let chars = r.characters.map { "\($0)字" } ?? (r.deleted ? "deleted" : "?")
                let delta = r.characterDelta.map { $0 >= 0 ? "+\($0)" : "\($0)" } ?? ""
                out += "\(r.revision.short)  \(r.author.iso8601.prefix(16).replacingT())  \(Output.pad(r.author.name, 8))  "
                out += "\(Output.pad(r.status ?? "-", 10))  \(Output.pad(chars, 7)) \(Output.pad(delta, 6))  \(r.subject)\n"
            }
            return out
        }

        static func json(_ revisions: [ArticleRevision]) -> String {
            let items = revisions.map { r in
                var fields = [
                    "\"revision\":\(Output.json(r.revision.hex))", "\"author\":\(Output.json(r.author.name))",
                    "\"email\":\(Output.json(r.author.email))", "\"date\":\(Output.json(r.author.iso8601))",
                    "\"message\":\(Output.json(r.message))", "\"deleted\":\(r.deleted)",
                ]
                fields.append("\"status\":" + (r.status.map(Output.json) ?? "null"))
                fields.append("\"characters\":" + (r.characters.map(String.init) ?? "null"))
                fields.append("\"characters_delta\":" + (r.characterDelta.map(String.init) ?? "null"))
                return "{" + fields.joined(separator: ",") + "}"
            }
            return "[" + items.joined(separator: ",\n") + "]"
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension Substring {
    func replacingT() -> String { String(map { $0 == "T" ? " " : $0 }) }
}
