internal import CGalleySupport

/// One zlib stream reused for many small objects (pack entries, notes). `compress2` sets up and
/// frees a stream of about 270 KB per call; for thousands of notes that churn is paid in page
/// faults on every core. Not thread-safe: one per thread.
final class Deflater {
    private let stream: OpaquePointer

    /// `level` 1: objects are written once; speed matters more than size. `small`: for objects of
    /// a few KB (notes, trees), whose compression costs less than resetting a full-size stream.
    init(level: Int32 = 1, small: Bool = false) throws {
        guard let s = galley_deflater_new(level, small ? 1 : 0) else {
            throw GitFailure(code: -1, message: "zlib could not start a stream", function: "deflateInit")
        }
        stream = s
    }

    deinit { galley_deflater_free(stream) }

    /// For findings notes and notes trees: zlib streams of stored blocks. A 600-byte note with
    /// Chinese messages and anchors shrinks by a fifth at level 1, for 25 times the cost (about
    /// 10 µs a note, a third of a cold `check --each` over ten thousand versions).
    static func stored() throws -> Deflater { try Deflater(level: 0, small: true) }

    /// The zlib stream of `data`.
    func deflate(_ data: [UInt8]) throws -> [UInt8] {
        let capacity = galley_deflate_bound(stream, data.count)
        var n = -1
        let out = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            n = data.withUnsafeBytes { galley_deflate(stream, $0.baseAddress, $0.count, buffer.baseAddress, capacity) }
            count = max(0, n)
        }
        guard n >= 0 else { throw GitFailure(code: -1, message: "zlib could not compress an object", function: "deflate") }
        return out
    }
}
