import GalleyCore

/// Character classes and spans the punctuation and number rules share.
extension Unicode.Scalar {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIAlphanumeric: Bool { isASCIIDigit || isASCIILetter }
    /// A space or tab inside a line (not a line end).
    var isInlineSpace: Bool { self == " " || self == "\t" }
    var isNewline: Bool { self == "\n" || self == "\r" }
}

extension ScalarText {
    /// Whether `word` starts at scalar `i`.
    func hasPrefix(_ word: String, at i: Int) -> Bool {
        var k = i
        for w in word.unicodeScalars {
            guard k < count, scalars[k] == w else { return false }
            k += 1
        }
        return true
    }

    static let urlPrefixes: [[UInt32]] = ["http://", "https://", "ftp://", "www."].map { $0.unicodeScalars.map(\.value) }

    func startsURL(at i: Int) -> Bool {
        // Cheap test first: this runs on every candidate.
        let first = scalars[i].value | 0x20
        guard first == 0x68 || first == 0x66 || first == 0x77 else { return false }  // h f w
        if let p = self[safe: i - 1], p.isASCIIAlphanumeric { return false }
        for prefix in Self.urlPrefixes where i + prefix.count <= count {
            var k = 0
            // ASCII letters compare case-blind by the 0x20 bit; the other prefix characters are not letters.
            while k < prefix.count, scalars[i + k].value | (prefix[k] >= 0x61 ? 0x20 : 0) == prefix[k] { k += 1 }
            if k == prefix.count { return true }
        }
        return false
    }

    func emailSpan(at sign: Int) -> Range<Int>? {
        func local(_ s: Unicode.Scalar) -> Bool { s.isASCIIAlphanumeric || "._%+-".unicodeScalars.contains(s) }
        func domain(_ s: Unicode.Scalar) -> Bool { s.isASCIIAlphanumeric || s == "." || s == "-" }
        var start = sign
        while let p = self[safe: start - 1], local(p) { start -= 1 }
        var end = runEnd(from: sign + 1, where: domain)
        while end > sign + 1, scalars[end - 1] == "." || scalars[end - 1] == "-" { end -= 1 }
        guard start < sign, scalars[(sign + 1)..<end].contains(".") else { return nil }
        return start..<end
    }
}

/// The URLs and e-mail addresses of a body, where half-width marks are right; made once per article.
struct Links {
    /// Disjoint, in order.
    let spans: [Range<Int>]

    static func of(_ article: ArticleContext) -> Links {
        article.shared("typography.links") { Links(article.bodyScalars, Marks.of(article)) }
    }

    init(_ text: ScalarText, _ marks: Marks) {
        var found: [Range<Int>] = []
        // Where a scan of every scalar would be: a URL or an address is skipped whole.
        var cursor = 0
        for i in marks[.linkStart] where i >= cursor {
            if text.startsURL(at: i) {
                var end = text.runEnd(from: i) { $0.value > 0x20 && $0.value < 0x7F }
                // A mark right after a URL usually ends the sentence, not the URL.
                while end > i, ".,;:!?'\")".unicodeScalars.contains(text.scalars[end - 1]),
                      text.scalars[end - 1] != ")" || !text.scalars[i..<end].contains("(") {
                    end -= 1
                }
                found.append(i..<end)
                cursor = end
            } else if text.scalars[i] == "@", let span = text.emailSpan(at: i) {
                found.append(span)
                cursor = span.upperBound
            }
        }
        // An address may reach back into the one before it (`a@b.com@c.org`): merge.
        var spans: [Range<Int>] = []
        for r in found.sorted(by: { $0.lowerBound < $1.lowerBound }) where !r.isEmpty {
            if let last = spans.last, r.lowerBound <= last.upperBound {
                spans[spans.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                spans.append(r)
            }
        }
        self.spans = spans
    }

    func contains(_ i: Int) -> Bool {
        var lo = 0
        var hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if spans[mid].upperBound <= i { lo = mid + 1 } else { hi = mid }
        }
        return lo < spans.count && spans[lo].contains(i)
    }
}

/// Paragraphs of a body as scalar ranges: runs of non-blank lines, as `Article.paragraphs` splits them.
enum Paragraphs {
    static func of(_ article: ArticleContext) -> [Range<Int>] {
        article.shared("typography.paragraphs") { ranges(article.bodyScalars, lineFeeds: Marks.of(article)[.lineFeed]) }
    }

    static func ranges(_ text: ScalarText, lineFeeds: Marks.Candidates) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start: Int?
        var end = 0
        var lineStart = 0
        var next = 0
        let scalars = text.scalars
        while lineStart < text.count {
            let lineEnd = next < lineFeeds.count ? lineFeeds[next] : text.count
            next += 1
            // Usually the first scalar decides.
            var k = lineStart
            while k < lineEnd, scalars[k].isInlineSpace || scalars[k] == "\u{3000}" || scalars[k] == "\r" { k += 1 }
            let blank = k == lineEnd
            if blank {
                if let s = start { out.append(s..<end) }
                start = nil
            } else {
                if start == nil { start = lineStart }
                end = lineEnd
            }
            lineStart = lineEnd + 1
        }
        if let s = start { out.append(s..<end) }
        return out
    }
}
