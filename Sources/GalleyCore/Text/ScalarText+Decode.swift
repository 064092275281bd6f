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
        let stride = Positions.stride
        var checkpoints = [UInt32](repeating: 0, count: count / stride + 1)
        var bits = [UInt64](repeating: 0, count: (count + 63) / 64)
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { out, made in
            // Unicode.Scalar is a UInt32 and valid UTF-8 decodes to valid scalars: no check per scalar.
            out.withMemoryRebound(to: UInt32.self) { out in
                checkpoints.withUnsafeMutableBufferPointer { checkpoints in
                    bits.withUnsafeMutableBufferPointer { bits in
                        decode(bytes, into: out, checkpoints: checkpoints, nonHan: bits)
                    }
                }
            }
            made = count
        }
        // The end, when it falls on a checkpoint.
        if count % stride == 0 { checkpoints[count / stride] = UInt32(bytes.count) }
        return (scalars, checkpoints, bits)
    }

    private static func decode(_ p: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt32>,
                               checkpoints: UnsafeMutableBufferPointer<UInt32>, nonHan: UnsafeMutableBufferPointer<UInt64>)
    {
        precondition(Positions.stride == 32, "two checkpoints per word of bits")
        var i = 0
        var k = 0
        while k < out.count {
            // A word of bits per 64 scalars, a checkpoint every 32.
            let end = min(k + 64, out.count)
            let middle = k + 32
            checkpoints[k >> 5] = UInt32(i)
            var word: UInt64 = 0
            while k < end {
                if k == middle { checkpoints[k >> 5] = UInt32(i) }
                let b0 = UInt32(p[i])
                var v: UInt32
                if b0 & 0xF0 == 0xE0 {
                    // Three bytes: all of Han and Chinese punctuation, so first.
                    v = (b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
                    i += 3
                } else if b0 < 0x80 {
                    v = b0
                    i += 1
                } else if b0 < 0xE0 {
                    v = (b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F)
                    i += 2
                } else {
                    v = (b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F)
                    i += 4
                }
                out[k] = v
                word |= nonHanBit(v) << UInt64(k & 63)
                k += 1
            }
            nonHan[(k - 1) >> 6] = word
        }
    }

    /// 1 unless `v` is Han (`CJK.isHan`), without a branch: a mispredicted one per punctuation mark costs more.
    @inline(__always) private static func nonHanBit(_ v: UInt32) -> UInt64 {
        func bit(_ b: Bool) -> UInt64 { UInt64(unsafeBitCast(b, to: UInt8.self)) }
        return 1 ^ (bit(v &- 0x4E00 < 0x5200) | bit(v &- 0x3400 < 0x1AC0) | bit(v &- 0xF900 < 0x200) | bit(v &- 0x20000 < 0x20000)
            | bit(v == 0x3007))
    }
}
