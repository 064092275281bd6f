extension Marks {
    /// `Marks.kinds(_:)` as tables: the scalars of the same kinds form a class, found by two lookups.
    struct ClassTable {
        /// The blocks of 128 scalars with any kind (the switch in `kinds(_:)` names no other).
        static let blocks: [UInt32] = [0x0000, 0x0080, 0x2000, 0x2500, 0x2580, 0x3000, 0xFF00]
        /// The first and second kind of a class that has fewer: a kind past the last.
        static let none = Kind.allCases.count

        /// For each block of 128 scalars below U+10000, its row in `classes` (row 0 is all class 0).
        let pages: [UInt8]
        /// The class of each scalar of the rows.
        let classes: [UInt8]
        /// Per class: a 1 for each of its kinds; its first and second kind, one after the other.
        let counts: [SIMD16<Int32>]
        let kinds: [UInt8]

        init() {
            precondition(Kind.allCases.count < 16, "kinds fit a SIMD16 of counts")
            assert((0..<0x11_0000).allSatisfy { v in
                Self.blocks.contains(UInt32(v) & ~127) || Unicode.Scalar(UInt32(v)).map(Marks.kinds) ?? 0 == 0
            }, "a scalar outside the blocks has a kind")
            var pages = [UInt8](repeating: 0, count: 0x10000 >> 7)
            var classes = [UInt8](repeating: 0, count: 128)
            var classOf: [UInt32: UInt8] = [0: 0]
            var counts = [SIMD16<Int32>(repeating: 0)]
            var first = [Self.none]
            var second = [Self.none]
            for block in Self.blocks {
                pages[Int(block >> 7)] = UInt8(classes.count >> 7)
                for v in block..<(block + 128) {
                    let kinds = Unicode.Scalar(v).map(Marks.kinds) ?? 0
                    if classOf[kinds] == nil {
                        classOf[kinds] = UInt8(counts.count)
                        var vector = SIMD16<Int32>(repeating: 0)
                        var rest = kinds
                        for _ in 0..<2 {
                            vector[rest == 0 ? 15 : rest.trailingZeroBitCount] = rest == 0 ? 0 : 1
                            rest &= rest &- 1
                        }
                        precondition(rest == 0, "a scalar has at most two kinds")
                        counts.append(vector)
                        first.append(kinds == 0 ? Self.none : kinds.trailingZeroBitCount)
                        let other = kinds & (kinds &- 1)
                        second.append(other == 0 ? Self.none : other.trailingZeroBitCount)
                    }
                    classes.append(classOf[kinds]!)
                }
            }
            self.pages = pages
            self.classes = classes
            self.counts = counts
            kinds = zip(first, second).flatMap { [UInt8($0), UInt8($1)] }
        }

        /// The class of scalar value `v`.
        @inline(__always) static func of(_ v: UInt32, _ pages: UnsafeBufferPointer<UInt8>, _ classes: UnsafeBufferPointer<UInt8>) -> Int {
            v < 0x10000 ? Int(classes[Int(pages[Int(v >> 7)]) << 7 | Int(v & 127)]) : 0
        }
    }
}
