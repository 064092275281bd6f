import ArgumentParser
import GalleyCore

extension Galley {
    struct Doctor: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "doctor",
            abstract: "Find and clear stale lock files left by a crashed git or galley process.")

        @Option(help: "Only remove locks at least this many seconds old.")
        var minimumAge: Int = 60

        func run() throws {
            let newsroom = try openNewsroom()
            let (removed, kept) = newsroom.clearStaleLocks(minimumAge: minimumAge)
            for path in removed { print("removed stale lock \(path)") }
            for (path, age) in kept {
                print("kept \(path): only \(age) s old, a git or galley process may still hold it")
            }
            if removed.isEmpty && kept.isEmpty { print("No lock files; the repository is healthy.") }
        }
    }
}
