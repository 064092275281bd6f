/// A multi-pattern matcher (Aho–Corasick), written for Galley: one pass over the text finds every
/// occurrence of every pattern, overlapping ones included, however many patterns there are.
///
/// Scalars the patterns use get a small class number (a table for the BMP, a dictionary above it); a
/// scalar of no pattern sends the automaton back to the root at once. The trie's edges are one flat
/// array (sorted by class per state, searched by bisection when a state has many), the root's a dense
/// table; each state's edge range, failure link and nearest state with an output (the dictionary-suffix
/// link) sit side by side, so a step usually reads one cache line of states and one of edges.
public struct AhoCorasick: Sendable {
    /// One occurrence: pattern `pattern` over scalars `start..<end` of the scanned text.
    public struct Match: Sendable, Equatable {
        public let pattern: Int
        public let start: Int
        public let end: Int

        public init(pattern: Int, start: Int, end: Int) {
            self.pattern = pattern
            self.start = start
            self.end = end
        }
    }

    /// Patterns longer than this are refused (a scan remembers that many positions).
    public static let maximumLength = 64

    /// The length of each pattern in scalars (0 for a refused, empty or over-long pattern).
    public let lengths: [Int]
    public var patternCount: Int { lengths.count }
    /// States of the trie.
    public var stateCount: Int { node.count / 4 }

    /// Per state, side by side so one cache line serves a step: first edge, end of edges, failure link,
    /// and the state itself when it ends a pattern, else its nearest suffix state that does, else -1.
    private let node: [Int32]
    /// Edges as one word each: class in the high half, target state in the low half, sorted by class.
    private let edge: [UInt64]

    // Scalar classes: 0 is "in no pattern".
    private let bmpClass: [UInt16]
    private let astralClass: [UInt32: UInt16]
    /// The root's edges as a dense table by class.
    private let rootNext: [Int32]
    /// The next suffix state with an output after this one, or -1.
    private let nextOutput: [Int32]
    /// Patterns ending at state s: outputList[outputStart[s]..<outputStart[s + 1]].
    private let outputStart: [Int32]
    private let outputList: [Int32]

    /// Builds the automaton. Pattern `i` is reported as `i`; equal patterns are each reported.
    public init<S: Sequence>(patterns: [S]) where S.Element == Unicode.Scalar {
        var bmp = [UInt16](repeating: 0, count: 0x10000)
        var astral: [UInt32: UInt16] = [:]
        var classCount = 0
        var encoded: [[UInt16]] = []
        encoded.reserveCapacity(patterns.count)
        var lengths: [Int] = []
        lengths.reserveCapacity(patterns.count)
        for p in patterns {
            var classes: [UInt16] = []
            for s in p {
                var c = s.value < 0x10000 ? bmp[Int(s.value)] : astral[s.value] ?? 0
                if c == 0 {
                    guard classCount < Int(UInt16.max) else { classes = []; break }
                    classCount += 1
                    c = UInt16(classCount)
                    if s.value < 0x10000 { bmp[Int(s.value)] = c } else { astral[s.value] = c }
                }
                classes.append(c)
            }
            if classes.count > Self.maximumLength { classes = [] }
            encoded.append(classes)
            lengths.append(classes.count)
        }
        self.lengths = lengths
        bmpClass = bmp
        astralClass = astral

        // The trie: children by (state << 16 | class).
        var children: [Int: Int32] = [:]
        children.reserveCapacity(encoded.reduce(0) { $0 + $1.count })
        var parentOf: [Int32] = [-1]
        var classOf: [UInt16] = [0]
        var ends: [[Int32]] = [[]]
        for (i, classes) in encoded.enumerated() where !classes.isEmpty {
            var state: Int32 = 0
            for c in classes {
                let key = Int(state) << 16 | Int(c)
                if let next = children[key] {
                    state = next
                } else {
                    let next = Int32(parentOf.count)
                    children[key] = next
                    parentOf.append(state)
                    classOf.append(c)
                    ends.append([])
                    state = next
                }
            }
            ends[Int(state)].append(Int32(i))
        }
        let n = parentOf.count

        // Edges grouped by state and sorted by class: a counting sort on the parent.
        var start = [Int32](repeating: 0, count: n + 1)
        for s in 1..<n { start[Int(parentOf[s]) + 1] += 1 }
        for s in 0..<n { start[s + 1] += start[s] }
        var fill = start
        var targets = [Int32](repeating: 0, count: max(0, n - 1))
        for s in 1..<n {
            let p = Int(parentOf[s])
            targets[Int(fill[p])] = Int32(s)
            fill[p] += 1
        }
        var classes = [UInt16](repeating: 0, count: targets.count)
        for s in 0..<n {
            let range = Int(start[s])..<Int(start[s + 1])
            if range.count > 1 { targets[range].sort { classOf[Int($0)] < classOf[Int($1)] } }
            for k in range { classes[k] = classOf[Int(targets[k])] }
        }
        var root = [Int32](repeating: 0, count: classCount + 1)
        for k in Int(start[0])..<Int(start[1]) { root[Int(classes[k])] = targets[k] }

        // Failure links breadth first; a state's suffix states are all shallower, so they are done first.
        var failLinks = [Int32](repeating: 0, count: n)
        var first = [Int32](repeating: -1, count: n)
        var next = [Int32](repeating: -1, count: n)
        var queue: [Int32] = []
        queue.reserveCapacity(n)
        for k in Int(start[0])..<Int(start[1]) { queue.append(targets[k]) }
        var head = 0
        while head < queue.count {
            let s = Int(queue[head])
            head += 1
            let parent = Int(parentOf[s])
            if parent != 0 {
                var f = Int(failLinks[parent])
                let c = classOf[s]
                while true {
                    if let t = children[f << 16 | Int(c)] {
                        failLinks[s] = t
                        break
                    }
                    if f == 0 { break }
                    f = Int(failLinks[f])
                }
            }
            let f = Int(failLinks[s])
            next[s] = first[f]
            first[s] = ends[s].isEmpty ? first[f] : Int32(s)
            for k in Int(start[s])..<Int(start[s + 1]) { queue.append(targets[k]) }
        }
        var outStart = [Int32](repeating: 0, count: n + 1)
        var outList: [Int32] = []
        for s in 0..<n {
            outList += ends[s]
            outStart[s + 1] = Int32(outList.count)
        }
        rootNext = root
        var packed = [Int32](repeating: 0, count: 4 * n)
        for s in 0..<n {
            packed[4 * s] = start[s]
            packed[4 * s + 1] = start[s + 1]
            packed[4 * s + 2] = failLinks[s]
            packed[4 * s + 3] = first[s]
        }
        node = packed
        edge = (0..<targets.count).map { UInt64(classes[$0]) << 32 | UInt64(UInt32(bitPattern: targets[$0])) }
        nextOutput = next
        outputStart = outStart
        outputList = outList
    }

    /// Every match in `text`, in order of its end. With `joiningWrappedLines`, a line break with no blank
    /// line next to it (a hard-wrapped paragraph) is stepped over, so a word wrapped across two lines is
    /// found; such a match's range includes the line break.
    public func matches(in text: [Unicode.Scalar], joiningWrappedLines: Bool = false) -> [Match] {
        var out: [Match] = []
        scan(text, joiningWrappedLines: joiningWrappedLines) { out.append($0) }
        return out
    }

    /// Calls `found` for every match in `text`, in order of its end.
    public func scan(_ text: [Unicode.Scalar], joiningWrappedLines: Bool = false, _ found: (Match) -> Void) {
        text.withUnsafeBufferPointer { scan($0, joiningWrappedLines: joiningWrappedLines, found) }
    }

    /// Calls `found` for every match in `text`, in order of its end.
    public func scan(_ text: UnsafeBufferPointer<Unicode.Scalar>, joiningWrappedLines: Bool = false, _ found: (Match) -> Void) {
        bmpClass.withUnsafeBufferPointer { bmp in
        node.withUnsafeBufferPointer { node in
        edge.withUnsafeBufferPointer { edge in
        rootNext.withUnsafeBufferPointer { rootNext in
            // Positions of the last fed scalars, for the start of a match that stepped over a line break.
            var fed = [Int](repeating: 0, count: Self.maximumLength)
            let mask = Self.maximumLength - 1
            var fedCount = 0
            var state = 0
            let n = text.count
            var i = 0
            while i < n {
                let s = text[i]
                let v = s.value
                if joiningWrappedLines && v == 10 {
                    // Step over a single line break; a blank line (two breaks) ends every match.
                    if i + 1 < n && text[i + 1].value != 10 && i > 0 && text[i - 1].value != 10 {
                        i += 1
                        continue
                    }
                    state = 0
                    i += 1
                    continue
                }
                let c = v < 0x10000 ? Int(bmp[Int(v)]) : Int(astralClass[v] ?? 0)
                if c == 0 {
                    state = 0
                    i += 1
                    continue
                }
                if joiningWrappedLines {
                    fed[fedCount & mask] = i
                    fedCount += 1
                }
                // Follow failure links until a state has an edge for c; the root has a dense table.
                let key = UInt64(c) << 32
                while true {
                    if state == 0 {
                        state = Int(rootNext[c])
                        break
                    }
                    var k = Int(node[4 * state])
                    var end = Int(node[4 * state + 1])
                    var target = -1
                    // Binary search down to a few edges, then a linear scan.
                    while end - k > 8 {
                        let mid = (k + end) >> 1
                        if edge[mid] & 0xFFFF_FFFF_0000_0000 <= key { k = mid } else { end = mid }
                    }
                    while k < end {
                        let e = edge[k] & 0xFFFF_FFFF_0000_0000
                        if e >= key {
                            if e == key { target = Int(Int32(bitPattern: UInt32(truncatingIfNeeded: edge[k]))) }
                            break
                        }
                        k += 1
                    }
                    if target >= 0 {
                        state = target
                        break
                    }
                    state = Int(node[4 * state + 2])
                }
                var o = Int(node[4 * state + 3])
                while o >= 0 {
                    for p in Int(outputStart[o])..<Int(outputStart[o + 1]) {
                        let pattern = Int(outputList[p])
                        let length = lengths[pattern]
                        let start = joiningWrappedLines ? fed[(fedCount - length) & mask] : i + 1 - length
                        found(Match(pattern: pattern, start: start, end: i + 1))
                    }
                    o = Int(nextOutput[o])
                }
                i += 1
            }
        }}}}
    }
}
