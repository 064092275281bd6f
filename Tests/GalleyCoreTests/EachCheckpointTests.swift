@testable import GalleyCore
import Testing

/// The checkpoint note of `check --each`: what is encoded is decoded the same, and anything else is refused.
@Suite struct EachCheckpointTests {
    static func finding(_ n: Int, text: String, replacement: String?, revision: String?) -> Finding {
        var f = Finding(rule: "typography.dash-form", severity: n % 2 == 0 ? .warning : .error, path: "articles/2026-11-27/a\(n).md",
                        revision: revision, line: 12 + n, column: 3, offset: n == 1 ? nil : 40 + n, length: 2,
                        byteOffset: n == 1 ? nil : 120 + n, byteLength: 6, text: text,
                        message: Message("破折号应为“——”\t（\\）", en: "a dash\nis ——"), replacement: replacement, fixable: replacement != nil)
        f.introduced = revision
        f.fixed = n == 2 ? "abc123" : nil
        f.anchor = "前文\\后文"
        return f
    }

    @Test func whatIsEncodedDecodesTheSame() throws {
        var track = Track()
        track.blob = ObjectID(hex: String(repeating: "ab", count: 20))
        track.current = [Track.Live(finding: Self.finding(0, text: "--", replacement: "——", revision: "0123abcd"))]
        var empty = Track()
        empty.blob = nil
        let gone = [Self.finding(1, text: "—\t—", replacement: nil, revision: nil),
                    Self.finding(2, text: "\\", replacement: "", revision: "ffff")]
        let checkpoint = EachCheckpoint(key: "k1", revisions: 42, tracks: ["articles/甲 乙.md": track, "b\tc.md": empty], gone: gone)
        let decoded = try #require(EachCheckpoint.decode(checkpoint.encode(), key: "k1"))
        #expect(decoded.revisions == 42)
        #expect(decoded.gone == gone)
        #expect(Set(decoded.tracks.keys) == ["articles/甲 乙.md", "b\tc.md"])
        #expect(decoded.tracks["articles/甲 乙.md"]?.blob == track.blob)
        #expect(decoded.tracks["articles/甲 乙.md"]?.current.map(\.finding) == track.current.map(\.finding))
        #expect(decoded.tracks["b\tc.md"]?.blob == nil)
    }

    @Test func anotherKeyOrBrokenTextIsRefused() {
        let bytes = EachCheckpoint(key: "k1", revisions: 1, tracks: [:], gone: [Self.finding(0, text: "x", replacement: nil, revision: nil)]).encode()
        #expect(EachCheckpoint.decode(bytes, key: "k1") != nil)
        #expect(EachCheckpoint.decode(bytes, key: "k2") == nil)
        // A finding line cut short of its 19 fields.
        let lastTab = bytes.lastIndex(of: 9)!
        #expect(EachCheckpoint.decode(Array(bytes[..<lastTab]), key: "k1") == nil)
        #expect(EachCheckpoint.decode([], key: "k1") == nil)
        #expect(EachCheckpoint.decode(Array("galley-each/1\tk1\tx\n".utf8), key: "k1") == nil)
        #expect(EachCheckpoint.decode(Array("galley-each/1\tk1\t3\nC\tno path yet\n".utf8), key: "k1") == nil)
        #expect(EachCheckpoint.decode(Array("galley-each/1\tk1\t3\nQ\tunknown\n".utf8), key: "k1") == nil)
    }
}
