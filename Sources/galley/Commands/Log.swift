import ArgumentParser
import GalleyCore

extension Galley {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "List the revisions that changed an article, newest first.")

        @Argument(help: "Article file.")
        var path: String

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @Option(name: [.customShort("n"), .long], help: "Show at most this many revisions.")
        var maxCount: Int?

        @Flag(help: "Add the characters added and removed in the body by each revision (and moved, and fields changed).")
        var stat = false

        func run() throws {
            let newsroom = try openNewsroom()
            let resolved = try newsroom.resolve(path, cwd: Output.currentDirectory(), mustExist: false)
            let revisions = try newsroom.history(of: resolved.relative, limit: maxCount ?? Int.max)
            if revisions.isEmpty { throw GalleyError.notInHistory(path: resolved.relative) }
            var stats: [ChangeStat]?
            if stat {
                stats = try revisions.map { r throws(GalleyError) in
                    let (body, fields) = try newsroom.changeStatistics(of: resolved.relative, at: r.revision)
                    return ChangeStat(body: body, fields: fields)
                }
            }
            switch format {
            case .json: print(Self.json(revisions, stats: stats))
            case .text: print(Self.text(revisions, stats: stats), terminator: "")
            }
        }

        /// What `--stat` adds to a revision.
        struct ChangeStat {
            let body: DiffStatistics
            let fields: Int

            /// `+12 −5`, then `~86` for moved characters and `2f` for fields changed, when there are any.
            var column: String {
                var text = "+\(body.inserted) −\(body.deleted)"
                if body.moved > 0 { text += " ~\(body.moved)" }
                if fields > 0 { text += " \(fields)f" }
                return text
            }
        }

        static func text(_ revisions: [ArticleRevision], stats: [ChangeStat]? = nil) -> String {
            var out = ""
            let width = stats.map { $0.map(\.column.count).max() ?? 0 } ?? 0
            for (k, r) in revisions.enumerated() {
                let chars = r.characters.map { "\($0)字" } ?? (r.deleted ? "deleted" : "?")
                let delta = r.characterDelta.map { $0 >= 0 ? "+\($0)" : "\($0)" } ?? ""
                out += "\(r.revision.short)  \(r.author.iso8601.prefix(16).replacingT())  \(Output.pad(r.author.name, 8))  "
                out += "\(Output.pad(r.status ?? "-", 10))  \(Output.pad(chars, 7)) \(Output.pad(delta, 6))  "
                if let stats { out += Output.pad(stats[k].column, width) + "  " }
                out += "\(r.subject)\n"
            }
            return out
        }

        static func json(_ revisions: [ArticleRevision], stats: [ChangeStat]? = nil) -> String {
            let items = revisions.enumerated().map { k, r in
                var fields = [
                    "\"revision\":\(Output.json(r.revision.hex))", "\"author\":\(Output.json(r.author.name))",
                    "\"email\":\(Output.json(r.author.email))", "\"date\":\(Output.json(r.author.iso8601))",
                    "\"message\":\(Output.json(r.message))", "\"deleted\":\(r.deleted)",
                ]
                fields.append("\"status\":" + (r.status.map(Output.json) ?? "null"))
                fields.append("\"characters\":" + (r.characters.map(String.init) ?? "null"))
                fields.append("\"characters_delta\":" + (r.characterDelta.map(String.init) ?? "null"))
                if let s = stats?[k] {
                    fields.append("\"added\":\(s.body.inserted)")
                    fields.append("\"removed\":\(s.body.deleted)")
                    fields.append("\"moved\":\(s.body.moved)")
                    fields.append("\"fields_changed\":\(s.fields)")
                }
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
