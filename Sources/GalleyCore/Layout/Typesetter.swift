/// Breaks a story into grid lines.
/// PLACEHOLDER until the layout engine lands: one cell per character, no prohibition, no justification.
public enum Typesetter {
    public static func typeset(_ text: StoryText, settings: LayoutSettings) -> TypesetStory {
        var lines: [TypesetLine] = []
        for (index, block) in text.blocks.enumerated() {
            let characters = Array(block.text)
            var start = 0
            var first = true
            repeat {
                let indent = first && block.role == .body ? settings.indent : 0
                let room = max(1, settings.measure - indent)
                let end = min(characters.count, start + room)
                let units = characters[start..<end].enumerated().map { offset, character in
                    PlacedUnit(text: String(character), x: Double(indent + offset), width: 1, isLatin: false)
                }
                let width = Double(indent + end - start)
                lines.append(TypesetLine(role: block.role, block: index, text: String(characters[start..<end]),
                                         units: units, naturalWidth: width, setWidth: width,
                                         isBlockEnd: end == characters.count))
                start = end
                first = false
            } while start < characters.count
        }
        return TypesetStory(settings: settings, lines: lines)
    }
}
