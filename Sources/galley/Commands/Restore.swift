import ArgumentParser
import GalleyCore

extension Galley {
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: "Make an old revision of an article the newest one (history is kept).")

        @Argument(help: "PATH@REV")
        var target: String

        @Option(name: .shortAndLong, help: "Revision message.")
        var message: String

        func run() throws {
            guard let at = target.lastIndex(of: "@"), at != target.startIndex, target.index(after: at) != target.endIndex else {
                throw GalleyError.usage("restore takes PATH@REV, e.g. articles/2026-11-27/a1-winter-heating.md@HEAD~1")
            }
            let newsroom = try openNewsroom()
            let path = String(target[..<at])
            let resolved = try newsroom.resolve(path, cwd: Output.currentDirectory(), mustExist: false)
            let result = try newsroom.restore(resolved, userPath: path, revision: String(target[target.index(after: at)...]), message: message)
            print(result.revision.hex)
        }
    }
}
