/// Writes the body's ops straight from the scalars into JSON bytes, `[op,"text"]` per line, joining
/// neighbours with the same operation and move: the 1 MB and 10 MB cases would otherwise spend most of
/// their output time making strings. Escapes as `JSONWriter` does (quote, backslash, C0, DEL, C1).
struct JSONOpsWriter: PieceSink {
    let bytes: ByteBuffer
    /// Operation and move of each op written, in order.
    private(set) var written: [(DiffOperation, Int?)] = []
    private var open = false
    private static let hex = Array("0123456789abcdef".utf8)

    init(into bytes: ByteBuffer) {
        self.bytes = bytes
        bytes.append(0x5B)
    }

    mutating func add(_ op: DiffOperation, _ scalars: [UInt32], _ range: Range<Int>, move: Int?) {
        guard !range.isEmpty else { return }
        if !open || written.last!.0 != op || written.last!.1 != move {
            close()
            if !written.isEmpty { bytes.append(0x2C) }
            bytes.append("\n  [")
            bytes.append(op.rawValue < 0 ? "-1" : String(op.rawValue))
            bytes.append(",\"")
            written.append((op, move))
            open = true
        }
        bytes.reserve(range.count * 6)
        scalars.withUnsafeBufferPointer { s in
            for i in range { append(s[i]) }
        }
    }

    private mutating func close() {
        guard open else { return }
        bytes.append(0x22)
        bytes.append(0x5D)
        open = false
    }

    /// Closes the array.
    mutating func finish() {
        close()
        bytes.append(written.isEmpty ? "]" : "\n]")
    }

    /// One scalar, escaped; the caller has reserved six bytes for it.
    @inline(__always) private func append(_ v: UInt32) {
        switch v {
        case 0x22: bytes.unchecked(0x5C, 0x22)
        case 0x5C: bytes.unchecked(0x5C, 0x5C)
        case 0x0A: bytes.unchecked(0x5C, 0x6E)
        case 0x09: bytes.unchecked(0x5C, 0x74)
        case 0x0D: bytes.unchecked(0x5C, 0x72)
        case 0x00..<0x20, 0x7F...0x9F:
            bytes.unchecked(0x5C, 0x75, 0x30)
            bytes.unchecked(0x30, Self.hex[Int(v >> 4)], Self.hex[Int(v & 0xF)])
        case 0x20..<0x80:
            bytes.unchecked(UInt8(v))
        case 0x80..<0x800:
            bytes.unchecked(UInt8(0xC0 | v >> 6), UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            bytes.unchecked(UInt8(0xE0 | v >> 12), UInt8(0x80 | v >> 6 & 0x3F), UInt8(0x80 | v & 0x3F))
        default:
            bytes.unchecked(UInt8(0xF0 | v >> 18), UInt8(0x80 | v >> 12 & 0x3F))
            bytes.unchecked(UInt8(0x80 | v >> 6 & 0x3F), UInt8(0x80 | v & 0x3F))
        }
    }
}
