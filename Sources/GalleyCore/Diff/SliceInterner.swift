/// Gives every distinct sequence of `Int32` values (a number, a word, a sentence) a small id, the same
/// for equal sequences of both texts. Open addressing on a 64-bit hash; a hit is confirmed by comparing
/// the values, so two sequences never share an id by accident.
struct SliceInterner {
    private var slots: [Int32]
    private var mask: Int
    private var hashes: [UInt64] = []
    private var starts: [Int] = []
    private var storage: [Int32] = []
    /// The id of the first sequence; ids count up from here.
    let firstID: Int32

    init(firstID: Int32, capacity: Int = 1024) {
        self.firstID = firstID
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        starts = [0]
    }

    var count: Int { hashes.count }

    @inline(__always) static func hash(_ values: UnsafeBufferPointer<Int32>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(values.count)
        for v in values {
            h = (h ^ UInt64(UInt32(bitPattern: v))) &* 0x0000_0100_0000_01B3
            h ^= h >> 29
        }
        return h
    }

    /// The id of `values`, new or already given.
    mutating func id(of values: UnsafeBufferPointer<Int32>) -> Int32 {
        let h = Self.hash(values)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { break }
            if hashes[entry] == h, starts[entry + 1] - starts[entry] == values.count {
                let same = storage.withUnsafeBufferPointer { stored in
                    var k = 0
                    let base = starts[entry]
                    while k < values.count, stored[base + k] == values[k] { k += 1 }
                    return k == values.count
                }
                if same { return firstID + Int32(entry) }
            }
            slot = (slot + 1) & mask
        }
        let entry = hashes.count
        slots[slot] = Int32(entry)
        hashes.append(h)
        storage.append(contentsOf: values)
        starts.append(storage.count)
        if hashes.count * 2 > slots.count { grow() }
        return firstID + Int32(entry)
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for (entry, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }
}
