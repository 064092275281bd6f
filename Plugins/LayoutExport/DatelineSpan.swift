/// The 电头 at the start of a story's first body paragraph: the dateline (`本报讯`, `新华社北京11月26日电`)
/// and the parenthesised credits right after it (`（记者郭树勋）`), set in their own character style.
enum DatelineSpan {
    /// Characters of `paragraph` the 电头 covers, or 0. `dateline` is the front matter's, when known.
    static func length(in paragraph: String, dateline: String?) -> Int {
        let characters = Array(paragraph)
        var end = 0
        if let dateline, !dateline.isEmpty, paragraph.hasPrefix(dateline) {
            end = dateline.count
        } else if let mark = characters.prefix(maximumDatelineLength).firstIndex(where: { $0 == "讯" || $0 == "电" }),
                  mark > 0, datelineEndings.contains(characters[mark - 1]),
                  characters[..<mark].allSatisfy({ !sentencePunctuation.contains($0) })
        {
            end = mark + 1
        } else {
            return 0
        }
        // The credits: `（…）` or `(…)` directly after the dateline, short and without sentence punctuation.
        if end < characters.count, characters[end] == "（" || characters[end] == "(" {
            let close: Character = characters[end] == "（" ? "）" : ")"
            if let closing = characters[end...].prefix(maximumCreditsLength).firstIndex(of: close),
               characters[end..<closing].allSatisfy({ !sentencePunctuation.contains($0) })
            {
                end = closing + 1
            }
        }
        return end
    }

    /// What comes before 讯/电 in a dateline (本报讯, …26日讯, 新华社电, …26日电), and not in 通讯 or 来电.
    static let datelineEndings: Set<Character> = ["报", "日", "社", "网"]
    static let maximumDatelineLength = 24
    static let maximumCreditsLength = 40
    static let sentencePunctuation: Set<Character> = ["，", "。", "；", "！", "？", "：", ",", ";"]
}
