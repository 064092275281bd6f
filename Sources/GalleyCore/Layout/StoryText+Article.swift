extension StoryText {
    /// The blocks an article prints: kicker, headline and subheadline from the front matter, then the
    /// body paragraphs. A first paragraph that is only a byline (`本报记者 周雅琴`) is a byline block.
    public init(article: Article) {
        var blocks: [Block] = []
        if let front = article.frontMatter {
            if let kicker = front.kicker, !kicker.isEmpty { blocks.append(Block(role: .kicker, text: kicker)) }
            if !front.headline.isEmpty { blocks.append(Block(role: .headline, text: front.headline)) }
            if let sub = front.subheadline, !sub.isEmpty { blocks.append(Block(role: .subheadline, text: sub)) }
        }
        for (index, paragraph) in article.paragraphs.enumerated() {
            let text = StoryText.joinLines(paragraph)
            if text.isEmpty { continue }
            let isByline = index == 0 && StoryText.isBylineLine(text, credits: article.frontMatter?.credits ?? [])
            blocks.append(Block(role: isByline ? .byline : .body, text: text))
        }
        self.init(blocks: blocks)
    }

    /// A paragraph's source lines joined: line breaks inside a paragraph are not printed, and the
    /// U+3000 or space indent a writer typed is the layout's business, not the text's.
    static func joinLines(_ paragraph: Substring) -> String {
        paragraph.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: " \t\r\u{3000}") }
            .joined()
    }

    /// A short line naming credited people and nothing else, e.g. `本报记者 周雅琴` or `记者 王海滔 周雅琴`.
    static func isBylineLine(_ text: String, credits: [Credit]) -> Bool {
        guard text.count <= 30, !credits.isEmpty,
              !text.contains(where: { "，。；：！？".contains($0) }) else { return false }
        return credits.contains { text.contains($0.name) } && (text.hasPrefix("本报") || text.contains("记者"))
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> Substring {
        var s = self
        while let first = s.first, set.contains(first) { s = s.dropFirst() }
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return s
    }
}
