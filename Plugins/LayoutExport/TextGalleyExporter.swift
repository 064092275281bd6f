import GalleyCore

/// `txt`: the galley as text, one line per typeset line (headline block included), a blank line between
/// blocks, like the column lines of a newspaper page. Nothing is added inside a line: joining a block's
/// lines gives its text back.
public struct TextGalleyExporter: Exporter {
    public static let id = "layout.txt"
    public static let format = "txt"
    public static let summary = Message("文本小样：每行一个排定的行，段间空行", en: "text galley: one line per typeset line, blank lines between blocks")
    public static let options: [OptionSpec] = []

    public init() {}

    public func export(_ job: ExportJob) throws(GalleyError) -> [UInt8] {
        var out = ""
        var previousBlock: Int?
        for line in job.story.lines {
            if let previousBlock, previousBlock != line.block { out += "\n" }
            out += line.text + "\n"
            previousBlock = line.block
        }
        return Array(out.utf8)
    }
}
