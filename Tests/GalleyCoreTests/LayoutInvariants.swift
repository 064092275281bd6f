import GalleyCore

/// The rules every typeset story must keep, checked from the outside with the character lists of
/// docs/layout.md §1.2 (not the engine's own tables). Returns one line per broken rule.
enum LayoutInvariants {
    static let notAtStart = Set("、，。．：；！？‼⁇”’」』）］｝〕〗】》〉〙–～·・‧/／,.:;!?)]}%‰℃")
    static let notAtEnd = Set("“‘「『（［｛〔〖【《〈〘([{")

    static func problems(_ story: TypesetStory, text: StoryText) -> [String] {
        let settings = story.settings
        var problems: [String] = []
        var byBlock: [Int: [TypesetLine]] = [:]
        for line in story.lines { byBlock[line.block, default: []].append(line) }
        for (index, block) in text.blocks.enumerated() {
            let lines = byBlock[index] ?? []
            let joined = lines.map(\.text).joined()
            if joined != block.text { problems.append("block \(index): lines do not join to the text") }
            let measure = Double(Typesetter.lineMeasure(block.role, settings: settings))
            for (n, line) in lines.enumerated() {
                let label = "block \(index) line \(n + 1) |\(line.text)|"
                if line.isBlockEnd != (n == lines.count - 1) { problems.append("\(label): block end misplaced") }
                if n > 0, let first = line.text.first {
                    if notAtStart.contains(first) { problems.append("\(label): starts with \(first)") }
                    if settings.prohibition == .strict, first == "—" || first == "…" { problems.append("\(label): strict start") }
                    let previous = lines[n - 1].text
                    if let split = splitUnit(previous, line.text) { problems.append("\(label): splits \(split)") }
                }
                if !line.isBlockEnd, let last = line.text.last(where: { $0 != " " }) {
                    if notAtEnd.contains(last) { problems.append("\(label): ends with \(last)") }
                    if settings.prohibition != .basic, last == "/" || last == "／" { problems.append("\(label): ends with a solidus") }
                }
                problems += geometry(line, label: label, measure: measure,
                                     indent: n == 0 ? Double(Typesetter.firstLineIndent(block.role, settings: settings)) : 0)
            }
        }
        return problems
    }

    /// The unit a break between `a` and `b` would split: a 2-em dash or ellipsis, a number, a Latin word.
    static func splitUnit(_ a: String, _ b: String) -> String? {
        guard let x = a.last, let y = b.first else { return nil }
        if x == "—" && y == "—" || x == "…" && y == "…" { return "\(x)\(y)" }
        if isAlnum(x) && isAlnum(y) { return "a number or word" }
        if isAlnum(x) && "%‰℃".contains(y) { return "a number and its sign" }
        if "¥$".contains(x) && y.isNumber { return "a sign and its number" }
        if ".,".contains(x), a.dropLast().last.map(isAlnum) == true, isAlnum(y) { return "a decimal or thousands group" }
        return nil
    }

    static func isAlnum(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }

    /// Units in order without overlap, the indent, and every non-final line exactly the measure.
    static func geometry(_ line: TypesetLine, label: String, measure: Double, indent: Double) -> [String] {
        var problems: [String] = []
        guard let first = line.units.first, let last = line.units.last else { return ["\(label): no units"] }
        if abs(first.x - indent) > 1e-9 { problems.append("\(label): starts at \(first.x), indent \(indent)") }
        for (a, b) in zip(line.units, line.units.dropFirst()) where b.x < a.x + a.width - 1e-9 {
            problems.append("\(label): \(b.text) overlaps \(a.text)")
        }
        if line.units.map(\.text).joined() != line.text { problems.append("\(label): units do not join to the text") }
        let right = last.x + last.width
        if !line.isBlockEnd && !line.flags.contains(.overfull) {
            if line.units.count > 1, abs(right - measure) > 1e-9 { problems.append("\(label): \(right) em wide, not \(measure)") }
            if abs(line.setWidth - measure) > 1e-9 { problems.append("\(label): set to \(line.setWidth)") }
        }
        if !line.flags.contains(.overfull), right > measure + 1e-9 { problems.append("\(label): \(right) em overruns") }
        return problems
    }
}
