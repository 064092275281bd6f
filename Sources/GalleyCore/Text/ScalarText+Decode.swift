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
        let stride = Positions.stride
        var i = 0
        var k = 0
        var word: UInt64 = 0
        while k < out.count {
            // One block of `stride` scalars per checkpoint; two blocks fill a word of bits.
            checkpoints[k / stride] = UInt32(i)
            let blockEnd = min(k + stride, out.count)
            while k < blockEnd {
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
                word |= UInt64(CJK.isHan(v) ? 0 : 1) << UInt64(k & 63)
                k += 1
            }
            if k & 63 == 0 || k == out.count {
                nonHan[(k - 1) >> 6] = word
                word = 0
            }
        }
    }
}
