#if canImport(Glibc)
import Glibc
#endif

/// A failure of the bench itself (not a goal missed).
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// What a child process did: its exit status, its stdout and stderr merged, and its peak memory.
struct RunResult {
    let status: Int32
    let output: [UInt8]
    /// The child's peak resident set in KiB (`ru_maxrss` from `wait4`), its own and not its children's.
    var peakKiB = 0
    /// The child's CPU time (user + system) in milliseconds, from `wait4`.
    var cpuMs = 0.0

    var ok: Bool { status == 0 }
    var text: String { String(decoding: output, as: UTF8.self) }
    /// The output without surrounding white space, e.g. an object id.
    var trimmed: String {
        var s = text[...]
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

/// The programs Galley is compared with, and how the bench starts them: `posix_spawn` with an explicit
/// environment, so that start-up cost is the same for every program and nothing of the user's setup leaks in.
enum Peers {
    static let author = "Bench"
    static let email = "b@example.com"

    /// The variables every child gets (and the bench itself, for libgit2): no system or global git
    /// configuration, a fixed identity, and `HOME` in the bench's scratch folder.
    static func environment(home: String) -> [(String, String)] {
        [
            ("PATH", getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"),
            ("HOME", home),
            ("XDG_CONFIG_HOME", home + "/.config"),
            ("LANG", "C.UTF-8"),
            ("GIT_CONFIG_NOSYSTEM", "1"),
            ("GIT_CONFIG_GLOBAL", "/dev/null"),
            ("GIT_AUTHOR_NAME", author),
            ("GIT_AUTHOR_EMAIL", email),
            ("GIT_COMMITTER_NAME", author),
            ("GIT_COMMITTER_EMAIL", email),
        ]
    }

    /// The process's environment as it is now.
    static func currentEnvironment() -> [(String, String)] {
        var out: [(String, String)] = []
        var p = environ
        while let entry = p.pointee {
            let text = String(cString: entry)
            if let eq = text.firstIndex(of: "=") { out.append((String(text[..<eq]), String(text[text.index(after: eq)...]))) }
            p += 1
        }
        return out
    }

    /// The first executable `name` on `PATH`, or nil.
    static func which(_ name: String) -> String? {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = dir + "/" + name
            var st = stat()
            if stat(candidate, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }

    /// `git` on PATH; when missing, says so plainly (once) and returns nil so the caller skips the comparison.
    static func findGit() -> String? {
        if let git = which("git") { return git }
        print("peer git not found: install it with apt-get install git")
        return nil
    }

    /// This executable's absolute path.
    static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The release `galley` binary built next to this executable (`.build/release/galley`).
    static func findGalley() -> String? {
        guard let exe = executablePath(), let slash = exe.lastIndex(of: "/") else { return nil }
        let candidate = String(exe[..<slash]) + "/galley"
        return access(candidate, X_OK) == 0 ? candidate : nil
    }
}

/// Starts programs with a fixed environment and collects their output.
struct Runner {
    let environment: [String]
    let git: String?

    init(environment: [(String, String)], git: String?) {
        self.environment = environment.map { "\($0.0)=\($0.1)" }
        self.git = git
    }

    /// Runs `argv` (argv[0] an absolute path) in `cwd`, feeding `stdin` (or /dev/null) and collecting
    /// stdout and stderr together. The whole of `stdin` is written before the output is read, so a child
    /// must not write more than a pipe's worth (64 KiB) before it has read all of its input.
    func run(_ argv: [String], cwd: String? = nil, stdin: [UInt8]? = nil) throws -> RunResult {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }

        var outPipe: [Int32] = [-1, -1]
        guard Runner.closeOnExecPipe(&outPipe) else { throw BenchError("pipe: \(String(cString: strerror(errno)))") }
        var inPipe: [Int32] = [-1, -1]
        if stdin != nil {
            guard Runner.closeOnExecPipe(&inPipe) else { throw BenchError("pipe: \(String(cString: strerror(errno)))") }
            posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        // dup2 clears close-on-exec on the copies; every other descriptor of the bench stays closed.
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 2)
        if let cwd {
            guard let addchdir = Runner.addchdir else { throw BenchError("posix_spawn_file_actions_addchdir_np is missing (glibc 2.29 or later is needed)") }
            guard addchdir(&actions, cwd) == 0 else { throw BenchError("\(cwd): cannot change into it") }
        }

        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup($0) } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        // The bench ignores SIGPIPE; children get the default back, as from a shell.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, &attributes, cArgs, cEnv)
        close(outPipe[1])
        if stdin != nil { close(inPipe[0]) }
        guard rc == 0 else {
            close(outPipe[0])
            if stdin != nil { close(inPipe[1]) }
            throw BenchError("cannot start \(argv[0]): \(String(cString: strerror(rc)))")
        }

        if let stdin {
            // A child that exits early closes its end: SIGPIPE is ignored (see main), so stop on EPIPE.
            stdin.withUnsafeBytes { raw in
                var done = 0
                while done < raw.count {
                    let n = write(inPipe[1], raw.baseAddress! + done, raw.count - done)
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { break }
                    done += n
                }
            }
            close(inPipe[1])
        }

        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(outPipe[0], $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            output += chunk[..<n]
        }
        close(outPipe[0])

        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            if errno != EINTR { throw BenchError("wait4: \(String(cString: strerror(errno)))") }
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
        let signalNumber = status & 0x7f
        let code = signalNumber == 0 ? (status >> 8) & 0xff : 128 + signalNumber
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
        return RunResult(status: code, output: output, peakKiB: usage.ru_maxrss, cpuMs: cpu)
    }

    /// A pipe whose ends are closed in every child (`pipe2` is not imported without _GNU_SOURCE).
    static func closeOnExecPipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        return true
    }

    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    /// glibc's `posix_spawn_file_actions_addchdir_np`, looked up at run time (its declaration needs
    /// _GNU_SOURCE, which the Glibc module does not set), so the child starts in its folder without
    /// a `-C` on its command line.
    static let addchdir: AddChdir? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    /// `git -c gc.auto=0 <args>` in `cwd`.
    func git(_ args: [String], cwd: String? = nil, stdin: [UInt8]? = nil) throws -> RunResult {
        guard let git else { throw BenchError("peer git not found: install it with apt-get install git") }
        return try run([git, "-c", "gc.auto=0"] + args, cwd: cwd, stdin: stdin)
    }

    /// Like `git`, but a failure is an error naming the command and what git said.
    @discardableResult
    func gitChecked(_ args: [String], cwd: String? = nil, stdin: [UInt8]? = nil) throws -> RunResult {
        let result = try git(args, cwd: cwd, stdin: stdin)
        guard result.ok else {
            throw BenchError("git \(args.joined(separator: " ")) failed (exit \(result.status)): \(result.trimmed)")
        }
        return result
    }
}
