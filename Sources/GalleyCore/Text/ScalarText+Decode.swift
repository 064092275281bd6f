extension ScalarText {
    /// The scalars of valid UTF-8 in an array of exactly the right size, the checkpoints, and the
    /// non-Han bits (one per scalar).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> ([Unicode.Scalar], [UInt32], [UInt64]) {
        precondition(bytes.count < Int(UInt32.max), "ScalarText: text too long")
        let count = UTF8Counting.scalars(bytes, 0, bytes.count)
        var checkpoints = [UInt32](repeating: 0, count: count / Positions.stride + 1)
        var bits = [UInt64](repeating: 0, count: (count + 63) / 64)
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { out, made in
            // Unicode.Scalar is a UInt32 and valid UTF-8 decodes to valid scalars: no check per scalar.
            out.withMemoryRebound(to: UInt32.self) { out in
                decode(bytes, into: out)
                checkpoints.withUnsafeMutableBufferPointer { checkpoints in
                    bits.withUnsafeMutableBufferPointer { bits in
                        index(UnsafeBufferPointer(out), checkpoints: checkpoints, nonHan: bits)
                    }
                }
            }
            made = count
        }
        // The end, when it falls on a checkpoint.
        if count % Positions.stride == 0 { checkpoints[count / Positions.stride] = UInt32(bytes.count) }
        return (scalars, checkpoints, bits)
    }

    /// The scalars alone: the loop stays small, so the processor runs ahead of its branches. Two Han
    /// characters or Chinese marks in a row (three bytes each) come from one 8-byte load.
    private static func decode(_ p: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt32>) {
        var i = 0
        var k = 0
        let raw = UnsafeRawPointer(p.baseAddress)
        while i < p.count {
            if i + 8 <= p.count, let raw {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                // 1110xxxx 10xxxxxx 10xxxxxx twice.
                if w & 0xC0C0_F0C0_C0F0 == 0x8080_E080_80E0 {
                    out[k] = UInt32(truncatingIfNeeded: (w & 0x0F) << 12 | (w >> 2) & 0xFC0 | (w >> 16) & 0x3F)
                    out[k + 1] = UInt32(truncatingIfNeeded: (w >> 12) & 0xF000 | (w >> 26) & 0xFC0 | (w >> 40) & 0x3F)
                    i += 6
                    k += 2
                    continue
                }
            }
            let b0 = UInt32(p[i])
            if b0 < 0x80 {
                out[k] = b0
                i += 1
            } else if b0 & 0xF0 == 0xE0 {
                out[k] = (b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
                i += 3
            } else if b0 < 0xE0 {
                out[k] = (b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F)
                i += 2
            } else {
                out[k] = (b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F)
                i += 4
            }
            k += 1
        }
    }

    /// The checkpoints and the non-Han bits: loops without a branch per scalar over whole blocks of 64,
    /// so each vectorizes, then the last, short block one scalar at a time.
    private static func index(_ s: UnsafeBufferPointer<UInt32>, checkpoints: UnsafeMutableBufferPointer<UInt32>,
                              nonHan: UnsafeMutableBufferPointer<UInt64>)
    {
        precondition(Positions.stride == 32, "checkpoint blocks of 32 scalars")
        func width(_ v: UInt32) -> UInt32 { 1 &+ (0x7F &- v) >> 31 &+ (0x7FF &- v) >> 31 &+ (0xFFFF &- v) >> 31 }
        var offset: UInt32 = 0
        let full = s.count / 64
        var flags = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &flags) { flags in
            let bytes = flags.bindMemory(to: UInt8.self)
            for w in 0..<full {
                let v = UnsafeBufferPointer(rebasing: s[(w * 64)..<(w * 64 + 64)])
                for half in 0..<2 {
                    checkpoints[w * 2 + half] = offset
                    var sum: UInt32 = 0
                    for j in (half * 32)..<(half * 32 + 32) { sum &+= width(v[j]) }
                    offset &+= sum
                }
                // A flag byte per scalar; eight of them become eight bits by one multiplication.
                for j in 0..<64 { bytes[j] = CJK.isHan(v[j]) ? 0 : 1 }
                var word: UInt64 = 0
                for q in 0..<8 {
                    let x = UInt64(littleEndian: flags.load(fromByteOffset: q * 8, as: UInt64.self))
                    word |= ((x &* 0x0102_0408_1020_4080) >> 56) << UInt64(q * 8)
                }
                nonHan[w] = word
            }
        }
        guard full * 64 < s.count else { return }
        var word: UInt64 = 0
        for j in (full * 64)..<s.count {
            if j % 32 == 0 { checkpoints[j / 32] = offset }
            offset &+= width(s[j])
            word |= CJK.isHan(s[j]) ? 0 : 1 << UInt64(j % 64)
        }
        nonHan[full] = word
    }
}
