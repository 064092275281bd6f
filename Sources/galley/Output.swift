import GalleyCore
#if canImport(Glibc)
import Glibc
#endif

/// Printing for people: results on stdout, problems on stderr, one line each.
enum Output {
    static func stderr(_ text: String) {
        let line = text.hasSuffix("\n") ? text : text + "\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
    }

    /// Writes `text` to standard output as it is, in large writes (a diff of a big file is megabytes).
    static func stdout(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var done = 0
            while done < bytes.count {
                let n = write(1, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                done += n
            }
        }
    }

    /// Writes bytes to standard output as they are (a PDF into a pipe).
    static func stdout(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = write(1, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                done += n
            }
        }
    }

    static func error(_ error: GalleyError) {
        stderr("galley: error: \(error.message)")
        if let hint = error.hint { stderr("hint: \(hint)") }
    }

    static func currentDirectory() -> String {
        guard let cwd = getcwd(nil, 0) else { return "." }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    /// Text padded to `width` display columns (CJK characters take two).
    static func pad(_ text: String, _ width: Int) -> String {
        let w = DisplayWidth.of(text)
        return w >= width ? text : text + String(repeating: " ", count: width - w)
    }

    /// JSON string literal.
    static func json(_ s: String) -> String { JSONText.quote(s) }

    /// True when `fd` is a terminal and NO_COLOR is not set (https://no-color.org).
    static func useColor(fd: Int32) -> Bool {
        isatty(fd) == 1 && getenv("NO_COLOR") == nil
    }

    /// A progress printer for long runs: `[n/total] unit` rewritten in place on stderr.
    static func progress(unit: String) -> (Int, Int) -> Void {
        var last = -1
        return { done, total in
            let percent = total == 0 ? 100 : done * 100 / total
            guard percent != last || done == total else { return }
            last = percent
            let line = "\r[\(done)/\(total)] \(unit)" + (done == total ? "\n" : "")
            _ = line.withCString { write(2, $0, strlen($0)) }
        }
    }

    static func configurationWarnings(_ newsroom: Newsroom) {
        for warning in newsroom.configuration.warnings { stderr("galley: warning: \(warning)") }
    }
}

/// Opens the newsroom around the current directory, or throws the one-line error.
/// Configuration warnings go to stderr once, then the defaults apply.
func openNewsroom() throws(GalleyError) -> Newsroom {
    let newsroom = try Newsroom.open(from: Output.currentDirectory())
    Output.configurationWarnings(newsroom)
    return newsroom
}

/// `--author "Name <email>"` as a signature dated now, or nil when not given.
func authorSignature(_ author: String?, _ newsroom: Newsroom) throws(GalleyError) -> Signature? {
    guard let author else { return nil }
    let now = newsroom.defaultAuthor()
    guard let s = Signature.parse(author, time: now.time, offsetMinutes: now.offsetMinutes) else { throw .invalidAuthor(author) }
    return s
}
