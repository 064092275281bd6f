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
        let w = Array(word.unicodeScalars)
        return i + w.count <= count && Array(scalars[i..<(i + w.count)]) == w
    }

    /// True for each scalar inside a URL or an e-mail address, where half-width marks are right.
    func linkMask() -> [Bool] {
        var mask = Array(repeating: false, count: count)
        var i = 0
        while i < count {
            if startsURL(at: i) {
                var end = runEnd(from: i) { $0.value > 0x20 && $0.value < 0x7F }
                // A mark right after a URL usually ends the sentence, not the URL.
                while end > i, ".,;:!?'\")".unicodeScalars.contains(scalars[end - 1]),
                      scalars[end - 1] != ")" || !scalars[i..<end].contains("(") {
                    end -= 1
                }
                for k in i..<end { mask[k] = true }
                i = end
            } else if scalars[i] == "@", let span = emailSpan(at: i) {
                for k in span { mask[k] = true }
                i = span.upperBound
            } else {
                i += 1
            }
        }
        return mask
    }

    private static let urlPrefixes: [[UInt32]] = ["http://", "https://", "ftp://", "www."].map { $0.unicodeScalars.map(\.value) }

    private func startsURL(at i: Int) -> Bool {
        // Cheap test first: this runs on every scalar.
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

    private func emailSpan(at sign: Int) -> Range<Int>? {
        func local(_ s: Unicode.Scalar) -> Bool { s.isASCIIAlphanumeric || "._%+-".unicodeScalars.contains(s) }
        func domain(_ s: Unicode.Scalar) -> Bool { s.isASCIIAlphanumeric || s == "." || s == "-" }
        var start = sign
        while let p = self[safe: start - 1], local(p) { start -= 1 }
        var end = runEnd(from: sign + 1, where: domain)
        while end > sign + 1, scalars[end - 1] == "." || scalars[end - 1] == "-" { end -= 1 }
        guard start < sign, scalars[(sign + 1)..<end].contains(".") else { return nil }
        return start..<end
    }

    /// Paragraphs as scalar ranges: runs of non-blank lines, as `Article.paragraphs` splits them.
    func paragraphRanges() -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start: Int?
        var end = 0
        var lineStart = 0
        while lineStart < count {
            let lineEnd = runEnd(from: lineStart) { $0 != "\n" }
            let blank = scalars[lineStart..<lineEnd].allSatisfy { $0.isInlineSpace || $0 == "\u{3000}" || $0 == "\r" }
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
