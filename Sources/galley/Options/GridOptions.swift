import ArgumentParser
import GalleyCore

/// The grid `galley fit` and `galley export` set a story on: the command line over galley.yml's `layout:`
/// section over the defaults, checked against one table of limits.
struct GridOptions: ParsableArguments {
    @Option(help: "Characters per line (the measure, 栏宽; default: galley.yml's layout.measure, else 13).")
    var measure: Int?

    @Option(help: "Lines per column (default: layout.lines, else 70).")
    var lines: Int?

    @Option(help: "Columns the story is given (default: layout.columns, else 1).")
    var columns: Int?

    @Option(help: "Line-start and line-end rules: basic, gb or strict (default: layout.prohibition, else gb).")
    var prohibition: String?

    @Option(help: "How a prohibited break is settled: push-out (as the sample page does) or squeeze (default: layout.resolution, else push-out).")
    var resolution: String?

    func settings(cwd: String) throws(GalleyError) -> LayoutSettings {
        let defaults = LayoutDefaults.load(from: cwd)
        for w in defaults.warnings { Output.stderr("galley: warning: \(w)") }
        var settings = defaults.settings
        if let measure { settings.measure = try Self.checked(measure, "--measure", "characters", LayoutSettings.measureRange) }
        if let lines { settings.linesPerColumn = try Self.checked(lines, "--lines", "lines", LayoutSettings.linesRange) }
        if let columns { settings.columns = try Self.checked(columns, "--columns", "columns", LayoutSettings.columnsRange) }
        if let prohibition {
            guard let level = ProhibitionLevel(rawValue: prohibition) else {
                throw .usage("unknown --prohibition '\(prohibition)' (choose basic, gb or strict)")
            }
            settings.prohibition = level
        }
        if let resolution {
            guard let mode = ProhibitionResolution(rawValue: resolution) else {
                throw .usage("unknown --resolution '\(resolution)' (choose push-out or squeeze)")
            }
            settings.resolution = mode
        }
        return settings
    }

    private static func checked(_ value: Int, _ name: String, _ unit: String, _ range: ClosedRange<Int>) throws(GalleyError) -> Int {
        guard range.contains(value) else {
            throw .usage("\(name) takes a number of \(unit) between \(range.lowerBound) and \(range.upperBound), not \(value)")
        }
        return value
    }
}
