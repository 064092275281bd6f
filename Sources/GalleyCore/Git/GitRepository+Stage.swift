internal import Clibgit2
#if canImport(Glibc)
import Glibc
#endif

extension GitRepository {
    /// Stages work-tree files into `.git/index`, so that `git status` is clean and a later CLI commit
    /// keeps the change. Entries other writers added are kept. Throws GIT_ELOCKED while another
    /// writer holds `index.lock` (the caller retries). `direct` false: always through libgit2.
    func stageFromWorkdir(paths: [String], direct: Bool = true) throws {
        if direct, try stageDirectly(paths: paths) { return }
        var index: OpaquePointer?
        try gitCheck(git_repository_index(&index, handle), "git_repository_index")
        defer { git_index_free(index) }
        // Not forced: re-read only when another writer changed the file since libgit2 loaded it.
        try gitCheck(git_index_read(index, 0), "git_index_read")
        for path in paths {
            try gitCheck(git_index_add_bypath(index, path), "git_index_add_bypath")
        }
        try gitCheck(git_index_write(index), "git_index_write")
    }

    /// The same staging as `git_index_add_bypath` + `git_index_write`, done by editing the index file
    /// (`IndexFile`) under `index.lock`. Returns false, having changed nothing, when something is
    /// outside what that edit handles: no index yet, case-insensitive or filtered (attributes, autocrlf)
    /// paths, a file that is not a plain file or whose blob is not stored, an index `IndexFile` does
    /// not edit, or a racily clean entry it cannot check.
    func stageDirectly(paths: [String]) throws -> Bool {
        guard let pending = try prepareStaging(paths: paths) else { return false }
        return try pending.putInPlace(through: self)
    }

    /// `stageDirectly` up to the new index written to `index.lock`, not yet put in place: the caller
    /// calls `putInPlace(through:)` or `discard()` (or lets go of it, which discards). Nil, having
    /// changed nothing, where `stageDirectly` returns false. The files' blobs need only be stored by
    /// the time it is put in place (a commit made meanwhile on another thread stores them).
    /// `storeTrees`: a cached tree whose object is missing is stored then too rather than invalidated
    /// (that commit stores the same trees, and the index's cache then still tells which folders match
    /// it). `beforeLocking` runs once the new index is written: false drops it (nil).
    ///
    /// `ahead`: the new index is written to a private file without taking `index.lock`, which is taken
    /// only after `beforeLocking` (a check-in's gate may still be running before it, and a lock held
    /// through it would stop git, or be left behind by an interrupted galley); then, if the index is
    /// the one that was read, the private file becomes `index.lock`. Nil when the lock is taken or the
    /// index has changed meanwhile.
    func prepareStaging(paths: [String], storeTrees: Bool = false, ahead: Bool = false,
                        beforeLocking: () -> Bool = { true }) throws -> PendingIndex? {
        guard let root = workdir, !paths.isEmpty, let caps = indexCapabilities(), !caps.ignoreCase else { return nil }
        let unique = Set(paths).map { Array($0.utf8) }.sorted { IndexFile.compare($0, $1) < 0 }
        var files: [(path: [UInt8], id: ObjectID, stat: stat)] = []
        for path in unique {
            guard Self.isPlainPath(path), let (bytes, st) = Self.readRegularFile(root + String(decoding: path, as: UTF8.self)),
                  let id = BlobHash.of(bytes)
            else { return nil }
            files.append((path, id, st))
        }

        // Lock first, then read: entries another writer staged meanwhile are kept. Ahead, the lock
        // comes later, with a check that the index read is still the index.
        let indexPath = gitDir + "index"
        let lockPath = indexPath + ".lock"
        let target = ahead ? FileSystem.temporaryPath(for: indexPath) : lockPath
        if ahead { FileSystem.pruneTemporaryFiles(in: String(gitDir.dropLast())) }
        let fd = Glibc.open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            if errno == EEXIST && !ahead { throw GitFailure(code: GIT_ELOCKED.rawValue, message: "the index is locked (\(lockPath))", function: "index.lock") }
            return nil
        }
        var written = false
        var locked = !ahead
        defer {
            if !written {
                close(fd)
                unlink(target)
                if ahead && locked { unlink(lockPath) }
            }
        }
        guard let (mapping, indexStat) = Self.map(indexPath) else { return nil }
        defer { munmap(UnsafeMutableRawPointer(mutating: mapping.baseAddress), mapping.count) }
        // Read as git reads it, without a checksum pass (libgit2 makes one; git does not).
        guard let index = IndexFile.parse(mapping, verify: false) else { return nil }
        // The blobs were hashed as they are: right only if no filter (gitattributes, core.autocrlf) applies.
        let unfiltered = attributesAbsent(for: unique, index: index, root: root)
        if !unfiltered {
            for path in unique where filtered(String(decoding: path, as: UTF8.self)) != false { return nil }
        }

        var staged: [IndexFile.NewEntry] = []
        for file in files {
            let executable = file.stat.st_mode & 0o100 != 0
            var mode: UInt32 = executable ? 0o100755 : 0o100644
            if !caps.trustFileMode {
                // libgit2's index_merge_mode: keep a regular entry's mode, else 0644.
                let existing = index.find(file.path).map { index.mode($0) }
                mode = existing.map { $0 & 0o170000 == 0o100000 ? $0 : 0o100644 } ?? 0o100644
            }
            staged.append(IndexFile.NewEntry(path: file.path, header: IndexFile.header(stat: file.stat, mode: mode, id: file.id, pathLength: file.path.count)))
        }

        // Racily clean entries (changed no earlier than the index file): smudge those whose file
        // differs, as libgit2's truncate_racily_clean does before each write.
        let stampSeconds = Int32(truncatingIfNeeded: indexStat.st_mtim.tv_sec)
        let stampNanoseconds = UInt32(truncatingIfNeeded: indexStat.st_mtim.tv_nsec)
        let stagedPaths = Set(unique)
        var smudged: Set<Int> = []
        for i in 0..<index.count where index.mode(i) != IndexFile.gitlinkMode {
            let seconds = index.mtimeSeconds(i)
            guard seconds > stampSeconds || (seconds == stampSeconds && index.mtimeNanoseconds(i) >= stampNanoseconds) else { continue }
            let path = index.path(i)
            if stagedPaths.contains(path) { continue }
            guard index.stage(i) == 0, let modified = racilyModified(index, i, root: root, trustFileMode: caps.trustFileMode, unfiltered: unfiltered)
            else { return nil }
            if modified { smudged.insert(i) }
        }

        var missingTrees: [(id: ObjectID, content: [UInt8])] = []
        let stored = { (id: ObjectID, tree: [UInt8]) -> Bool in
            if self.exists(id) { return true }
            guard storeTrees else { return false }
            missingTrees.append((id, tree))
            return true
        }
        guard try index.write(staged: staged, smudged: smudged, to: fd, stored: stored), beforeLocking() else { return nil }
        if ahead {
            let lock = Glibc.open(lockPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard lock >= 0 else { return nil }
            close(lock)
            locked = true
            var now = stat()
            guard stat(indexPath, &now) == 0, now.st_dev == indexStat.st_dev, now.st_ino == indexStat.st_ino,
                  now.st_size == indexStat.st_size, now.st_mtim.tv_sec == indexStat.st_mtim.tv_sec,
                  now.st_mtim.tv_nsec == indexStat.st_mtim.tv_nsec
            else { return nil }
        }
        close(fd)
        if ahead {
            guard rename(target, lockPath) == 0 else {
                unlink(target)
                unlink(lockPath)
                written = true
                return nil
            }
        }
        written = true
        return PendingIndex(lockPath: lockPath, indexPath: indexPath, objects: PendingIndex.Objects(blobs: files.map(\.id), trees: missingTrees))
    }

    /// Whether a racily clean entry's file differs from it (what libgit2's index-to-workdir diff
    /// decides); nil when that needs more than a plain file's bytes.
    private func racilyModified(_ index: IndexFile, _ i: Int, root: String, trustFileMode: Bool, unfiltered: Bool) -> Bool? {
        let mode = index.mode(i)
        guard mode == 0o100644 || mode == 0o100755 else { return nil }
        let text = String(decoding: index.path(i), as: UTF8.self)
        var st = stat()
        guard lstat(root + text, &st) == 0 else { return true }
        guard st.st_mode & S_IFMT == S_IFREG else { return true }
        if trustFileMode, (st.st_mode & 0o100 != 0) != (mode == 0o100755) { return true }
        guard UInt32(truncatingIfNeeded: st.st_size) == index.fileSize(i) else { return true }
        guard unfiltered || filtered(text) == false, let (bytes, _) = Self.readRegularFile(root + text), let id = BlobHash.of(bytes) else { return nil }
        return id.bytes != index.id(i)
    }

    /// core.filemode and core.ignorecase, as libgit2 sets an index's capabilities (defaults: true, false).
    private func indexCapabilities() -> (trustFileMode: Bool, ignoreCase: Bool)? {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, handle) == 0 else { return nil }
        defer { git_config_free(config) }
        func flag(_ name: String, _ fallback: Bool) -> Bool? {
            var value: Int32 = 0
            let rc = git_config_get_bool(&value, config, name)
            if rc == GIT_ENOTFOUND.rawValue { return fallback }
            return rc == 0 ? value != 0 : nil
        }
        guard let fileMode = flag("core.filemode", true), let ignoreCase = flag("core.ignorecase", false) else { return nil }
        return (fileMode, ignoreCase)
    }

    /// True when no file can be filtered on its way into the object database: core.autocrlf is off
    /// and there is no attributes file where libgit2 looks for one (`collect_attr_files`): the system
    /// and global (core.attributesFile or XDG) files, `info/attributes`, and `.gitattributes` in the
    /// work tree or the index in any folder on the way to `paths`. Then no attribute is set, and
    /// neither the crlf nor the ident filter applies, without asking libgit2 per path (which loads
    /// the whole index to look for attributes in it).
    private func attributesAbsent(for paths: [[UInt8]], index: IndexFile, root: String) -> Bool {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, handle) == 0 else { return false }
        defer { git_config_free(config) }
        var autocrlf: Int32 = 0
        let rc = git_config_get_bool(&autocrlf, config, "core.autocrlf")
        guard rc == GIT_ENOTFOUND.rawValue || (rc == 0 && autocrlf == 0) else { return false }

        var candidates = [gitDir + "info/attributes"]
        var buffer = git_buf()
        let global = git_config_get_path(&buffer, config, "core.attributesfile")
        if global == 0, let ptr = buffer.ptr {
            candidates.append(String(cString: ptr))
        } else if global != GIT_ENOTFOUND.rawValue {
            git_buf_dispose(&buffer)
            return false
        } else {
            guard let xdg = searchPath(GIT_CONFIG_LEVEL_XDG) else { return false }
            candidates += xdg.map { $0 + "/attributes" }
        }
        git_buf_dispose(&buffer)
        guard let system = searchPath(GIT_CONFIG_LEVEL_SYSTEM) else { return false }
        candidates += system.map { $0 + "/gitattributes" }

        var folders: Set<[UInt8]> = [[]]
        for path in paths {
            var end = path.lastIndex(of: UInt8(ascii: "/"))
            while let e = end {
                folders.insert(Array(path[..<e]))
                end = path[..<e].lastIndex(of: UInt8(ascii: "/"))
            }
        }
        for folder in folders {
            let file = folder.isEmpty ? Array(".gitattributes".utf8) : folder + Array("/.gitattributes".utf8)
            candidates.append(root + String(decoding: file, as: UTF8.self))
            if index.find(file) != nil { return false }
        }
        var st = stat()
        return !candidates.contains { lstat($0, &st) == 0 }
    }

    /// The folders libgit2 searches at a configuration level; nil when it cannot tell.
    private func searchPath(_ level: git_config_level_t) -> [String]? {
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        guard galley_opt_get_search_path(level.rawValue, &buffer) == 0 else { return nil }
        guard let ptr = buffer.ptr else { return [] }
        return String(cString: ptr).split(separator: ":").map(String.init)
    }

    /// Whether libgit2 would filter the file on its way into the object database (gitattributes,
    /// core.autocrlf); nil on error.
    private func filtered(_ path: String) -> Bool? {
        var filters: OpaquePointer?
        guard git_filter_list_load(&filters, handle, nil, path, GIT_FILTER_TO_ODB, GIT_FILTER_DEFAULT.rawValue) == 0 else { return nil }
        defer { git_filter_list_free(filters) }
        return filters != nil
    }

    /// Plain relative paths only: components of letters, digits, `.`, `_` and `-`, none starting or
    /// ending with a dot (so nothing libgit2's path validation would refuse, like `.git`).
    static func isPlainPath(_ path: [UInt8]) -> Bool {
        guard !path.isEmpty else { return false }
        for component in path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            guard let first = component.first, let last = component.last, first != UInt8(ascii: "."), last != UInt8(ascii: ".") else { return false }
            for c in component {
                let ok = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
                    || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
                guard ok else { return false }
            }
        }
        return true
    }

    /// A regular file mapped read-only, and its stat; nil for anything else (or an empty file).
    static func map(_ path: String) -> (UnsafeRawBufferPointer, stat)? {
        let fd = Glibc.open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_size > 0 else { return nil }
        guard let p = mmap(nil, Int(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        return (UnsafeRawBufferPointer(start: p, count: Int(st.st_size)), st)
    }

    /// A regular file's bytes and the stat of the descriptor they were read from; nil for anything else.
    static func readRegularFile(_ path: String) -> ([UInt8], stat)? {
        let fd = Glibc.open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(st.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var done = 0
            while done < size {
                let n = read(fd, buffer.baseAddress! + done, size - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { break }
                done += n
            }
            failed = done != size
            initialized = done
        }
        guard !failed else { return nil }
        // Changed while being read: let libgit2 look at it instead.
        var after = stat()
        guard fstat(fd, &after) == 0, after.st_size == st.st_size, after.st_mtim.tv_sec == st.st_mtim.tv_sec,
              after.st_mtim.tv_nsec == st.st_mtim.tv_nsec
        else { return nil }
        return (bytes, st)
    }
}

/// A new index written to `index.lock` (`prepareStaging`), waiting to replace `index`.
final class PendingIndex {
    let lockPath: String
    let indexPath: String
    /// What must be stored before the index may point at it.
    let objects: Objects
    private var state = State.pending

    private enum State { case pending, placed, dropped }

    /// The blobs the new entries name, which must be stored already, and the cached trees to store.
    struct Objects {
        let blobs: [ObjectID]
        let trees: [(id: ObjectID, content: [UInt8])]

        func store(through repo: GitRepository) -> Bool {
            guard blobs.allSatisfy({ repo.exists($0) }) else { return false }
            for tree in trees where !repo.exists(tree.id) {
                guard (try? repo.writeObject(tree.content, type: GIT_OBJECT_TREE)) == tree.id else { return false }
            }
            return true
        }
    }

    init(lockPath: String, indexPath: String, objects: Objects) {
        self.lockPath = lockPath
        self.indexPath = indexPath
        self.objects = objects
    }

    /// Stores what the index needs through `repo` (a handle of the calling thread), then replaces the
    /// index. False, having dropped it, when a blob it names is not stored (the caller stages anew).
    func putInPlace(through repo: GitRepository) throws -> Bool {
        switch state {
        case .placed: return true
        case .dropped: return false
        case .pending: break
        }
        guard objects.store(through: repo) else {
            discard()
            return false
        }
        state = .placed
        guard rename(lockPath, indexPath) == 0 else {
            let problem = String(cString: strerror(errno))
            unlink(lockPath)
            throw GitFailure(code: -1, message: "cannot rename \(lockPath): \(problem)", function: "index.lock")
        }
        return true
    }

    func discard() {
        guard state == .pending else { return }
        state = .dropped
        unlink(lockPath)
    }

    deinit { discard() }
}
