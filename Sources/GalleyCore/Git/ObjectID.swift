internal import Clibgit2

/// A git object id (SHA-1), copied out of libgit2.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible, Comparable {
    // The twenty bytes inline (as they lie in memory), so ids cost no allocation: walks over
    // history make and compare millions of them.
    private let w0: UInt64
    private let w1: UInt64
    private let w2: UInt32

    /// Twenty raw bytes at `pointer` (a tree entry, a pack index, a `git_oid`).
    init(raw pointer: UnsafeRawPointer) {
        w0 = pointer.loadUnaligned(as: UInt64.self)
        w1 = pointer.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        w2 = pointer.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
    }

    init(_ oid: git_oid) {
        self = withUnsafeBytes(of: oid.id) { ObjectID(raw: $0.baseAddress!) }
    }

    /// Twenty raw bytes.
    init(bytes: [UInt8]) {
        precondition(bytes.count == 20, "an object id has 20 bytes")
        self = bytes.withUnsafeBytes { ObjectID(raw: $0.baseAddress!) }
    }

    /// The twenty bytes.
    public var bytes: [UInt8] {
        var copy = self
        return withUnsafeBytes(of: &copy) { Array($0.prefix(20)) }
    }

    /// Appends the twenty bytes to `out` (pack indexes, tree objects).
    func append(to out: inout [UInt8]) {
        var copy = self
        withUnsafeBytes(of: &copy) { out.append(contentsOf: $0.prefix(20)) }
    }

    /// Appends the hexadecimal digits from byte `start` on (a notes name leaves out the first byte).
    func appendHex(to out: inout [UInt8], fromByte start: Int = 0) {
        var copy = self
        withUnsafeBytes(of: &copy) { raw in
            for i in start..<20 {
                out.append(Self.digits[Int(raw[i] >> 4)])
                out.append(Self.digits[Int(raw[i] & 0x0f)])
            }
        }
    }

    /// The first byte: a pack index's fan-out bucket.
    var firstByte: UInt8 { UInt8(truncatingIfNeeded: w0) }

    init?(_ pointer: UnsafePointer<git_oid>?) {
        guard let pointer else { return nil }
        self.init(pointer.pointee)
    }

    /// Parses a full 40-digit hexadecimal id.
    public init?(hex: String) {
        var hex = hex
        guard let id = hex.withUTF8({ ObjectID(hexDigits: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = id
    }

    /// Parses 40 hexadecimal digits (in a commit or a notes path) without making a string.
    init?(hexDigits digits: UnsafeRawBufferPointer) {
        guard digits.count == 40 else { return nil }
        var raw = (UInt64(0), UInt64(0), UInt32(0))
        let ok = withUnsafeMutableBytes(of: &raw) { out -> Bool in
            for i in 0..<20 {
                guard let high = Self.nibble(digits[2 * i]), let low = Self.nibble(digits[2 * i + 1]) else { return false }
                out[i] = high << 4 | low
            }
            return true
        }
        guard ok else { return nil }
        self = withUnsafeBytes(of: &raw) { ObjectID(raw: $0.baseAddress!) }
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    var raw: git_oid {
        var oid = git_oid()
        var copy = self
        withUnsafeMutableBytes(of: &oid.id) { buffer in
            withUnsafeBytes(of: &copy) { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0.prefix(20))) }
        }
        return oid
    }

    public var hex: String {
        var copy = self
        return withUnsafeBytes(of: &copy) { raw in
            String(unsafeUninitializedCapacity: 40) { out in
                for i in 0..<20 {
                    out[2 * i] = Self.digits[Int(raw[i] >> 4)]
                    out[2 * i + 1] = Self.digits[Int(raw[i] & 0x0f)]
                }
                return 40
            }
        }
    }

    private static let digits = Array("0123456789abcdef".utf8)

    public func hash(into hasher: inout Hasher) {
        hasher.combine(w0)
        hasher.combine(w1)
        hasher.combine(w2)
    }

    public static func == (lhs: ObjectID, rhs: ObjectID) -> Bool { lhs.w0 == rhs.w0 && lhs.w1 == rhs.w1 && lhs.w2 == rhs.w2 }

    public var short: String { String(hex.prefix(10)) }
    public var description: String { hex }
    /// Byte order, as git sorts ids.
    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        if lhs.w0 != rhs.w0 { return lhs.w0.bigEndian < rhs.w0.bigEndian }
        if lhs.w1 != rhs.w1 { return lhs.w1.bigEndian < rhs.w1.bigEndian }
        return lhs.w2.bigEndian < rhs.w2.bigEndian
    }
}
