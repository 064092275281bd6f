#if canImport(Glibc)
import Glibc
#endif

/// A growable byte buffer for output in the megabytes, written without a bounds check per byte once
/// room is reserved (a Swift array's `append` costs more than the work per byte here).
final class ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `n` more bytes.
    func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        var size = capacity * 2
        while size < count + n { size *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = size
    }

    func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        if let from = bytes.baseAddress { (base + count).update(from: from, count: bytes.count) }
        count += bytes.count
    }

    func append(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0) } }

    @inline(__always) func unchecked(_ a: UInt8) {
        base[count] = a
        count += 1
    }

    @inline(__always) func unchecked(_ a: UInt8, _ b: UInt8) {
        base[count] = a
        base[count + 1] = b
        count += 2
    }

    @inline(__always) func unchecked(_ a: UInt8, _ b: UInt8, _ c: UInt8) {
        base[count] = a
        base[count + 1] = b
        base[count + 2] = c
        count += 3
    }

    /// The bytes as a string (they are valid UTF-8 by construction).
    var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }
}
