import Foundation
import GalleyTestSupport
import Testing

/// A temporary newsroom driven through the built `galley` binary and checked with the real git CLI.
final class CLINewsroom {
    let dir = TemporaryDirectory("e2e")
    var path: String { dir.path }

    init() throws {
        let result = try galley(["init", "."])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @discardableResult
    func galley(_ arguments: [String], in sub: String? = nil) throws -> CommandResult {
        try run(galleyExecutable(), arguments, in: sub.map { path + "/" + $0 } ?? path)
    }

    @discardableResult
    func git(_ arguments: [String]) throws -> CommandResult {
        try GalleyTestSupport.git(arguments, in: path)
    }

    func head() throws -> String {
        try git(["rev-parse", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func commitCount() throws -> Int {
        Int(try git(["rev-list", "--count", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// Writes an article and checks it in; returns the revision id galley printed.
    @discardableResult
    func checkIn(_ id: String, message: String = "来稿", text: String? = nil) throws -> String {
        let file = ArticleFixture.path(id)
        dir.write(file, text ?? ArticleFixture.text(id: id))
        let result = try galley(["checkin", file, "-m", message, "--author", "陈立峰 <chen@example.com>"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func expectFsckClean() throws {
        let fsck = try git(["fsck", "--strict"])
        #expect(fsck.status == 0, "git fsck --strict: \(fsck.stderr)")
        #expect(!fsck.stderr.contains("error"), "\(fsck.stderr)")
    }

    func expectCleanStatus() throws {
        let status = try git(["status", "--porcelain"])
        #expect(status.stdout.isEmpty, "git status not clean: \(status.stdout)")
    }
}

/// Asserts a refused input: exit code 2, one `galley: error:` line naming `fragment`, no trap.
func expectRefusal(_ result: CommandResult, mentioning fragments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == 2, "exit \(result.status): \(result.stderr)", sourceLocation: sourceLocation)
    let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("galley: error:") }
    #expect(errors.count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    for f in fragments {
        #expect(result.stderr.contains(f), "stderr lacks '\(f)': \(result.stderr)", sourceLocation: sourceLocation)
    }
    #expect(!result.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
    #expect(!result.stderr.contains("Stack dump"), sourceLocation: sourceLocation)
}

/// The harness itself: a program that hangs is killed at the time limit and the test sees why,
/// instead of the whole run waiting for it.
@Suite struct CLIHarnessTests {
    @Test func aHangingProgramIsKilledAndSaysSo() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try run("/bin/sleep", ["30"], in: "/", timeLimit: 1)
        #expect(clock.now - start < .seconds(20))
        #expect(result.status != 0)
        #expect(result.stderr.contains("[test support: killed after 1 s: /bin/sleep 30]"))
    }
}
