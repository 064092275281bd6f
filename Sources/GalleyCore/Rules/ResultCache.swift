import Foundation
internal import CGalleySupport

/// Parses each distinct newsroom file text once per process, for all rule instances: rules are
/// rebuilt per run, but a roster or term list is the same text across thousands of revisions.
///
/// Keys are whole file texts, so they are kept as their SHA-1: hashing and comparing a
/// 30 KB Chinese term list as a `String` (which normalizes it to NFC on the way) cost more than a
/// millisecond per look-up, and a check-in looks up several.
public final class ResultCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Digest: Value] = [:]

    public init() {}

    public func value(for key: String, _ make: () -> Value) -> Value {
        let digest = Digest(key)
        lock.lock()
        defer { lock.unlock() }
        if let v = values[digest] { return v }
        let v = make()
        values[digest] = v
        return v
    }

    /// The SHA-1 of a key's UTF-8 bytes.
    struct Digest: Hashable {
        let a: UInt64
        let b: UInt64
        let c: UInt32

        init(_ text: String) {
            var text = text
            var sum = (UInt64(0), UInt64(0), UInt32(0))
            withUnsafeMutableBytes(of: &sum) { out in
                text.withUTF8 { galley_sha1_once($0.baseAddress, $0.count, out.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
            }
            (a, b, c) = sum
        }
    }
}
