/// Conversions between text and arrays of Unicode scalar values, the diff's working form.
enum ScalarBuffer {
    /// The scalar values of `text`.
    static func scalars(of text: String) -> [UInt32] {
        var text = text
        return text.withUTF8 { decode($0) }
    }

    /// Decodes valid UTF-8 (a Swift string's storage) into scalar values.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt32] {
        var count = 0
        for b in bytes where b & 0xC0 != 0x80 { count += 1 }
        return [UInt32](unsafeUninitializedCapacity: count) { out, made in
            var i = 0
            var k = 0
            while i < bytes.count {
                let b = UInt32(bytes[i])
                if b < 0x80 {
                    out[k] = b
                    i += 1
                } else if b < 0xE0 {
                    out[k] = (b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if b < 0xF0 {
                    out[k] = (b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    out[k] = (b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                        | UInt32(bytes[i + 3] & 0x3F)
                    i += 4
                }
                k += 1
            }
            made = k
        }
    }

    /// Appends the UTF-8 form of `scalars[range]` to `out`.
    static func appendUTF8(_ scalars: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, to out: inout [UInt8]) {
        for i in range {
            let v = scalars[i]
            if v < 0x80 {
                out.append(UInt8(v))
            } else if v < 0x800 {
                out.append(UInt8(0xC0 | v >> 6))
                out.append(UInt8(0x80 | v & 0x3F))
            } else if v < 0x10000 {
                out.append(UInt8(0xE0 | v >> 12))
                out.append(UInt8(0x80 | v >> 6 & 0x3F))
                out.append(UInt8(0x80 | v & 0x3F))
            } else {
                out.append(UInt8(0xF0 | v >> 18))
                out.append(UInt8(0x80 | v >> 12 & 0x3F))
                out.append(UInt8(0x80 | v >> 6 & 0x3F))
                out.append(UInt8(0x80 | v & 0x3F))
            }
        }
    }

    /// The text of `scalars[range]`.
    static func string(_ scalars: [UInt32], _ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count * 3)
        scalars.withUnsafeBufferPointer { appendUTF8($0, range, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
