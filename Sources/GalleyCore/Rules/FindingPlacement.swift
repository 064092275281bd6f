/// Places the diagnoses of one article's rules in reading order, by one walk through the source: no line
/// table, no counting from the start per finding. The same findings as `FindingLocator`, ordered as
/// `Finding.inReadingOrder` orders one file's findings (stable for equal keys).
struct FindingPlacement {
    /// One rule's diagnoses.
    struct Batch {
        let rule: String
        let severity: Severity
        let diagnoses: [Diagnosis]
    }

    /// Where a diagnosis starts and which it is; sorting these orders by position, then rule id, then
    /// as the rules reported them.
    private struct Key: Comparable {
        let start: Int
        let rank: Int32
        let batch: Int32
        let index: Int32

        static func < (a: Key, b: Key) -> Bool {
            (a.start, a.rank, a.batch, a.index) < (b.start, b.rank, b.batch, b.index)
        }
    }

    static func findings(_ batches: [Batch], in context: ArticleContext, revision: String?,
                         isValid: (Diagnosis) -> Bool) -> [Finding]
    {
        var source = context.source
        let native = source.utf8.withContiguousStorageIfAvailable { _ in true } ?? false
        return source.withUTF8 { bytes in
            let keys = sortedKeys(batches, source: context.source, bytes: native ? bytes : nil, isValid: isValid)
            return place(batches, keys, in: context, bytes: bytes, revision: revision)
        }
    }

    /// The diagnoses that pass `isValid`, in reading order. With the bytes of a native UTF-8 source the
    /// test is answered from them (what `isValid` asks of a range, at a fraction of the cost).
    private static func sortedKeys(_ batches: [Batch], source: String, bytes: UnsafeBufferPointer<UInt8>?,
                                   isValid: (Diagnosis) -> Bool) -> [Key]
    {
        let utf8 = source.utf8
        var rank = Array(repeating: Int32(0), count: batches.count)
        for (r, b) in batches.indices.sorted(by: { batches[$0].rule < batches[$1].rule }).enumerated() { rank[b] = Int32(r) }
        // A UTF-8 position of this text (not one inside a scalar's UTF-16) on a scalar boundary.
        func onBoundary(_ i: String.Index, _ offset: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            utf8.index(utf8.startIndex, offsetBy: offset) == i && (offset == bytes.count || bytes[offset] & 0xC0 != 0x80)
        }
        var keys: [Key] = []
        keys.reserveCapacity(batches.reduce(0) { $0 + $1.diagnoses.count })
        for (b, batch) in batches.enumerated() {
            for (n, d) in batch.diagnoses.enumerated() {
                if let bytes {
                    guard d.range.lowerBound >= source.startIndex, d.range.upperBound <= source.endIndex else { continue }
                    let start = utf8.distance(from: utf8.startIndex, to: d.range.lowerBound)
                    let end = utf8.distance(from: utf8.startIndex, to: d.range.upperBound)
                    guard onBoundary(d.range.lowerBound, start, bytes), onBoundary(d.range.upperBound, end, bytes) else { continue }
                    keys.append(Key(start: start, rank: rank[b], batch: Int32(b), index: Int32(n)))
                } else if isValid(d) {
                    keys.append(Key(start: utf8.distance(from: utf8.startIndex, to: d.range.lowerBound), rank: rank[b], batch: Int32(b), index: Int32(n)))
                }
            }
        }
        keys.sort()
        return keys
    }

    private static func place(_ batches: [Batch], _ keys: [Key], in context: ArticleContext, bytes: UnsafeBufferPointer<UInt8>,
                              revision: String?) -> [Finding]
    {
        let source = context.source
        let utf8 = source.utf8
        let path = context.path
        var walk = Walk(bytes, bodyByte: context.article.bodyByteOffset)
        var out: [Finding] = []
        out.reserveCapacity(keys.count)
        for key in keys {
            let batch = batches[Int(key.batch)]
            let n = Int(key.index)
            let range = batch.diagnoses[n].range
            let end = utf8.distance(from: utf8.startIndex, to: range.upperBound)
            let (line, column, offset) = walk.advance(to: key.start)
            out.append(Finding(rule: batch.rule, severity: batch.severity, path: path, revision: revision, line: line,
                               column: column, offset: offset, length: Walk.scalars(bytes, key.start, end),
                               byteOffset: offset == nil ? nil : key.start - walk.bodyByte, byteLength: end - key.start,
                               text: String(source[range]), message: batch.diagnoses[n].message,
                               replacement: batch.diagnoses[n].replacement, fixable: batch.diagnoses[n].isCertain,
                               anchor: Walk.anchor(bytes, key.start, end)))
        }
        return out
    }

    /// A position in the source moving forward, with its line, column and scalar count.
    private struct Walk {
        let bytes: UnsafeBufferPointer<UInt8>
        let bodyByte: Int
        /// Scalars before the body.
        let bodyScalar: Int
        var byte = 0
        var line = 1
        /// Scalars before `byte`, and before it on its line.
        var scalar = 0
        var column = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>, bodyByte: Int) {
            self.bytes = bytes
            self.bodyByte = bodyByte
            bodyScalar = Self.scalars(bytes, 0, bodyByte)
        }

        /// 1-based line and column of `target` (not before the last one), and its scalar offset in the body.
        mutating func advance(to target: Int) -> (line: Int, column: Int, offset: Int?) {
            let (before, lineFeeds) = UTF8Counting.scalarsAndLineFeeds(bytes, byte, target)
            if lineFeeds > 0 {
                var lastFeed = target - 1
                while bytes[lastFeed] != 10 { lastFeed -= 1 }
                line += lineFeeds
                column = Self.scalars(bytes, lastFeed + 1, target)
            } else {
                column += before
            }
            scalar += before
            byte = target
            return (line, column + 1, target >= bodyByte ? scalar - bodyScalar : nil)
        }

        static func scalars(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: Int, _ upper: Int) -> Int {
            UTF8Counting.scalars(bytes, lower, upper)
        }

        /// `FindingLocator.anchor`: up to six scalars either side of bytes `lower..<upper`, not crossing a line end.
        static func anchor(_ bytes: UnsafeBufferPointer<UInt8>, _ lower: Int, _ upper: Int) -> String {
            var lo = lower
            for _ in 0..<6 {
                guard lo > 0 else { break }
                var p = lo - 1
                while p > 0, bytes[p] & 0xC0 == 0x80 { p -= 1 }
                if bytes[p] == 10 { break }
                lo = p
            }
            var hi = upper
            for _ in 0..<6 {
                guard hi < bytes.count, bytes[hi] != 10 else { break }
                hi += 1
                while hi < bytes.count, bytes[hi] & 0xC0 == 0x80 { hi += 1 }
            }
            return String(unsafeUninitializedCapacity: hi - lo - (upper - lower) + 1) { out in
                var n = 0
                for i in lo..<lower { out[n] = bytes[i]; n += 1 }
                out[n] = 1
                n += 1
                for i in upper..<hi { out[n] = bytes[i]; n += 1 }
                return n
            }
        }
    }
}
