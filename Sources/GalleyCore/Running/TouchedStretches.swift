/// The stretches of a body between empty lines (`\n\n`) that a fix pass's edits touched, copied into one
/// text in which a `.paragraph` rule sees each stretch as it sees it in the body: the same bytes, with a
/// line feed on either side where the body has one (`RuleScope.paragraph`).
struct TouchedStretches {
    /// Body UTF-8 ranges, in order, disjoint; each starts and ends at the body's edge or at an empty line.
    let regions: [Range<Int>]
    /// Where each region starts in `text`.
    let starts: [Int]
    let text: String

    /// The regions of `body` that `edits` (UTF-8 ranges of the body the last pass wrote, in order) touched. An
    /// edit touches the stretches on both sides of an empty line it ends or starts at.
    static func regions(_ body: Substring, edits: [Range<Int>]) -> [Range<Int>] {
        var body = body
        var regions: [Range<Int>] = []
        body.withUTF8 { b in
            let n = b.count
            for e in edits {
                if let last = regions.last, e.upperBound < last.upperBound { continue }
                // Back to the empty line before, or to the region before (then the two are one).
                let floor = regions.last?.upperBound ?? 0
                let a = Self.cut(before: e.lowerBound, above: floor, b)
                let z = Self.cut(after: e.upperBound, b)
                let r = max(a, floor)..<min(z, n)
                if let last = regions.last, r.lowerBound <= last.upperBound {
                    regions[regions.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
                } else {
                    regions.append(r)
                }
            }
        }
        return regions
    }

    /// `regions` of the old body as they stand after `edits` (UTF-8 offsets), each of which lies inside one:
    /// the same stretches `regions(_:edits:)` finds from the new ranges of the edits.
    static func after(_ regions: [Range<Int>], edits: [Fixer.Edit]) -> [Range<Int>] {
        var shift = 0
        var next = 0
        return regions.map { r in
            let lower = r.lowerBound + shift
            while next < edits.count, edits[next].old.upperBound <= r.upperBound {
                shift += edits[next].new.count - edits[next].old.count
                next += 1
            }
            return lower..<(r.upperBound + shift)
        }
    }

    /// The last empty line (`b[c - 1]` and `b[c]` line feeds) before `x`, or `floor` when none is above it.
    static func cut(before x: Int, above floor: Int, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        var c = x - 1
        // Eight candidates at a time, c - 7 to c, while they stay above the floor.
        while c - 7 > floor, let p = b.baseAddress {
            let m = lineFeeds(p + c - 7) & lineFeeds(p + c - 8)
            if m != 0 { return c - 7 + (63 - m.leadingZeroBitCount) / 8 }
            c -= 8
        }
        while c > floor, b[c - 1] != 0x0A || b[c] != 0x0A { c -= 1 }
        return c
    }

    /// The first empty line after `x`, or the end of `b`.
    static func cut(after x: Int, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        var c = x + 1
        while c + 8 <= b.count, let p = b.baseAddress {
            let m = lineFeeds(p + c) & lineFeeds(p + c - 1)
            if m != 0 { return c + m.trailingZeroBitCount / 8 }
            c += 8
        }
        while c < b.count, b[c - 1] != 0x0A || b[c] != 0x0A { c += 1 }
        return min(c, b.count)
    }

    /// The top bit of each of the eight bytes at `p` that is a line feed.
    @inline(__always) static func lineFeeds(_ p: UnsafePointer<UInt8>) -> UInt64 {
        let x = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)) ^ 0x0A0A_0A0A_0A0A_0A0A
        let nonzero = ((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x
        return ~nonzero & 0x8080_8080_8080_8080
    }

    init(body: Substring, regions: [Range<Int>]) {
        self.regions = regions
        let utf8 = body.utf8
        var text = ""
        text.reserveCapacity(regions.reduce(2) { $0 + $1.count })
        // Slices of valid text: appended without checking the bytes again.
        if let first = regions.first, first.lowerBound > 0 { text += "\n" }
        var starts: [Int] = []
        for r in regions {
            starts.append(text.utf8.count)
            let lower = utf8.index(utf8.startIndex, offsetBy: r.lowerBound)
            text += body[lower..<utf8.index(lower, offsetBy: r.count)]
        }
        if let last = regions.last, last.upperBound < utf8.count { text += "\n" }
        self.starts = starts
        self.text = text
    }

    /// The body UTF-8 range of `range` (UTF-8 offsets of `text`), or nil when it is not inside one region:
    /// the lead and trail line feeds stand for text of stretches the edits did not touch.
    func bodyRange(_ range: Range<Int>) -> Range<Int>? {
        var lo = 0
        var hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] <= range.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        let r = lo - 1
        guard range.upperBound <= starts[r] + regions[r].count else { return nil }
        let shift = regions[r].lowerBound - starts[r]
        return (range.lowerBound + shift)..<(range.upperBound + shift)
    }

    /// `ranges` of the body (in order) as ranges of `text`, or nil when one is not inside a region.
    func textRanges(_ ranges: [Range<Int>]) -> [Range<Int>]? {
        var out: [Range<Int>] = []
        var r = 0
        for range in ranges {
            while r < regions.count, regions[r].upperBound < range.upperBound { r += 1 }
            guard r < regions.count, regions[r].lowerBound <= range.lowerBound else { return nil }
            let shift = starts[r] - regions[r].lowerBound
            out.append((range.lowerBound + shift)..<(range.upperBound + shift))
        }
        return out
    }
}
