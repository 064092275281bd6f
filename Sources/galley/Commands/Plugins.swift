import ArgumentParser
import GalleyCore
import GalleyPlugins

extension Galley {
    struct Plugins: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plugins",
            abstract: "List plugins and their rules, run their examples, and trust external plugins.",
            subcommands: [List.self, Test.self, Trust.self, Untrust.self],
            defaultSubcommand: List.self)

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list", abstract: "List built-in and external plugins with their rules.")

            @Option(help: "Language of summaries: zh (default) or en.")
            var lang: String = "zh"

            func run() throws {
                let language = Language(rawValue: lang) ?? .zh
                let newsroom = try? Newsroom.open(from: Output.currentDirectory())
                if let newsroom { Output.configurationWarnings(newsroom) }
                let catalog = PluginCatalog(newsroom: newsroom, families: builtInFamilies)
                for plugin in catalog.plugins() {
                    print("\(plugin.id) \(plugin.version)  \(plugin.kindLabel)  \(TerminalSafe.sanitize(plugin.summary?.text(language) ?? ""))")
                    if let problem = plugin.problem { print("  (\(TerminalSafe.sanitize(problem)))") }
                    let width = plugin.rules.map { DisplayWidth.of($0.id) }.max() ?? 0
                    for rule in plugin.rules {
                        let state = rule.enabled ? rule.severity.rawValue : "off"
                        print("  \(Output.pad(rule.id, width))  \(Output.pad(state, 7))  \(TerminalSafe.sanitize(rule.summary.text(language)))")
                    }
                }
                printExporters(language)
            }

            /// The exporters of `galley export`: format, id, summary, then each option with its default.
            func printExporters(_ language: Language) {
                print("exporters  built-in  galley export --format FORMAT [--option name=value]")
                for exporter in builtInExporters {
                    print("  \(Output.pad(exporter.format, 5))  \(Output.pad(exporter.id, 12))  \(exporter.summary.text(language))")
                    for option in exporter.options {
                        let values = option.allowed.isEmpty ? "" : " (\(option.allowed.joined(separator: ", ")))"
                        print("         --option \(option.name)=\(option.defaultValue)\(values)  \(option.summary)")
                    }
                }
            }
        }

        struct Test: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "test",
                abstract: "Run every example of every rule (trusted external plugins' too) and report failures.")

            func run() throws {
                let newsroom = try? Newsroom.open(from: Output.currentDirectory())
                let catalog = PluginCatalog(newsroom: newsroom, families: builtInFamilies)
                var failed = 0
                for result in catalog.testExamples() {
                    let status = result.failures.isEmpty ? "ok" : "FAILED"
                    print("\(result.plugin): \(result.rules) rules, \(result.examples) examples: \(status)")
                    if let problem = result.problem { print("  \(TerminalSafe.sanitize(problem))") }
                    for f in result.failures { print("  \(TerminalSafe.sanitize(f.description))") }
                    failed += result.failures.count + (result.problem == nil ? 0 : 1)
                }
                if failed > 0 { throw ExitCode(1) }
            }
        }

        struct Trust: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "trust",
                abstract: "Allow an external plugin from galley.yml to run, for its current command and script.")

            @Argument(help: "The plugin's name in galley.yml plugins.external.")
            var name: String

            func run() throws {
                let newsroom = try openNewsroom()
                let fingerprint = try PluginCatalog(newsroom: newsroom, families: builtInFamilies).trust(name)
                print("trusted \(name) (\(fingerprint.prefix(12))); it runs until its command or script changes")
            }
        }

        struct Untrust: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "untrust", abstract: "Stop an external plugin from running.")

            @Argument(help: "The plugin's name.")
            var name: String

            func run() throws {
                let newsroom = try openNewsroom()
                try PluginCatalog(newsroom: newsroom, families: builtInFamilies).untrust(name)
                print("\(name) is no longer trusted")
            }
        }
    }
}
