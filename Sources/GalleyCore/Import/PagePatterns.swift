/// What the importer recognises in a line of a newspaper page.
enum PagePatterns {
    /// 点号 and closing marks: they never start a printed line, so a line starting with one continues
    /// the text before it.
    static let continuationStarts: Set<Character> = Set("，。、；：！？）》〉」』】〕”’…—")
    static let sentenceEnds: Set<Character> = Set("。！？…")
    static let closingMarks: Set<Character> = Set("”’）》〉」』】〕")
    /// Ends that leave it open whether the paragraph goes on (a list item, a colon before a quotation).
    static let openEnds: Set<Character> = Set("；：")

    /// True when the text ends a sentence: `。！？…`, possibly followed by closing marks (`。”`).
    static func endsSentence(_ text: MappedText) -> Bool {
        var chars = text.characters[...]
        while let last = chars.last, closingMarks.contains(last) { chars = chars.dropLast() }
        guard let last = chars.last else { return false }
        return sentenceEnds.contains(last)
    }

    /// The line starts an article: `本报讯`, `本报北京12月25日电`, `新华社北京12月25日电`.
    static func isOpening(_ text: String) -> Bool {
        if text.hasPrefix("本报讯") { return true }
        // Cheap tests first: the regex is slow next to a prefix check, and most lines fail both.
        guard text.hasPrefix("本报") || text.hasPrefix("新华社") || text.hasPrefix("中新社") else { return false }
        return (try? DatelineParser.openingRegex.prefixMatch(in: text)) != nil
    }

    /// `本报记者 付凯明` alone on its line: an interview's or feature's byline.
    static func isBylineLine(_ text: String) -> Bool {
        text.hasPrefix("本报") && text.count <= 40 && (try? bylineRegex.wholeMatch(in: text)) != nil
    }

    /// `本报记者 蒋一帆 摄` alone on its line: the photo credit under a caption.
    static func isPhotoCredit(_ raw: String) -> Bool {
        raw.hasSuffix("摄") && raw.count <= 40 && (try? photoCreditRegex.wholeMatch(in: raw)) != nil
    }

    /// A line that may be a headline: short, not ending a clause with punctuation, not starting
    /// with a mark that continues a sentence.
    static func isHeadlineCandidate(_ line: PageLine) -> Bool {
        let chars = line.text.characters
        guard let first = chars.first, let last = chars.last, chars.count <= 44 else { return false }
        if continuationStarts.contains(first) && !line.string.hasPrefix("——") { return false }
        if "，。、；：！？…（“《‘".contains(last) { return false }
        if chars.contains("。") { return false }
        return !isOpening(line.string) && !isBylineLine(line.raw) && !isPhotoCredit(line.raw)
    }

    /// A photo caption starts with when the photo was taken or `图为`: `昨日，`, `12月25日，`.
    static func isCaptionStart(_ text: String) -> Bool {
        if text.hasPrefix("图为") { return true }
        guard text.prefix(8).contains("，") else { return false }
        return (try? captionRegex.prefixMatch(in: text)) != nil
    }

    static var bylineRegex: Regex<Substring> { #/本报(?:特约|实习|见习)?(?:记者|通讯员)\s*[\p{Han}·]{2,5}(?:[\s、][\p{Han}·]{2,5}){0,3}/# }
    static var photoCreditRegex: Regex<Substring> { #/(?:本报)?(?:摄影)?(?:记者|通讯员)?\s*[\p{Han}·]{2,5}(?:[\s、][\p{Han}·]{2,5}){0,2}\s*摄/# }
    static var captionRegex: Regex<Substring> { #/(?:昨日|今日|前日|近日|日前|当日|昨天|今天|\d{1,2}月\d{1,2}日)，/# }
}
