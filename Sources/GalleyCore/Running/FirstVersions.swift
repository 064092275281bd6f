#if canImport(Glibc)
import Glibc
#endif

/// Each article's first version (what `byline.wire-cut` measures cuts against), remembered in
/// `.git/galley/first-versions/`, one file per folder, outside the versioned tree. Without it every
/// check-in walked the whole history back to where the article appeared: 7 ms at 23 commits, 52 ms
/// at 1,000. With it the walk stops at the last commit already worked out for that file.
///
/// A line `<commit> <first blob> <file name>` says: on the first-parent chain ending at `<commit>`,
/// the file has been there since the version `<first blob>`. Only a cache: a missing, damaged or
/// foreign line means a longer walk, never a different answer, since the walk checks every commit
/// it passes and a commit's first-parent chain never changes.
final class FirstVersions {
    /// Names and folders as bytes: git paths are bytes, and two spellings of `é` are two files.
    private struct Key: Hashable {
        let name: [UInt8]
        let commit: ObjectID
    }

    private let directory: String
    private let history: RawHistory
    private var folders: [[UInt8]: [Key: ObjectID]] = [:]
    private var pending: [[UInt8]: [UInt8]] = [:]
    /// A folder's file is rewritten with one line per name once it grows past this and holds more
    /// than two lines a name.
    static let compactAbove = 256 * 1024

    init(gitDir: String, history: RawHistory) {
        directory = gitDir + "galley/first-versions/"
        self.history = history
    }

    /// The blob of `path`'s first version as of `commit`, nil when the file is not there.
    func first(of path: String, from commit: ObjectID) throws -> ObjectID? {
        let (folder, text) = Self.split(path)
        let name = Array(text.utf8)
        let known = entries(folder)
        var walked = false
        let found = try history.firstBlob(at: path, from: commit) { current in
            if let answer = known[Key(name: name, commit: current)] { return answer }
            walked = true
            return nil
        }
        // A name with a line break would read back as two lines: such a file is walked every time.
        if walked, let found, !name.contains(0x0A) {
            folders[Array(folder.utf8), default: [:]][Key(name: name, commit: commit)] = found
            pending[Array(folder.utf8), default: []] += Self.line(commit, found, name)
        }
        return found
    }

    /// Appends what this run worked out. Failing to write only costs a later walk.
    func save() {
        guard !pending.isEmpty else { return }
        try? FileSystem.makeDirectories(String(directory.dropLast()))
        for (folder, lines) in pending {
            let fd = open(directory + Self.fileName(String(decoding: folder, as: UTF8.self)), O_WRONLY | O_CREAT | O_APPEND, 0o644)
            guard fd >= 0 else { continue }
            _ = lines.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
            close(fd)
        }
        pending = [:]
    }

    private func entries(_ folder: String) -> [Key: ObjectID] {
        if let known = folders[Array(folder.utf8)] { return known }
        let file = directory + Self.fileName(folder)
        var out: [Key: ObjectID] = [:]
        if let bytes = try? FileSystem.readFile(file, limit: 64 * 1024 * 1024) {
            // Only whole lines: a last line without its line feed may be another process's append under way.
            let whole = bytes[..<((bytes.lastIndex(of: 0x0A) ?? -1) + 1)]
            for line in whole.split(separator: 0x0A) {
                // 40 + 1 + 40 + 1 + name
                guard line.count > 82, line[line.startIndex + 40] == 0x20, line[line.startIndex + 81] == 0x20 else { continue }
                let start = line.startIndex
                guard let commit = line[start..<start + 40].withUnsafeBytes({ ObjectID(hexDigits: $0) }),
                      let first = line[start + 41..<start + 81].withUnsafeBytes({ ObjectID(hexDigits: $0) })
                else { continue }
                out[Key(name: Array(line[(start + 82)...]), commit: commit)] = first
            }
            if bytes.count > Self.compactAbove, Set(out.keys.map(\.name)).count * 2 < out.count { compact(file, out) }
        }
        folders[Array(folder.utf8)] = out
        return out
    }

    /// Keeps one line per file name; which one does not matter for correctness.
    private func compact(_ file: String, _ entries: [Key: ObjectID]) {
        var newest: [[UInt8]: (ObjectID, ObjectID)] = [:]
        for (key, first) in entries { newest[key.name] = (key.commit, first) }
        var text: [UInt8] = []
        for (name, (commit, first)) in newest { text += Self.line(commit, first, name) }
        try? FileSystem.writeFile(file, text)
    }

    static func line(_ commit: ObjectID, _ first: ObjectID, _ name: [UInt8]) -> [UInt8] {
        Array("\(commit.hex) \(first.hex) ".utf8) + name + [0x0A]
    }

    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    /// `articles/2026-11-26` → `articles%2F2026-11-26`: one flat folder, any path.
    static func fileName(_ folder: String) -> String {
        guard !folder.isEmpty else { return "%root" }
        var out = ""
        for c in folder.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "/": out += "%2F"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
