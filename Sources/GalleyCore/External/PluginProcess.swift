#if canImport(Glibc)
import Glibc
#endif

/// A plugin program started with `posix_spawnp` in its own process group, with pipes on its stdin,
/// stdout and stderr. The host's ends are non-blocking and served by one `poll` loop, so a plugin
/// that floods one pipe (or stops reading) cannot block the host; every wait has a deadline.
final class PluginProcess {
    /// How a request–response exchange ended.
    enum Outcome {
        /// A response line (without its newline). `requestWritten` is false when the plugin answered
        /// before it had read the whole request.
        case line([UInt8], requestWritten: Bool)
        /// No line before the deadline. `stoppedReading` is true when the plugin closed its stdin.
        case timedOut(stoppedReading: Bool)
        /// The plugin closed its stdout (usually: it exited) before a whole line.
        case endOfOutput
        /// The line grew past the output limit.
        case tooLong
    }

    /// How the process ended, once reaped.
    enum Exit: Equatable {
        case exited(Int32)
        case signaled(Int32)
        /// Someone else reaped it (e.g. a SIGCHLD handler of the embedding program).
        case unknown
    }

    let pid: pid_t
    private var input: Int32
    private var output: Int32
    private var errors: Int32
    private var buffer: [UInt8] = []
    /// How far `buffer` has been searched for a newline.
    private var scanned = 0
    private var errorTail: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 65536)
    private(set) var exit: Exit?

    /// Bytes of stderr kept.
    static let tailLimit = 8192

    private init(pid: pid_t, input: Int32, output: Int32, errors: Int32) {
        self.pid = pid
        self.input = input
        self.output = output
        self.errors = errors
    }

    deinit { terminate(grace: 0) }

    // MARK: Starting

    /// Starts `argv` (argv[0] looked up in PATH unless it contains a slash) in `directory`, with the
    /// host's environment. Throws the reason as text.
    static func spawn(_ argv: [String], in directory: String) throws(SpawnError) -> PluginProcess {
        _ = ignoringSIGPIPE
        guard let program = argv.first, !program.isEmpty else { throw SpawnError("the command is empty") }
        guard let addchdir else { throw SpawnError("posix_spawn_file_actions_addchdir_np is missing (glibc 2.29 or later is needed)") }
        var pipes: [[Int32]] = []
        for _ in 0..<3 {
            var fds: [Int32] = [-1, -1]
            guard closeOnExecPipe(&fds) else {
                let reason = String(cString: strerror(errno))
                for p in pipes { p.forEach { _ = close($0) } }
                throw SpawnError("cannot create a pipe: \(reason)")
            }
            pipes.append(fds)
        }
        let (stdinPipe, stdoutPipe, stderrPipe) = (pipes[0], pipes[1], pipes[2])

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on the copies; every other descriptor of the host stays closed.
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)
        _ = addchdir(&actions, directory)
        // Descriptors the host inherited without close-on-exec (a caller's pipes, say) are closed too:
        // a plugin holding one would keep that caller waiting for an end of file until the plugin ends.
        if let addclosefrom = Self.addclosefrom { _ = addclosefrom(&actions, 3) }

        // The host ignores SIGPIPE; the plugin gets the default back, as from a shell, and an empty
        // signal mask. Its own process group lets the host kill whatever it started, too.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, program, &actions, &attributes, cArgs, environ)
        _ = close(stdinPipe[0])
        _ = close(stdoutPipe[1])
        _ = close(stderrPipe[1])
        guard rc == 0 else {
            _ = close(stdinPipe[1])
            _ = close(stdoutPipe[0])
            _ = close(stderrPipe[0])
            throw SpawnError(String(cString: strerror(rc)))
        }
        for fd in [stdinPipe[1], stdoutPipe[0], stderrPipe[0]] {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        return PluginProcess(pid: pid, input: stdinPipe[1], output: stdoutPipe[0], errors: stderrPipe[0])
    }

    struct SpawnError: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// A dead plugin must not kill the host when it writes to it; EPIPE is handled instead.
    private static let ignoringSIGPIPE: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return true
    }()

    /// A pipe whose ends are closed in every child, numbered 3 or above so that none of the dup2
    /// actions can overwrite another. `pipe2` sets close-on-exec atomically, so a plugin started at
    /// the same moment by another thread cannot inherit the ends (which would keep our stdin from
    /// ever reaching end of file); plain `pipe` and `fcntl` are the fallback.
    private static func closeOnExecPipe(_ fds: inout [Int32]) -> Bool {
        if let pipe2 {
            guard pipe2(&fds, O_CLOEXEC) == 0 else { return false }
        } else {
            guard pipe(&fds) == 0 else { return false }
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
        for i in 0..<2 where fds[i] < 3 {
            let moved = fcntl(fds[i], F_DUPFD_CLOEXEC, 3)
            guard moved >= 0 else {
                fds.forEach { _ = close($0) }
                return false
            }
            _ = close(fds[i])
            fds[i] = moved
        }
        return true
    }

    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32

    /// glibc's `pipe2`, looked up at run time like `addchdir` below: it is not imported without _GNU_SOURCE.
    private static let pipe2: Pipe2? = {
        guard let symbol = dlsym(nil, "pipe2") else { return nil }
        return unsafeBitCast(symbol, to: Pipe2.self)
    }()

    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    /// glibc's `posix_spawn_file_actions_addchdir_np`, looked up at run time: its declaration needs
    /// _GNU_SOURCE, which the Glibc module does not set.
    private static let addchdir: AddChdir? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), looked up the same way.
    private static let addclosefrom: AddClosefrom? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: AddClosefrom.self)
    }()

    // MARK: Talking

    /// Writes `request` and reads one response line of at most `limit` bytes, until `deadline`
    /// (monotonic seconds). Stderr is read all the while and its tail kept.
    func exchange(_ request: [UInt8], deadline: Double, limit: Int) -> Outcome {
        var written = input < 0 ? request.count : 0
        var stoppedReading = input < 0
        var deadline = deadline
        while true {
            switch takeLine(limit: limit) {
            case .line(let line): return .line(line, requestWritten: written == request.count)
            case .tooLong: return .tooLong
            case .none: break
            }
            if output < 0 { return .endOfOutput }
            let now = PluginProcess.now()
            if now >= deadline { return .timedOut(stoppedReading: stoppedReading) }

            var fds = [pollfd(fd: output, events: Int16(POLLIN), revents: 0)]
            if errors >= 0 { fds.append(pollfd(fd: errors, events: Int16(POLLIN), revents: 0)) }
            let writing = written < request.count && !stoppedReading
            if writing { fds.append(pollfd(fd: input, events: Int16(POLLOUT), revents: 0)) }
            let rc = poll(&fds, nfds_t(fds.count), PluginProcess.milliseconds(deadline - now))
            if rc < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .timedOut(stoppedReading: stoppedReading)
            }
            for fd in fds where fd.revents != 0 {
                if fd.fd == output {
                    readOutput(discard: false, limit: limit)
                } else if fd.fd == errors {
                    readErrors()
                } else if fd.fd == input {
                    if !write(request, from: &written) {
                        // The plugin closed its stdin; give it a moment to print or exit before calling it a crash.
                        stoppedReading = true
                        deadline = min(deadline, PluginProcess.now() + 1)
                    }
                }
            }
        }
    }

    private enum LineState { case line([UInt8]), tooLong, none }

    private func takeLine(limit: Int) -> LineState {
        if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
            guard newline <= limit else { return .tooLong }
            let line = Array(buffer[..<newline])
            buffer.removeFirst(newline + 1)
            scanned = 0
            return .line(line)
        }
        scanned = buffer.count
        return buffer.count > limit ? .tooLong : .none
    }

    /// Writes what the pipe takes without blocking; false when the plugin no longer reads (EPIPE).
    private func write(_ request: [UInt8], from written: inout Int) -> Bool {
        while written < request.count {
            let n = request.withUnsafeBytes { raw in Glibc.write(input, raw.baseAddress! + written, raw.count - written) }
            if n > 0 {
                written += n
            } else if n < 0 && errno == EINTR {
                continue
            } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                return true
            } else {
                closeInput()
                return false
            }
        }
        return true
    }

    /// Reads up to a few chunks of stdout into the buffer (or away), closing it at end of file.
    private func readOutput(discard: Bool, limit: Int) {
        if read(output, chunks: 4, into: { bytes in
            if !discard && buffer.count <= limit { buffer += bytes }
        }) {
            _ = close(output)
            output = -1
        }
    }

    private func readErrors() {
        if read(errors, chunks: 4, into: { bytes in
            errorTail += bytes.suffix(PluginProcess.tailLimit)
            if errorTail.count > PluginProcess.tailLimit { errorTail.removeFirst(errorTail.count - PluginProcess.tailLimit) }
        }) {
            _ = close(errors)
            errors = -1
        }
    }

    /// Reads at most `chunks` pipe-fulls, so a flood cannot keep the loop from checking its deadline
    /// and limit. Returns true at end of file (or on a read error, which ends the stream just the same).
    private func read(_ fd: Int32, chunks: Int, into sink: (ArraySlice<UInt8>) -> Void) -> Bool {
        for _ in 0..<chunks {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n > 0 {
                sink(chunk[..<n])
            } else if n == 0 {
                return true
            } else if errno == EINTR {
                continue
            } else {
                return !(errno == EAGAIN || errno == EWOULDBLOCK)
            }
        }
        return false
    }

    /// The last bytes the plugin wrote to stderr, decoded leniently.
    var stderrTail: String {
        var bytes = errorTail[...]
        // The cut may have fallen inside a character: drop continuation bytes at the start.
        while let first = bytes.first, first & 0xC0 == 0x80 { bytes = bytes.dropFirst() }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Ending

    /// Closes the plugin's stdin, which asks it to finish.
    func closeInput() {
        if input >= 0 {
            _ = close(input)
            input = -1
        }
    }

    /// Waits up to `seconds` for the process to exit, reading (and dropping) its stdout and keeping
    /// the tail of its stderr meanwhile, so a plugin blocked on a full pipe can still finish.
    @discardableResult
    func waitForExit(within seconds: Double) -> Bool {
        let deadline = PluginProcess.now() + seconds
        while true {
            if reap(blocking: false) { return true }
            let now = PluginProcess.now()
            if now >= deadline { return false }
            var fds: [pollfd] = []
            if output >= 0 { fds.append(pollfd(fd: output, events: Int16(POLLIN), revents: 0)) }
            if errors >= 0 { fds.append(pollfd(fd: errors, events: Int16(POLLIN), revents: 0)) }
            // Exit is not a pollable event here, so look again every 10 ms.
            let rc = poll(&fds, nfds_t(fds.count), min(10, PluginProcess.milliseconds(deadline - now)))
            guard rc > 0 else { continue }
            for fd in fds where fd.revents != 0 {
                if fd.fd == output { readOutput(discard: true, limit: 0) } else if fd.fd == errors { readErrors() }
            }
        }
    }

    /// Ends the plugin: closes its stdin, waits up to `grace` seconds, then kills its process group
    /// with SIGKILL and reaps it. Idempotent.
    func terminate(grace: Double) {
        closeInput()
        if exit == nil, grace > 0 { waitForExit(within: grace) }
        kill()
        if errors >= 0 { readErrors() }
        for fd in [output, errors] where fd >= 0 { _ = close(fd) }
        output = -1
        errors = -1
    }

    /// Sends SIGKILL to the process group while the leader is unreaped (so its id cannot have been
    /// reused), then reaps it.
    func kill() {
        guard exit == nil else { return }
        if Glibc.kill(-pid, SIGKILL) != 0 { _ = Glibc.kill(pid, SIGKILL) }
        reap(blocking: true)
    }

    /// Collects the exit status if the process has ended; true once it has.
    @discardableResult
    private func reap(blocking: Bool) -> Bool {
        if exit != nil { return true }
        var status: Int32 = 0
        while true {
            let rc = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if rc == pid {
                // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
                let signal = status & 0x7F
                exit = signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
                return true
            }
            if rc == 0 { return false }
            if errno == EINTR { continue }
            exit = .unknown
            return true
        }
    }

    // MARK: Time

    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// A poll timeout for `seconds`, rounded up so a wait never ends just short of its deadline.
    static func milliseconds(_ seconds: Double) -> Int32 {
        guard seconds > 0 else { return 0 }
        return Int32(min(seconds * 1000, 86_400_000).rounded(.up))
    }
}
