#if canImport(Glibc)
import Glibc
#endif

/// The few file-system calls the core needs, on plain POSIX so that no Foundation is required here.
enum FileSystem {
    static func readFile(_ path: String, limit: Int) throws(GalleyError) -> [UInt8] {
        var st = stat()
        guard stat(path, &st) == 0 else { throw .fileNotFound(path: path) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw .notAFile(path: path) }
        if Int(st.st_size) > limit { throw .tooLarge(path: path, bytes: Int(st.st_size), limit: limit) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .ioError(path: path, problem: String(cString: strerror(errno))) }
        defer { close(fd) }
        var out = [UInt8](repeating: 0, count: Int(st.st_size))
        var done = 0
        while done < out.count {
            let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 { throw .ioError(path: path, problem: String(cString: strerror(errno))) }
            if n == 0 { break }
            done += n
        }
        if done < out.count { out.removeLast(out.count - done) }
        return out
    }

    /// Writes atomically: a temporary file in the same folder (`temporaryPath`), then rename.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws(GalleyError) {
        let tmp = temporaryPath(for: path)
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw .ioError(path: path, problem: String(cString: strerror(errno))) }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
            if n <= 0 {
                close(fd)
                unlink(tmp)
                throw .ioError(path: path, problem: String(cString: strerror(errno)))
            }
            done += n
        }
        close(fd)
        guard rename(tmp, path) == 0 else {
            unlink(tmp)
            throw .ioError(path: path, problem: String(cString: strerror(errno)))
        }
    }

    /// What `temporaryPath` adds to a name.
    static let temporarySuffix = ".galley-tmp-"

    /// Where to write `path` before renaming it into place: the thread's own name, so two threads
    /// writing the same file each rename a whole one.
    static func temporaryPath(for path: String) -> String {
        path + temporarySuffix + "\(getpid())-\(String(pthread_self(), radix: 16))"
    }

    /// Removes the temporary files (`temporaryPath`) in `directory` a minute old, which a process that
    /// exited while it wrote left; returns the names of the other files there.
    @discardableResult
    static func pruneTemporaryFiles(in directory: String) -> [String] {
        var others: [String] = []
        for name in list(directory) {
            guard name.contains(temporarySuffix) else {
                others.append(name)
                continue
            }
            if let age = ageSeconds(directory + "/" + name), age > 60 { unlink(directory + "/" + name) }
        }
        return others
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    static func isSymlink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    /// Seconds since the file was last modified, or nil if it does not exist.
    static func ageSeconds(_ path: String) -> Int? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return max(0, time(nil) - st.st_mtim.tv_sec)
    }

    static func makeDirectories(_ path: String) throws(GalleyError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if !isDirectory(current), mkdir(current, 0o755) != 0, errno != EEXIST {
                throw .ioError(path: current, problem: String(cString: strerror(errno)))
            }
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func currentDirectory() -> String {
        guard let cwd = getcwd(nil, 0) else { return "." }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    /// Names in a directory (no `.`/`..`), sorted.
    static func list(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Collapses `.`, `..` and repeated slashes without touching the disk.
    static func lexicallyNormalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    static func absolute(_ path: String, from cwd: String) -> String {
        lexicallyNormalized(path.hasPrefix("/") ? path : cwd + "/" + path)
    }

    /// `path` relative to `root`, or nil when it is not below it.
    static func relative(_ path: String, to root: String) -> String? {
        if path == root { return "" }
        let prefix = root == "/" ? "/" : root + "/"
        guard path.hasPrefix(prefix) else { return nil }
        return String(path.dropFirst(prefix.count))
    }
}

/// An exclusive advisory lock on a file, released when the process exits (so a crash leaves none).
final class ProcessLock {
    private let fd: Int32

    init(path: String) throws(GalleyError) {
        fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw .ioError(path: path, problem: String(cString: strerror(errno))) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw .ioError(path: path, problem: String(cString: strerror(errno))) }
        }
    }

    private init(holding fd: Int32) {
        self.fd = fd
    }

    /// The lock if no other process holds it now; nil otherwise, or on any error.
    static func ifFree(path: String) -> ProcessLock? {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        return ProcessLock(holding: fd)
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

extension FileSystem {
    static func remove(_ path: String) -> Bool { unlink(path) == 0 }

    static func copyFile(_ from: String, to: String) throws(GalleyError) {
        let bytes = try readFile(from, limit: Int.max)
        try makeDirectories(parent(to))
        try writeFile(to, bytes)
    }
}
