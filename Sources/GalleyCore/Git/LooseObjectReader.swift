internal import CGalleySupport
#if canImport(Glibc)
import Glibc
#endif

/// Loose objects (`objects/ab/cdef…`: zlib over `<type> <size>\0<content>`) read here. Every
/// check-in writes its objects loose, and a walk over recent history reads them by the dozen;
/// through libgit2 each read costs several times the reading itself. Nil for anything odd
/// (absent, damaged, too large): the caller asks libgit2, which reports real damage properly.
final class LooseObjectReader {
    private let directory: String
    private let inflater: OpaquePointer
    static let largestObject = 64 << 20

    init?(objectsDirectory: String) {
        guard let inflater = galley_inflater_new() else { return nil }
        directory = objectsDirectory + "/"
        self.inflater = inflater
    }

    deinit { galley_inflater_free(inflater) }

    func read(_ id: ObjectID) -> PackReader.Object? {
        let hex = id.hex
        guard let compressed = try? FileSystem.readFile(directory + hex.prefix(2) + "/" + hex.dropFirst(2), limit: Self.largestObject)
        else { return nil }
        // The header first, then the rest of the stream straight into the object's bytes; zlib keeps
        // reading `compressed` between the two calls, so both run while its bytes are pinned.
        return compressed.withUnsafeBytes { c -> PackReader.Object? in
            var head = [UInt8](repeating: 0, count: 64)
            let produced = head.withUnsafeMutableBytes { h in galley_inflate_prefix(inflater, c.baseAddress, c.count, h.baseAddress, h.count) }
            guard produced > 0, let nul = head[..<Int(produced)].firstIndex(of: 0),
                  let space = head[..<nul].firstIndex(of: 0x20),
                  let kind = Self.kind(head[..<space]),
                  let size = Int(String(decoding: head[(space + 1)..<nul], as: UTF8.self)), size >= 0, size <= Self.largestObject
            else { return nil }
            let already = Int(produced) - (nul + 1)
            guard already <= size else { return nil }
            var data = [UInt8](repeating: 0, count: size)
            data.replaceSubrange(0..<already, with: head[(nul + 1)..<Int(produced)])
            let status = data.withUnsafeMutableBytes { o in
                galley_inflate_rest(inflater, o.baseAddress.map { $0 + already }, size - already, nul + 1 + size)
            }
            return status == 0 ? PackReader.Object(kind: kind, data: data) : nil
        }
    }

    private static func kind(_ name: ArraySlice<UInt8>) -> PackReader.Kind? {
        switch String(decoding: name, as: UTF8.self) {
        case "commit": .commit
        case "tree": .tree
        case "blob": .blob
        case "tag": .tag
        default: nil
        }
    }
}
