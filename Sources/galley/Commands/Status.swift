import ArgumentParser
import GalleyCore

extension Galley {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "List article files that are new, modified or deleted against HEAD.")

        func run() throws {
            let newsroom = try openNewsroom()
            let changes = try newsroom.status()
            if changes.isEmpty {
                print("No changed articles.")
                return
            }
            for change in changes {
                print("\(Output.pad(change.change.rawValue + ":", 10)) \(change.path)")
            }
        }
    }
}
