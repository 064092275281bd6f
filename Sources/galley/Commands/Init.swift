import ArgumentParser
import GalleyCore

extension Galley {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a newsroom repository (git, branch main, galley.yml, first commit).")

        @Argument(help: "Folder to create the newsroom in.")
        var directory: String = "."

        func run() throws {
            let newsroom = try Newsroom.create(at: directory)
            print("Initialised Galley newsroom in \(newsroom.root)")
        }
    }
}
