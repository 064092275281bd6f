import Foundation
import GalleyCore
import GalleyTestSupport
@testable import LayoutExport

/// Jobs over the sample article of Workspace/ and small hand-made stories, and the external checkers.
enum ExportFixtures {
    static let articlePath = projectRoot() + "/Workspace/articles/2026-11-27/a1-hightech-park.md"

    static func articleJob(_ settings: LayoutSettings = LayoutSettings(measure: 13, linesPerColumn: 40, columns: 3),
                           options: [String: String] = [:]) throws -> ExportJob {
        try ExportJob.load(articlePath, cwd: "/", settings: settings, options: options)
    }

    static func job(_ blocks: [StoryText.Block], settings: LayoutSettings = LayoutSettings(measure: 13, linesPerColumn: 20),
                    options: [String: String] = [:]) -> ExportJob {
        let text = StoryText(blocks: blocks)
        return ExportJob(frontMatter: nil, text: text, story: Typesetter.typeset(text, settings: settings), options: options)
    }

    /// The exporter's bytes with its defaults under `options`.
    static func export<E: Exporter>(_ type: E.Type, _ job: ExportJob) throws -> [UInt8] {
        var options = try type.resolvedOptions([])
        options.merge(job.options) { _, given in given }
        return try type.init().export(ExportJob(frontMatter: job.frontMatter, text: job.text, story: job.story, options: options))
    }

    /// Characters other than white space, in order.
    static func ink(_ text: String) -> String { String(text.filter { !$0.isWhitespace }) }
}

/// poppler-utils and libxml2-utils, when installed.
enum Tools {
    static func path(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func has(_ names: String...) -> Bool { names.allSatisfy { path($0) != nil } }

    /// Runs a tool on files in `dir`.
    static func run(_ name: String, _ arguments: [String], in dir: String) throws -> CommandResult {
        try GalleyTestSupport.run(path(name) ?? name, arguments, in: dir)
    }
}
