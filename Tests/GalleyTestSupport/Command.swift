import Foundation

/// The outcome of running a program.
public struct CommandResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Runs `executable` with `arguments` in `directory`, feeding no input; git runs hermetically
/// (no user or system config) with a fixed identity.
@discardableResult
public func run(_ executable: String, _ arguments: [String], in directory: String,
                environment extra: [String: String] = [:], timeLimit: Double = commandTimeLimit) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var env = ProcessInfo.processInfo.environment
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    env["GIT_CONFIG_GLOBAL"] = "/dev/null"
    env["HOME"] = directory
    env["GIT_AUTHOR_NAME"] = "测试者"
    env["GIT_AUTHOR_EMAIL"] = "tester@example.com"
    env["GIT_COMMITTER_NAME"] = "测试者"
    env["GIT_COMMITTER_EMAIL"] = "tester@example.com"
    env["NO_COLOR"] = "1"
    for (k, v) in extra { env[k] = v }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // A program that hangs (a deadlock in galley, say) is killed, so the test fails with what it
    // printed instead of holding the whole run until CI gives up. The timer holds neither the
    // process nor its pipes: it outlives the run, and they would stay open until it fires.
    let watchdog = Watchdog(pid: process.processIdentifier,
                            note: "\n[test support: killed after \(Int(timeLimit)) s: \(executable) \(arguments.joined(separator: " "))]\n")
    DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit) { watchdog.fire() }
    // Read both pipes concurrently so a chatty child cannot block on a full pipe.
    let errData = LockedData()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData.set(err.fileHandleForReading.readDataToEndOfFile())
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    let killed = watchdog.finish()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData.get() + Data(killed.utf8), as: UTF8.self))
}

/// How long one program run by a test may take: the slowest takes a few seconds.
public let commandTimeLimit: Double = 300

/// Kills a process once, unless it has finished first; says whether it did.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private let pid: Int32
    private let note: String
    private var finished = false
    private var killed = false

    init(pid: Int32, note: String) {
        self.pid = pid
        self.note = note
    }

    func fire() {
        lock.withLock {
            guard !finished else { return }
            killed = true
            kill(pid, SIGKILL)
        }
    }

    /// Ends the watch; the note to add to the program's stderr if it was killed.
    func finish() -> String {
        lock.withLock {
            finished = true
            return killed ? note : ""
        }
    }
}

final class LockedData: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}

/// Runs the real git CLI.
@discardableResult
public func git(_ arguments: [String], in directory: String) throws -> CommandResult {
    try run("/usr/bin/git", arguments, in: directory)
}

/// The built `galley` executable, next to the test bundle in the build folder; `GALLEY_BINARY` names
/// another (to run the end-to-end tests against the release build, say).
public func galleyExecutable() -> String {
    if let chosen = ProcessInfo.processInfo.environment["GALLEY_BINARY"], !chosen.isEmpty { return chosen }
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var dir = (exe as NSString).deletingLastPathComponent
    for _ in 0..<4 {
        let candidate = dir + "/galley"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        dir = (dir as NSString).deletingLastPathComponent
    }
    return "galley"
}

/// The project's root folder (for `Workspace/`), from this file's location.
public func projectRoot(file: String = #filePath) -> String {
    var url = URL(fileURLWithPath: file)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}
