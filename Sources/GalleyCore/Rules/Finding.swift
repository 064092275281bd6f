/// A finding as reporters print it: one diagnosis placed in a file at a revision.
public struct Finding: Sendable, Hashable, Codable {
    public var rule: String
    public var severity: Severity
    public var path: String
    /// The commit the text was read from; nil for the working tree.
    public var revision: String?
    /// 1-based line in the file and column in Unicode scalars.
    public var line: Int
    public var column: Int
    /// Offset and length in Unicode scalars of the body; offset is nil in the front matter.
    public var offset: Int?
    public var length: Int
    /// The same range in UTF-8 bytes.
    public var byteOffset: Int?
    public var byteLength: Int
    /// The flagged text.
    public var text: String
    public var message: Message
    public var replacement: String?
    /// True when `--fix` applies `replacement` by itself.
    public var fixable: Bool
    /// A few characters either side of the flagged text, to follow the finding across revisions.
    public var anchor: String = ""
    /// With `--each`: the commit that introduced the finding (nil when it predates the range).
    public var introduced: String?
    /// With `--each`: the commit that fixed it; nil while it is still present.
    public var fixed: String?

    public init(rule: String, severity: Severity, path: String, revision: String? = nil, line: Int, column: Int,
                offset: Int?, length: Int, byteOffset: Int?, byteLength: Int, text: String, message: Message,
                replacement: String? = nil, fixable: Bool = false, anchor: String = "")
    {
        self.rule = rule
        self.severity = severity
        self.path = path
        self.revision = revision
        self.line = line
        self.column = column
        self.offset = offset
        self.length = length
        self.byteOffset = byteOffset
        self.byteLength = byteLength
        self.text = text
        self.message = message
        self.replacement = replacement
        self.fixable = fixable
        self.anchor = anchor
    }

    /// Orders findings by file, then position, then rule.
    public static func inReadingOrder(_ a: Finding, _ b: Finding) -> Bool {
        (a.path, a.line, a.column, a.rule) < (b.path, b.line, b.column, b.rule)
    }

    /// Two lists in reading order as one; on a tie, `a`'s finding first.
    static func merged(_ a: [Finding], _ b: [Finding]) -> [Finding] {
        var out: [Finding] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && !inReadingOrder(b[j], a[i])) {
                out.append(a[i])
                i += 1
            } else {
                out.append(b[j])
                j += 1
            }
        }
        return out
    }

    /// `findings` in reading order, for thousands of them: their positions are sorted and each
    /// finding moved once, instead of the sort copying whole findings at every step.
    public static func sortedInReadingOrder(_ findings: [Finding]) -> [Finding] {
        // Usually in order already (one plugin places its findings in reading order): then nothing is copied.
        if findings.indices.dropFirst().allSatisfy({ !inReadingOrder(findings[$0], findings[$0 - 1]) }) { return findings }
        return findings.indices.sorted { inReadingOrder(findings[$0], findings[$1]) }.map { findings[$0] }
    }
}

/// Places diagnoses in a file: line, column and offsets.
public struct FindingLocator {
    let context: ArticleContext
    /// UTF-8 offset of each line's start, and how many scalars come before it.
    private let lineStarts: [Int]
    private let lineScalars: [Int]
    private let bodyByte: Int
    /// Scalars before the body: body offsets come from the line tables, not from counting up from the body.
    private let bodyScalar: Int

    public init(_ context: ArticleContext) {
        self.context = context
        let bodyByte = context.article.bodyByteOffset
        self.bodyByte = bodyByte
        var starts = [0]
        var scalarStarts = [0]
        var scalars = 0
        var beforeBody = 0
        var source = context.source
        source.withUTF8 { bytes in
            // In valid UTF-8 every byte but a continuation byte (10xxxxxx) starts a scalar.
            for (i, b) in bytes.enumerated() {
                if i == bodyByte { beforeBody = scalars }
                if b & 0xC0 != 0x80 { scalars += 1 }
                if b == 10 {
                    starts.append(i + 1)
                    scalarStarts.append(scalars)
                }
            }
            if bytes.count == bodyByte { beforeBody = scalars }
        }
        lineStarts = starts
        lineScalars = scalarStarts
        bodyScalar = beforeBody
    }

    /// Up to six scalars before and after `range`, not crossing a line end.
    static func anchor(around range: Range<String.Index>, in s: String) -> String {
        let scalars = s.unicodeScalars
        var lo = range.lowerBound
        for _ in 0..<6 {
            guard lo > scalars.startIndex else { break }
            let p = scalars.index(before: lo)
            if scalars[p] == "\n" { break }
            lo = p
        }
        var hi = range.upperBound
        for _ in 0..<6 {
            guard hi < scalars.endIndex, scalars[hi] != "\n" else { break }
            hi = scalars.index(after: hi)
        }
        return String(s[lo..<range.lowerBound]) + "\u{1}" + String(s[range.upperBound..<hi])
    }

    public func finding(_ d: Diagnosis, rule: String, severity: Severity, revision: String?) -> Finding {
        let utf8 = context.source.utf8
        let startByte = utf8.distance(from: utf8.startIndex, to: d.range.lowerBound)
        let byteLength = utf8.distance(from: d.range.lowerBound, to: d.range.upperBound)
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= startByte { lo = mid } else { hi = mid - 1 }
        }
        let lineStart = utf8.index(utf8.startIndex, offsetBy: lineStarts[lo])
        let scalars = context.source.unicodeScalars
        let column = scalars.distance(from: lineStart, to: d.range.lowerBound) + 1
        let length = scalars.distance(from: d.range.lowerBound, to: d.range.upperBound)
        var offset: Int?
        var byteOffset: Int?
        if startByte >= bodyByte {
            byteOffset = startByte - bodyByte
            offset = lineScalars[lo] + column - 1 - bodyScalar
        }
        var f = Finding(rule: rule, severity: severity, path: context.path, revision: revision, line: lo + 1, column: column,
                        offset: offset, length: length, byteOffset: byteOffset, byteLength: byteLength,
                        text: String(context.source[d.range]), message: d.message,
                        replacement: d.replacement, fixable: d.isCertain)
        f.anchor = Self.anchor(around: d.range, in: context.source)
        return f
    }
}
