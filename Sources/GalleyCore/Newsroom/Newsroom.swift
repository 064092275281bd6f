#if canImport(Glibc)
import Glibc
#endif

/// A newsroom repository: an ordinary non-bare git repository with `galley.yml` at its root.
/// Not `Sendable`: it owns a libgit2 handle; open one per thread or process.
public final class Newsroom {
    /// The work-tree root, without a trailing slash.
    public let root: String
    public let configuration: Configuration
    let repo: GitRepository

    init(repo: GitRepository, root: String) throws(GalleyError) {
        self.repo = repo
        self.root = root
        let configPath = root + "/" + Configuration.fileName
        guard FileSystem.exists(configPath) else { throw .notAGalleyRepository(directory: root) }
        let bytes = (try? FileSystem.readFile(configPath, limit: 1_000_000)) ?? []
        configuration = Configuration.parse(String(decoding: bytes, as: UTF8.self), store: ParsedYAMLStore(gitDirectory: repo.gitDir))
    }

    /// Finds the newsroom containing `directory`, searching upward like git.
    public static func open(from directory: String) throws(GalleyError) -> Newsroom {
        let repo: GitRepository
        do {
            repo = try GitRepository.discover(from: directory)
        } catch {
            throw .notARepository(directory: directory)
        }
        guard let workdir = repo.workdir else { throw .notARepository(directory: directory) }
        let root = FileSystem.realPath(workdir) ?? String(workdir.dropLast())
        return try Newsroom(repo: repo, root: root)
    }

    /// Creates a newsroom at `directory`: `git init` (branch main), `galley.yml`, and an initial commit.
    @discardableResult
    public static func create(at directory: String, author: Signature? = nil) throws(GalleyError) -> Newsroom {
        let dir = FileSystem.absolute(directory, from: FileSystem.currentDirectory())
        if FileSystem.exists(dir + "/.git") { throw .alreadyExists(path: dir + "/.git") }
        try FileSystem.makeDirectories(dir)
        let repo: GitRepository
        do {
            repo = try GitRepository.create(at: dir, branch: "main")
        } catch {
            throw .git(function: "git_repository_init_ext", message: "\(error)")
        }
        let configPath = dir + "/" + Configuration.fileName
        if !FileSystem.exists(configPath) {
            try FileSystem.writeFile(configPath, Array(Configuration.template.utf8))
        }
        let root = FileSystem.realPath(dir) ?? dir
        let newsroom = try Newsroom(repo: repo, root: root)
        let files = [Configuration.fileName] + ["staff.yml", "people.yml"].filter { FileSystem.exists(root + "/" + $0) }
        var contents: [(String, [UInt8])] = []
        for f in files { contents.append((f, try FileSystem.readFile(root + "/" + f, limit: SourceText.maximumBytes))) }
        let who = author ?? newsroom.defaultAuthor()
        _ = try newsroom.commitFiles(contents, message: "Create newsroom\n", author: who)
        try newsroom.stage(files)
        return newsroom
    }

    /// The branch check-ins move (the one HEAD names, normally `refs/heads/main`).
    func branch() throws(GalleyError) -> String {
        let name: String?
        do { name = try repo.headBranch() } catch { throw .git(function: "git_reference_lookup", message: "\(error)") }
        guard let name else { throw .detachedHead }
        return name
    }

    /// The identity from git config, or a neutral one.
    public func defaultAuthor() -> Signature {
        Newsroom.stamped(repo.defaultSignature())
    }

    /// `identity` (or a neutral one) with the current time and UTC offset.
    static func stamped(_ identity: Signature?) -> Signature {
        let now = Int64(time(nil))
        let offset = Newsroom.localOffsetMinutes()
        if var sig = identity {
            sig.time = now
            sig.offsetMinutes = offset
            return sig
        }
        return Signature(name: "Galley", email: "galley@localhost", time: now, offsetMinutes: offset)
    }

    static func localOffsetMinutes() -> Int32 {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return Int32(parts.tm_gmtoff / 60)
    }

    /// Stages work-tree files (repository-relative paths) into `.git/index`, retrying while it is locked.
    public func stage(_ paths: [String]) throws(GalleyError) {
        var delay: useconds_t = 2000
        for attempt in 0..<40 {
            do {
                try repo.stageFromWorkdir(paths: paths)
                return
            } catch let f as GitFailure where f.isLocked && attempt < 39 {
                usleep(delay)
                delay = min(delay * 2, 100_000)
            } catch let f as GitFailure where f.isLocked {
                throw .indexLocked(lockFile: repo.gitDir + "index.lock")
            } catch {
                throw .git(function: "git_index_write", message: "\(error)")
            }
        }
    }
}
