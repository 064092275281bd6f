/// Counts 字数 the way Chinese editors do: every Han character and full-width mark is one, a run of
/// Latin letters or digits (a word, a number such as `4070.65`) is one, white space is not counted.
public enum ChineseCount {
    public static func characters<S: StringProtocol>(in text: S) -> Int {
        var count = 0
        var inRun = false
        var pendingJoiner = false
        for ch in text {
            if ch.isWhitespace || ch == "\u{3000}" {
                inRun = false
                pendingJoiner = false
                continue
            }
            if isRunCharacter(ch) {
                if pendingJoiner {
                    count -= 1  // the joiner was inside a number or word after all
                } else if !inRun {
                    count += 1
                }
                inRun = true
                pendingJoiner = false
                continue
            }
            // A decimal point, thousands comma, hyphen or apostrophe between two run characters keeps the run.
            if inRun, !pendingJoiner, ch == "." || ch == "," || ch == "-" || ch == "'" {
                pendingJoiner = true
                count += 1  // counted provisionally; taken back if the run continues
                continue
            }
            pendingJoiner = false
            inRun = false
            count += 1
        }
        return count
    }

    private static func isRunCharacter(_ ch: Character) -> Bool {
        guard let a = ch.asciiValue else { return false }
        return (48...57).contains(a) || (65...90).contains(a) || (97...122).contains(a)
    }
}
