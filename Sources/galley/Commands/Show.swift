import ArgumentParser
import GalleyCore

extension Galley {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print an article file as of a revision (PATH@REV; default HEAD).")

        @Argument(help: "PATH or PATH@REV, REV any git revision: id prefix, HEAD~2, main.")
        var target: String

        func run() throws {
            var path = target
            var revision = "HEAD"
            if let at = target.lastIndex(of: "@"), at != target.startIndex {
                path = String(target[..<at])
                revision = String(target[target.index(after: at)...])
                if revision.isEmpty { revision = "HEAD" }
            }
            let newsroom = try openNewsroom()
            let resolved = try newsroom.resolve(path, cwd: Output.currentDirectory(), mustExist: false)
            let bytes = try newsroom.contents(of: resolved.relative, at: revision)
            print(String(decoding: bytes, as: UTF8.self), terminator: "")
        }
    }
}
