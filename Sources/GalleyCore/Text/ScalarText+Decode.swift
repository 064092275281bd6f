extension ScalarText {
    /// The scalars of valid UTF-8 in an array of exactly the right size, the checkpoints, and the
    /// non-Han bits (one per scalar).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> ([Unicode.Scalar], [UInt32], [UInt64]) {
        precondition(bytes.count < Int(UInt32.max), "ScalarText: text too long")
        // Every byte but a continuation byte (10xxxxxx) starts a scalar: top bit clear or next bit set.
        // Branch-free into a 32-bit sum, so the loop vectorizes (4× faster than a comparison here).
        var starts: UInt32 = 0
        for i in 0..<bytes.count { starts &+= UInt32(~bytes[i] >> 7 | bytes[i] >> 6 & 1) }
        let count = Int(starts)
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

    /// The scalars alone: the loop stays small, so the processor runs ahead of its branches.
    private static func decode(_ p: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt32>) {
        var i = 0
        var k = 0
        while i < p.count {
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

    /// The checkpoints and the non-Han bits, 64 scalars at a time, without a branch per scalar.
    private static func index(_ s: UnsafeBufferPointer<UInt32>, checkpoints: UnsafeMutableBufferPointer<UInt32>,
                              nonHan: UnsafeMutableBufferPointer<UInt64>)
    {
        precondition(Positions.stride == 32, "two checkpoints per word of bits")
        var offset: UInt32 = 0
        // A flag byte per scalar; eight of them become eight bits by one multiplication.
        var flags = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &flags) { flags in
            let bytes = flags.bindMemory(to: UInt8.self)
            for w in 0..<((s.count + 63) / 64) {
                let base = w * 64
                let n = min(64, s.count - base)
                if n < 64 { bytes.initialize(repeating: 0) }
                for half in 0..<2 where half * 32 < n {
                    checkpoints[(base >> 5) + half] = offset
                    for j in (half * 32)..<min(n, half * 32 + 32) {
                        let v = s[base + j]
                        bytes[j] = CJK.isHan(v) ? 0 : 1
                        offset &+= 1 &+ (0x7F &- v) >> 31 &+ (0x7FF &- v) >> 31 &+ (0xFFFF &- v) >> 31
                    }
                }
                var word: UInt64 = 0
                for q in 0..<8 {
                    let x = UInt64(littleEndian: flags.load(fromByteOffset: q * 8, as: UInt64.self))
                    word |= ((x &* 0x0102_0408_1020_4080) >> 56) << UInt64(q * 8)
                }
                nonHan[w] = word
            }
        }
    }
}
