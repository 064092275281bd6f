/// Finds the headline blocks of a page: runs of short lines without clause punctuation that sit
/// between the end of one piece (a finished sentence, or the top of the page) and the start of the
/// next (an opening, a byline, a caption, or the bottom of the page).
struct HeadlineGroups {
    /// Line indices of each group, in page order.
    let groups: [[Int]]

    static let maximumLines = 4

    init(lines: [PageLine]) {
        let blocks = HeadlineGroups.blocks(of: lines)
        var groups: [[Int]] = []
        var b = 0
        while b < blocks.count {
            var group: [Int] = []
            var next = b
            // Whole blocks of candidates, or a block's candidate lines right before an opening inside it.
            while next < blocks.count {
                let block = blocks[next]
                let prefix = block.prefix { PagePatterns.isHeadlineCandidate(lines[$0]) }
                if prefix.count == block.count {
                    group += block
                    next += 1
                } else if !prefix.isEmpty, HeadlineGroups.startsPiece(lines[block[prefix.count]]) {
                    group += prefix
                    break
                } else {
                    break
                }
            }
            guard !group.isEmpty else {
                b += 1
                continue
            }
            if group.count <= HeadlineGroups.maximumLines, HeadlineGroups.isSetOff(group, in: lines) {
                groups.append(group)
            }
            b = max(next, b + 1)
        }
        self.groups = groups
    }

    /// Blocks of consecutive non-blank lines, as line indices.
    static func blocks(of lines: [PageLine]) -> [[Int]] {
        var blocks: [[Int]] = []
        var current: [Int] = []
        for (i, line) in lines.enumerated() {
            if line.isBlank {
                if !current.isEmpty { blocks.append(current) }
                current = []
            } else {
                current.append(i)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    static func startsPiece(_ line: PageLine) -> Bool {
        PagePatterns.isOpening(line.string) || PagePatterns.isBylineLine(line.raw) || PagePatterns.isCaptionStart(line.string)
    }

    /// The text before the group ends a sentence (or there is none) and a piece starts after it.
    static func isSetOff(_ group: [Int], in lines: [PageLine]) -> Bool {
        let before = lines[..<group[0]].last { !$0.isBlank }
        let after = lines[(group.last! + 1)...].first { !$0.isBlank }
        let cleanBefore = before.map { PagePatterns.endsSentence($0.text) } ?? true
        let cleanAfter = after.map(startsPiece) ?? true
        return cleanBefore && cleanAfter
    }
}
