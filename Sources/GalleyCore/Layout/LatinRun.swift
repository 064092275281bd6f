/// A number or Latin word kept on one line (CLREQ 3.1.8, JLREQ 3.1.10): `4070.65`, `1,200`, `COVID-19`,
/// `57%`, `¥100`, `36.5℃`. Half width per ASCII character.
enum LatinRun {
    /// The end of the run starting at `start` and its width in em, or nil when none starts there.
    static func scan(_ c: [Character], from start: Int) -> (end: Int, width: Double)? {
        var i = start
        if isPrefix(c[i]), i + 1 < c.count, isDigit(c[i + 1]) { i += 1 }
        guard isRunCharacter(c[i]) else { return nil }
        while i < c.count {
            if isRunCharacter(c[i]) {
                i += 1
            } else if isJoiner(c[i]), i > start, i + 1 < c.count, isRunCharacter(c[i + 1]), isRunCharacter(c[i - 1]) {
                i += 1
            } else if isPrefix(c[i]), i > start, i + 1 < c.count, isDigit(c[i + 1]), isRunCharacter(c[i - 1]) {
                i += 1  // `US$450`, `HK$100`: a currency code and its sign stay with the amount
            } else {
                break
            }
        }
        if i < c.count, isDigit(c[i - 1]), isSuffix(c[i]) {
            i += 1
            // `30°C`: the degree sign takes its scale letter along.
            if c[i - 1] == "°", i < c.count, c[i] == "C" || c[i] == "F" { i += 1 }
        }
        var width = 0.0
        for ch in c[start..<i] { width += isFullWidthSign(ch) ? 1 : 0.5 }
        return (i, width)
    }

    static func isRunCharacter(_ ch: Character) -> Bool {
        if let a = ch.asciiValue { return (48...57).contains(a) || (65...90).contains(a) || (97...122).contains(a) }
        return isLatinLetter(ch)
    }

    /// Accented Latin letters (Latin-1 Supplement and Extended-A/B), not × and ÷.
    private static func isLatinLetter(_ ch: Character) -> Bool {
        guard ch.unicodeScalars.count == 1, let v = ch.unicodeScalars.first?.value else { return false }
        return (0xC0...0x24F).contains(v) && v != 0xD7 && v != 0xF7
    }

    private static func isDigit(_ ch: Character) -> Bool { ch.asciiValue.map { (48...57).contains($0) } ?? false }

    /// Decimal point, thousands separator, hyphen, apostrophe, time colon and fraction slash inside a run.
    private static func isJoiner(_ ch: Character) -> Bool {
        ch == "." || ch == "," || ch == "-" || ch == "'" || ch == ":" || ch == "/"
    }

    private static func isPrefix(_ ch: Character) -> Bool {
        ch == "¥" || ch == "$" || ch == "£" || ch == "￥" || ch == "€"
    }

    /// Signs set in a full cell next to half-width digits; every other run character is half width.
    private static func isFullWidthSign(_ ch: Character) -> Bool {
        ch == "￥" || ch == "％" || ch == "℃" || ch == "‰" || ch == "℉"
    }

    private static func isSuffix(_ ch: Character) -> Bool {
        ch == "%" || ch == "‰" || ch == "℃" || ch == "％" || ch == "°" || ch == "′" || ch == "″" || ch == "℉"
    }
}
