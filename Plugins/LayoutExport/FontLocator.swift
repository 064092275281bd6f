internal import Ccairo
import GalleyCore

/// A font file and face as fontconfig resolved it. Noto CJK comes as collections whose face 0 is the
/// Japanese one; the Simplified Chinese face is index 2, which fontconfig reports for `… CJK SC`.
struct LocatedFont: Equatable, Sendable {
    let file: String
    let index: Int
    let family: String
}

enum FontLocator {
    /// The face fontconfig picks for `request` (a fontconfig name such as `Noto Serif CJK SC:weight=bold`)
    /// in Simplified Chinese. It must cover common Han characters, or the PDF would be boxes.
    static func locate(_ request: String) throws(GalleyError) -> LocatedFont {
        try CairoLibraries.load()
        guard let pattern = FcNameParse(request) else { throw .fontNotFound(family: request) }
        defer { FcPatternDestroy(pattern) }
        _ = FcPatternAddString(pattern, FC_LANG, "zh-cn")
        FcConfigSubstitute(nil, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let match = FcFontMatch(nil, pattern, &result), result == FcResultMatch else {
            throw .fontNotFound(family: request)
        }
        defer { FcPatternDestroy(match) }
        var charset: OpaquePointer?
        var file: UnsafeMutablePointer<FcChar8>?
        var family: UnsafeMutablePointer<FcChar8>?
        var index: Int32 = 0
        guard FcPatternGetCharSet(match, FC_CHARSET, 0, &charset) == FcResultMatch,
              commonHan.allSatisfy({ FcCharSetHasChar(charset, $0) != 0 }),
              FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch, let file
        else { throw .fontNotFound(family: request) }
        _ = FcPatternGetInteger(match, FC_INDEX, 0, &index)
        _ = FcPatternGetString(match, FC_FAMILY, 0, &family)
        return LocatedFont(file: string(file), index: Int(index), family: family.map(string) ?? request)
    }

    /// 中文的一 (U+4E2D U+6587 U+7684 U+4E00): a font without them is no Chinese font.
    static let commonHan: [FcChar32] = [0x4E2D, 0x6587, 0x7684, 0x4E00]

    private static func string(_ p: UnsafeMutablePointer<FcChar8>) -> String {
        String(cString: UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))
    }
}
