import ArgumentParser
import GalleyCore
import GalleyPlugins
#if canImport(Glibc)
import Glibc
#endif

@main
struct Galley: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "galley",
        abstract: "Editorial toolkit for Chinese-language newspapers: versioned articles in git.",
        discussion: "Global option: -C DIR runs as if galley was started in DIR (as with git).",
        version: "0.1.0",
        subcommands: [Init.self, CheckIn.self, Import.self, Check.self, Report.self, Fit.self, Plugins.self, Log.self, Diff.self, Show.self, Status.self, Restore.self, Export.self, Doctor.self, Demo.self])

    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        // `-C DIR` before the subcommand, like git; repeatable, each relative to the previous.
        while arguments.count >= 2, arguments[0] == "-C" {
            if chdir(arguments[1]) != 0 {
                Output.error(GalleyError.fileNotFound(path: arguments[1]))
                Glibc.exit(2)
            }
            arguments.removeFirst(2)
        }
        arguments = defaultEachRange(arguments)
        do {
            if arguments.first == "checkin" {
                // The gate's rosters and term lists are made on the second core while this one parses the
                // arguments, opens the newsroom and reads the articles.
                Checker.warmNewsroomLists(from: Output.currentDirectory(), families: builtInFamilies)
                // `checkin` runs once per article, often from scripts: its plain forms are read without
                // swift-argument-parser (CheckIn+QuickParse), the rest by the command alone, without building
                // every subcommand's definition (a millisecond of runtime type lookups). Whatever neither
                // accepts (help, errors) goes through the full parser, so those read exactly as before.
                let words = Array(arguments.dropFirst())
                if let request = CheckInRequest(quick: words) ?? (try? CheckIn.parse(words))?.request {
                    try request.run()
                    return
                }
            }
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let error as GalleyError {
            Output.error(error)
            Glibc.exit(2)
        } catch let code as ExitCode {
            Glibc.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Glibc.exit(0)
            }
            if let code = error as? ExitCode { Glibc.exit(code.rawValue) }
            Output.stderr(fullMessage(for: error))
            Glibc.exit(2)
        }
    }
}

/// `--each` may stand alone (all history): give it the value `all` when the next word is missing,
/// an option, or an existing file rather than a range.
func defaultEachRange(_ arguments: [String]) -> [String] {
    guard let i = arguments.firstIndex(of: "--each") else { return arguments }
    var out = arguments
    let next = i + 1 < arguments.count ? arguments[i + 1] : nil
    if let next, !next.hasPrefix("-"), next.contains("..") || access(next, F_OK) != 0 { return out }
    out.insert("all", at: i + 1)
    return out
}
