internal import CCairoLoader
import GalleyCore

/// cairo and fontconfig are opened when first needed (see CCairoLoader), not when galley starts:
/// every way into them calls `load()` first.
enum CairoLibraries {
    static func load() throws(GalleyError) {
        var reason = [CChar](repeating: 0, count: 512)
        if galley_cairo_load(&reason, reason.count) == 1 { return }
        throw .ioError(path: "libcairo.so.2", problem: "PDF export needs cairo and fontconfig, which cannot be loaded ("
            + String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            + "); install them with: apt-get install libcairo2 libfontconfig1")
    }
}
