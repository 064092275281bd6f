#if canImport(Glibc)
import Glibc
#endif

/// The encodings a file may be checked in from; everything is stored as UTF-8.
public enum SourceEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030

    public init?(name: String) {
        switch name.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "gb18030", "gbk", "gb2312": self = .gb18030
        default: return nil
        }
    }
}

/// A text file decoded to normalised UTF-8 (no BOM, LF line ends), with what was normalised.
public struct SourceText: Sendable {
    public let text: String
    /// Human-readable notes on what normalisation changed, e.g. "removed UTF-8 BOM".
    public let normalizations: [String]

    public static let maximumBytes = 10_000_000

    /// Decodes raw bytes; throws a `GalleyError` naming `path` for binary data or undecodable text.
    public static func decode(_ bytes: [UInt8], path: String, encoding: SourceEncoding = .utf8) throws(GalleyError) -> SourceText {
        if bytes.count > maximumBytes { throw .tooLarge(path: path, bytes: bytes.count, limit: maximumBytes) }
        if let nul = bytes.withUnsafeBytes({ firstOffset(of: 0, in: $0) }) { throw .binary(path: path, offset: nul) }
        var notes: [String] = []
        var text: String
        switch encoding {
        case .utf8:
            var body = bytes[...]
            if body.starts(with: [0xEF, 0xBB, 0xBF]) {
                body = body.dropFirst(3)
                notes.append("removed UTF-8 BOM")
            }
            guard let decoded = String(validating: body, as: UTF8.self) else {
                let (line, column) = invalidUTF8Position(Array(body))
                throw .invalidUTF8(path: path, line: line, column: column, looksLikeGB18030: convertGB18030(bytes) != nil)
            }
            text = decoded
        case .gb18030:
            guard let decoded = convertGB18030(bytes) else { throw .notConvertible(path: path, encoding: "GB18030") }
            text = decoded
            notes.append("converted from GB18030 to UTF-8")
        }
        if text.withUTF8({ firstOffset(of: 13, in: UnsafeRawBufferPointer($0)) }) != nil {
            let crlf = text.contains("\r\n")
            text = String(decoding: normalizeLineEnds(Array(text.utf8)), as: UTF8.self)
            notes.append(crlf ? "converted CRLF line endings to LF" : "converted CR line endings to LF")
        }
        return SourceText(text: text, normalizations: notes)
    }

    /// memchr: a generic search of a large file costs more than decoding it.
    private static func firstOffset(of byte: UInt8, in raw: UnsafeRawBufferPointer) -> Int? {
        guard let base = raw.baseAddress, let hit = memchr(base, Int32(byte), raw.count) else { return nil }
        return UnsafeRawPointer(hit) - base
    }

    /// Reads and decodes the file at `path` (relative to `cwd`); every error names `path` as given.
    public static func read(_ path: String, cwd: String, encoding: SourceEncoding = .utf8) throws(GalleyError) -> (bytes: [UInt8], text: SourceText) {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readFile(FileSystem.absolute(path, from: cwd), limit: maximumBytes)
        } catch .fileNotFound {
            throw .fileNotFound(path: path)
        } catch .notAFile {
            throw .notAFile(path: path)
        } catch .tooLarge(_, let size, let limit) {
            throw .tooLarge(path: path, bytes: size, limit: limit)
        }
        return (bytes, try decode(bytes, path: path, encoding: encoding))
    }

    /// 1-based line and column (in characters) of the first invalid UTF-8 byte.
    static func invalidUTF8Position(_ bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let valid = length > 0 && i + length <= bytes.count
                && String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil
            if !valid { break }
            if b == 10 {
                line += 1
                lineStart = i + 1
            }
            i += length
        }
        let column = String(decoding: bytes[lineStart..<i], as: UTF8.self).count + 1
        return (line, column)
    }

    static func normalizeLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 13 {
                out.append(10)
                if i + 1 < bytes.count, bytes[i + 1] == 10 { i += 1 }
            } else {
                out.append(bytes[i])
            }
            i += 1
        }
        return out
    }

    /// GB18030 → UTF-8 through glibc's iconv; nil when the bytes are not valid GB18030.
    static func convertGB18030(_ bytes: [UInt8]) -> String? {
        let cd = iconv_open("UTF-8", "GB18030")
        guard let cd, cd != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr = outBuf.baseAddress
                var outLeft = outBuf.count
                let rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if rc == -1 || inLeft != 0 { return nil }
                return outBuf.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(validating: output[..<produced].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
