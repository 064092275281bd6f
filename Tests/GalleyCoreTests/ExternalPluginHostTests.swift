import GalleyCore
import GalleyTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// True when `python3` is on PATH; the Python plugins are skipped otherwise.
private let python3Available: Bool = {
    let path = getenv("PATH").map { String(cString: $0) } ?? ""
    return path.split(separator: ":").contains { access("\($0)/python3", X_OK) == 0 }
}()

/// An `ExternalPluginConfig` as `galley.yml` would give it.
private func pluginConfig(_ command: [String], name: String = "demo", timeout: Double? = nil, outputLimit: Int? = nil) throws -> ExternalPluginConfig {
    let list = command.map { "\"\($0)\"" }.joined(separator: ", ")
    var config = try #require(Configuration.parse("plugins:\n  external:\n    - name: \(name)\n      command: [\(list)]\n").externalPlugins.first)
    if let timeout { config.timeout = timeout }
    if let outputLimit { config.outputLimit = outputLimit }
    return config
}

/// A plain-text article (no front matter) with `body`.
private func plainArticle(_ body: String) throws -> Article {
    try ArticleParser.parse(body, path: "a.txt", requireFrontMatter: false)
}

/// A shell plugin named `demo` with one rule `demo.rule`, answering every check with `findings`
/// (a JSON list, no single quotes); `beforeCheck` runs before each answer.
private func shellPlugin(findings: String = "[]", beforeCheck: String = "", beforeDescribe: String = "") -> String {
    """
    read -r request
    \(beforeDescribe)
    printf '%s\\n' '{"type":"description","protocol":1,"name":"demo","version":"1.0","rules":[{"id":"demo.rule","summary":"a rule","severity":"warning"}]}'
    while read -r request; do
      \(beforeCheck)
      printf '%s\\n' '{"type":"findings","findings":\(findings)}'
    done
    """
}

/// True once `pid` is gone or a zombie of someone else (killed and waiting for init to reap it).
private func processIsGone(_ pid: Int32) -> Bool {
    guard let bytes = TemporaryDirectory.readBytes("/proc/\(pid)/stat") else { return true }
    let stat = String(decoding: bytes, as: UTF8.self)
    return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
}

@Suite struct ExternalPluginHostTests {
    static let pythonPlugin = #"""
    import json, sys
    sys.stdin.reconfigure(encoding="utf-8")
    sys.stdout.reconfigure(encoding="utf-8")
    def send(m):
        sys.stdout.write(json.dumps(m, ensure_ascii=False, separators=(",", ":")) + "\n")
        sys.stdout.flush()
    for line in iter(sys.stdin.readline, ""):
        r = json.loads(line)
        if r["type"] == "describe":
            send({"type": "description", "protocol": 1, "name": "demo", "version": "0.1",
                  "rules": [{"id": "demo.qita", "summary": "其他", "severity": "warning",
                             "triggering": ["⟪其它⟫"], "non_triggering": ["其他"],
                             "corrections": [{"before": "其它", "after": "其他"}]}]})
        else:
            a = r["article"]
            fm = a["front_matter"]
            who = fm.get("headline", "-") + "/" + ",".join(c["name"] for c in fm.get("credits", [])) + "/" + str(a["revision"])
            body = a["body"]
            found, start = [], body.find("其它")
            while start >= 0:
                found.append({"rule": "demo.qita", "severity": "warning", "message": who, "offset": start, "length": 2, "replacement": "其他"})
                start = body.find("其它", start + 1)
            send({"type": "findings", "findings": found})
    """#

    @Test(.enabled(if: python3Available, "python3 is not installed"))
    func describesAndChecksTwoArticlesWithScalarOffsets() throws {
        let dir = TemporaryDirectory()
        dir.write("demo.py", Self.pythonPlugin)
        let host = ExternalPluginHost(config: try pluginConfig(["python3", "demo.py"]), workingDirectory: dir.path)
        defer { host.close() }

        let description = try host.describe()
        #expect(description.name == "demo")
        #expect(description.version == "0.1")
        let rule = try #require(description.rules.first)
        #expect(rule.id == "demo.qita")
        #expect(rule.severity == .warning)
        #expect(rule.triggering.map(\.marked) == ["⟪其它⟫"])
        #expect(rule.nonTriggering.map(\.marked) == ["其他"])
        #expect(rule.corrections.map(\.corrected) == ["其他"])

        // CJK, an emoji and a ZWJ family before the flagged words: scalars, UTF-8 and UTF-16 all differ.
        let body = "序：滨江😀👩‍👩‍👧市民其它。\n\n第二段其它单位。\n"
        let text = ArticleFixture.text(id: "a1", body: body)
        let context = ArticleContext(path: "articles/2026-11-27/a1.md", article: try ArticleParser.parse(text, path: "a1.md"))
        let findings = try host.check(path: context.path, revision: "abc123", article: context.article)
        #expect(findings.count == 2)
        let scalars = context.body.unicodeScalars
        let expected = context.body.ranges(of: "其它").map { scalars.distance(from: scalars.startIndex, to: $0.lowerBound) }
        #expect(findings.map(\.offset) == expected)
        for finding in findings {
            #expect(finding.length == 2)
            #expect(finding.replacement == "其他")
            #expect(finding.message == "滨江今冬供暖提前启动/陈立峰/abc123")
            let range = try #require(finding.range(in: context.body))
            #expect(context.source[range] == "其它")
            #expect(finding.diagnosis(in: context)?.range == range)
        }

        // A second article, without front matter: front_matter is {} and revision null.
        let plain = try plainArticle("😀其它")
        #expect(try host.check(path: "b.txt", revision: nil, article: plain)
            == [ExternalFinding(rule: "demo.qita", severity: .warning, message: "-//None", offset: 1, length: 2, replacement: "其他")])
    }

    @Test func hangingPluginTimesOut() throws {
        let dir = TemporaryDirectory()
        dir.write("hang.sh", shellPlugin(beforeCheck: "echo $$ > pid; sleep 30 & echo $! > sleep.pid; wait"))
        let host = ExternalPluginHost(config: try pluginConfig(["sh", "hang.sh"], timeout: 1), workingDirectory: dir.path)
        defer { host.close() }
        _ = try host.describe()
        let clock = ContinuousClock()
        let start = clock.now
        let error = #expect(throws: PluginFailure.self) {
            try host.check(path: "articles/2026-11-27/a1.md", revision: nil, article: try plainArticle("正文"))
        }
        #expect(clock.now - start < .seconds(5))
        #expect(error?.message == "plugin demo timed out after 1 s on articles/2026-11-27/a1.md")
        #expect(error?.plugin == "demo")
        // The plugin and what it started are killed, and the plugin is reaped.
        let pid = try #require(dir.read("pid").flatMap { Int32($0.filter(\.isNumber)) })
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
        if let sleeper = dir.read("sleep.pid").flatMap({ Int32($0.filter(\.isNumber)) }) {
            var gone = false
            for _ in 0..<200 where !gone {
                gone = processIsGone(sleeper)
                if !gone { usleep(10_000) }
            }
            #expect(gone, "the plugin's child process survived")
        }
    }

    /// A descriptor the host holds without close-on-exec (as Foundation's `Pipe` makes them) does not
    /// reach the plugin: a plugin holding a caller's pipe would keep the caller from its end of file.
    @Test func pluginsInheritOnlyTheirThreeStreams() throws {
        var made: [Int32] = [-1, -1]
        #expect(pipe(&made) == 0)
        // Moved to numbers no shell uses for itself (dash keeps the script open on 10).
        let fds = made.map { fcntl($0, F_DUPFD, 200) }
        made.forEach { _ = close($0) }
        defer { fds.forEach { _ = close($0) } }
        #expect(fds.allSatisfy { $0 >= 200 })
        let dir = TemporaryDirectory()
        dir.write("fds.sh", shellPlugin(beforeDescribe: "ls /proc/$$/fd > fds"))
        let host = ExternalPluginHost(config: try pluginConfig(["sh", "fds.sh"]), workingDirectory: dir.path)
        defer { host.close() }
        _ = try host.describe()
        let open = try #require(dir.read("fds")).split(separator: "\n").compactMap { Int32($0) }
        #expect(!open.contains(fds[0]) && !open.contains(fds[1]), "the plugin holds \(open)")
        #expect(open.contains(0) && open.contains(1) && open.contains(2))
    }

    @Test func hangingHandshakeTimesOut() throws {
        let dir = TemporaryDirectory()
        dir.write("hang.sh", "exec sleep 30\n")
        let host = ExternalPluginHost(config: try pluginConfig(["sh", "hang.sh"], timeout: 1), workingDirectory: dir.path)
        let error = #expect(throws: PluginFailure.self) { try host.describe() }
        #expect(error?.message == "plugin demo timed out after 1 s during describe")
    }

    @Test func crashingPluginReportsExitStatusAndStderr() throws {
        let dir = TemporaryDirectory()
        dir.write("crash.sh", shellPlugin(beforeCheck: "echo 'Traceback (most recent call last):' >&2; echo 'ZeroDivisionError: division by zero' >&2; exit 3"))
        let host = ExternalPluginHost(config: try pluginConfig(["sh", "crash.sh"]), workingDirectory: dir.path)
        defer { host.close() }
        let article = try plainArticle("正文")
        let error = try #require(#expect(throws: PluginFailure.self) { try host.check(path: "a1.md", revision: nil, article: article) })
        #expect(error.message.contains("plugin demo exited with status 3 on a1.md"))
        #expect(error.message.contains("ZeroDivisionError: division by zero"))
        #expect(!error.message.contains("\n"))
        #expect(host.stderrTail.contains("Traceback (most recent call last):\nZeroDivisionError"))
        // Later calls fail the same way at once.
        let again = #expect(throws: PluginFailure.self) { try host.check(path: "a2.md", revision: nil, article: article) }
        #expect(again == error)
    }

    @Test func pluginKilledBySignal() throws {
        let dir = TemporaryDirectory()
        dir.write("die.sh", shellPlugin(beforeDescribe: "kill -TERM $$"))
        let host = ExternalPluginHost(config: try pluginConfig(["sh", "die.sh"]), workingDirectory: dir.path)
        let error = #expect(throws: PluginFailure.self) { try host.describe() }
        #expect(error?.message == "plugin demo was killed by signal 15 (SIGTERM) during describe")
    }

    @Test func pluginThatCannotStart() throws {
        let dir = TemporaryDirectory()
        let host = ExternalPluginHost(config: try pluginConfig(["galley-no-such-program"]), workingDirectory: dir.path)
        let error = #expect(throws: PluginFailure.self) { try host.describe() }
        #expect(error?.message.hasPrefix("plugin demo could not be started: cannot run \"galley-no-such-program\"") == true)
    }

    @Test func garbageIsReportedWithAnExcerpt() throws {
        let dir = TemporaryDirectory()
        dir.write("garbage.sh", "read -r request\necho 'Traceback (most recent call last): something went wrong in the plugin'\nsleep 30\n")
        let host = ExternalPluginHost(config: try pluginConfig(["sh", "garbage.sh"]), workingDirectory: dir.path)
        let error = #expect(throws: PluginFailure.self) { try host.describe() }
        #expect(error?.message == "plugin demo printed something that is not JSON during describe: \"Traceback (most recent call last): something went wrong in t…\"")
    }

    @Test func escapeSequencesAreSanitized() throws {
        let dir = TemporaryDirectory()
        let finding = #"[{"rule":"demo.rule","severity":"info","message":"\u001b[2J清屏\u0007","offset":0,"length":1}]"#
        dir.write("escape.sh", shellPlugin(findings: finding, beforeCheck: "printf '\\033]0;owned\\007red\\n' >&2"))
        let host = ExternalPluginHost(config: try pluginConfig(["sh", "escape.sh"]), workingDirectory: dir.path)
        defer { host.close() }
        let findings = try host.check(path: "a.md", revision: nil, article: try plainArticle("正文"))
        #expect(findings.first?.message == "清屏\\u{7}")
        #expect(!host.stderrTail.unicodeScalars.contains("\u{1B}"))
        #expect(host.stderrTail.contains("red"))

        // Garbage with an escape sequence: the failure message carries none.
        dir.write("garbage.sh", "read -r request\nprintf '\\033[2Jboom\\n'\n")
        let other = ExternalPluginHost(config: try pluginConfig(["sh", "garbage.sh"]), workingDirectory: dir.path)
        let error = #expect(throws: PluginFailure.self) { try other.describe() }
        #expect(error?.message == "plugin demo printed something that is not JSON during describe: \"boom\"")
    }

    @Test(arguments: [true, false])
    func floodingStdoutHitsTheOutputCap(withNewline: Bool) throws {
        let dir = TemporaryDirectory()
        let flood = "head -c 2000000 /dev/zero | tr '\\0' x" + (withNewline ? "; echo" : "") + "; sleep 30"
        dir.write("flood.sh", shellPlugin(beforeCheck: flood))
        let host = ExternalPluginHost(config: try pluginConfig(["sh", "flood.sh"], outputLimit: 1000), workingDirectory: dir.path)
        defer { host.close() }
        let error = #expect(throws: PluginFailure.self) { try host.check(path: "a.md", revision: nil, article: try plainArticle("正文")) }
        #expect(error?.message == "plugin demo printed more than 1000 bytes in one response on a.md")
    }

    @Test func floodingStderrDoesNotBlock() throws {
        let dir = TemporaryDirectory()
        let flood = "head -c 3000000 /dev/zero | tr '\\0' e >&2; echo END >&2"
        dir.write("noisy.sh", shellPlugin(beforeCheck: flood, beforeDescribe: flood))
        let host = ExternalPluginHost(config: try pluginConfig(["sh", "noisy.sh"], timeout: 20), workingDirectory: dir.path)
        defer { host.close() }
        #expect(try host.check(path: "a.md", revision: nil, article: try plainArticle("正文")) == [])
        #expect(try host.check(path: "b.md", revision: nil, article: try plainArticle("正文")) == [])
        #expect(host.stderrTail.hasSuffix("eeeeEND\n"))
        #expect(host.stderrTail.utf8.count <= 8192)
    }

    @Test func largeArticleIsWrittenWhileTheOutputIsRead() throws {
        // Bigger than a pipe buffer: the request must be written in pieces as the plugin reads it.
        let dir = TemporaryDirectory()
        dir.write("big.sh", shellPlugin(findings: #"[{"rule":"demo.rule","severity":"error","message":"m","offset":99999,"length":1}]"#))
        let host = ExternalPluginHost(config: try pluginConfig(["sh", "big.sh"]), workingDirectory: dir.path)
        defer { host.close() }
        let body = String(repeating: "滨", count: 100_000)
        #expect(try host.check(path: "a.md", revision: nil, article: try plainArticle(body)).map(\.offset) == [99_999])
    }

    @Test(arguments: [
        (#"[{"rule":"demo.rule","severity":"warning","message":"m","offset":2,"length":5}]"#,
         "sent an invalid findings message on a.md: findings[0] has offset 2 and length 5, outside the body (3 Unicode scalars)"),
        (#"[{"rule":"demo.other","severity":"warning","message":"m","offset":0,"length":1}]"#,
         "sent an invalid findings message on a.md: findings[0].rule \"demo.other\" is not a rule of this plugin (its description lists demo.rule)"),
        (#"[{"rule":"demo.rule","severity":"fatal","message":"m","offset":0,"length":1}]"#,
         "sent an invalid findings message on a.md: findings[0].severity is \"fatal\"; expected error, warning or info"),
        (#"[{"rule":"demo.rule","severity":"info","message":"m","length":1}]"#,
         "sent an invalid findings message on a.md: findings[0].offset is missing"),
        (#"[{"rule":"demo.rule","severity":"info","message":"m","offset":-1,"length":1}]"#,
         "sent an invalid findings message on a.md: findings[0].offset is not a whole number ≥ 0"),
        (#"[{"rule":"demo.rule","severity":"info","message":"m","offset":0.5,"length":1}]"#,
         "sent an invalid findings message on a.md: findings[0].offset is not a whole number ≥ 0"),
        (#"[{"rule":"demo.rule","severity":"info","message":"m","offset":0,"length":1,"replacement":"\u001b[31m"}]"#,
         "sent an invalid findings message on a.md: findings[0].replacement contains control characters or escape sequences"),
        (#"{}"#, "sent an invalid findings message on a.md: \"findings\" is not a list"),
    ])
    func invalidFindingsAreRefused(findings: String, problem: String) throws {
        let dir = TemporaryDirectory()
        dir.write("bad.sh", shellPlugin(findings: findings))
        let host = ExternalPluginHost(config: try pluginConfig(["sh", "bad.sh"]), workingDirectory: dir.path)
        defer { host.close() }
        let error = #expect(throws: PluginFailure.self) { try host.check(path: "a.md", revision: nil, article: try plainArticle("短文。")) }
        #expect(error?.message == "plugin demo " + problem)
    }

    @Test(arguments: [
        (#"{"type":"findings","findings":[]}"#, "answered describe with type \"findings\" instead of \"description\" during describe"),
        (#"{"type":"description","protocol":2,"name":"demo","version":"1","rules":[]}"#,
         "sent an invalid description message during describe: it speaks protocol 2; this galley speaks protocol 1"),
        (#"{"type":"description","protocol":1,"name":"other","version":"1","rules":[]}"#,
         "sent an invalid description message during describe: it calls itself \"other\" but galley.yml names it \"demo\""),
        (#"{"type":"description","protocol":1,"name":"demo","version":"1","rules":[{"id":"typography.x","summary":"s","severity":"info"}]}"#,
         "sent an invalid description message during describe: rules[0].id \"typography.x\" does not start with \"demo.\""),
        (#"{"type":"description","protocol":1,"name":"demo","version":"1","rules":[{"id":"demo.No_Good","summary":"s","severity":"info"}]}"#,
         "sent an invalid description message during describe: rules[0].id \"demo.No_Good\" is not <plugin>.<rule> in lowercase kebab-case"),
        (#"{"type":"description","protocol":1,"name":"demo","rules":[]}"#, "sent an invalid description message during describe: \"version\" is missing"),
        (#"[1,2]"#, "printed JSON that is not a message object during describe: \"[1,2]\""),
    ])
    func invalidDescriptionsAreRefused(line: String, problem: String) throws {
        let dir = TemporaryDirectory()
        dir.write("bad.sh", "read -r request\nprintf '%s\\n' '\(line)'\nread -r request\n")
        let host = ExternalPluginHost(config: try pluginConfig(["sh", "bad.sh"]), workingDirectory: dir.path)
        let error = #expect(throws: PluginFailure.self) { try host.describe() }
        #expect(error?.message == "plugin demo " + problem)
    }

    @Test func invalidUTF8IsRefused() throws {
        let dir = TemporaryDirectory()
        dir.write("latin1.sh", "read -r request\nprintf '{\"type\":\"description\",\"name\":\"\\377\"}\\n'\nread -r request\n")
        let host = ExternalPluginHost(config: try pluginConfig(["sh", "latin1.sh"]), workingDirectory: dir.path)
        let error = #expect(throws: PluginFailure.self) { try host.describe() }
        #expect(error?.message == "plugin demo printed a line that is not UTF-8 during describe")
    }

    @Test func answeringBeforeReadingTheArticle() throws {
        // The article is larger than a pipe buffer, so the answer comes while it is still being written.
        let dir = TemporaryDirectory()
        dir.write("eager.sh", "read -r request\n"
            + #"printf '%s\n' '{"type":"description","protocol":1,"name":"demo","version":"1","rules":[]}'"#
            + "\n" + #"printf '%s\n' '{"type":"findings","findings":[]}'"# + "\nsleep 30\n")
        let host = ExternalPluginHost(config: try pluginConfig(["sh", "eager.sh"]), workingDirectory: dir.path)
        defer { host.close() }
        let article = try plainArticle(String(repeating: "滨", count: 100_000))
        let error = #expect(throws: PluginFailure.self) { try host.check(path: "a.md", revision: nil, article: article) }
        #expect(error?.message == "plugin demo answered on a.md before reading the whole request")
    }

    @Test func pluginThatStopsReading() throws {
        let dir = TemporaryDirectory()
        // It closes its stdin before it answers describe, so the check request meets a closed pipe (EPIPE).
        dir.write("deaf.sh", "read -r request\nexec 0<&-\n"
            + #"printf '%s\n' '{"type":"description","protocol":1,"name":"demo","version":"1","rules":[]}'"#
            + "\nsleep 30\n")
        let host = ExternalPluginHost(config: try pluginConfig(["sh", "deaf.sh"]), workingDirectory: dir.path)
        defer { host.close() }
        let article = try plainArticle("正文")
        let error = #expect(throws: PluginFailure.self) { try host.check(path: "a.md", revision: nil, article: article) }
        #expect(error?.message == "plugin demo stopped reading its input on a.md")
    }

    @Test func pluginExitingBeforeAnswering() throws {
        let dir = TemporaryDirectory()
        dir.write("quit.sh", "exit 0\n")
        let host = ExternalPluginHost(config: try pluginConfig(["sh", "quit.sh"]), workingDirectory: dir.path)
        let error = #expect(throws: PluginFailure.self) { try host.describe() }
        #expect(error?.message == "plugin demo exited with status 0 without answering during describe")
    }

    @Test func closeReapsThePluginAndIsIdempotent() throws {
        let dir = TemporaryDirectory()
        dir.write("ok.sh", shellPlugin(beforeDescribe: "echo $$ > pid"))
        // This one ignores the end of its input and must be killed.
        dir.write("stubborn.sh", "trap '' TERM\nread -r request\necho $$ > pid2\n"
            + #"printf '%s\n' '{"type":"description","protocol":1,"name":"demo","version":"1","rules":[]}'"# + "\nwhile :; do sleep 1; done\n")
        for (script, pidFile) in [("ok.sh", "pid"), ("stubborn.sh", "pid2")] {
            let host = ExternalPluginHost(config: try pluginConfig(["sh", script]), workingDirectory: dir.path)
            _ = try host.describe()
            let pid = try #require(dir.read(pidFile).flatMap { Int32($0.filter(\.isNumber)) })
            let clock = ContinuousClock()
            let start = clock.now
            host.close()
            host.close()
            #expect(clock.now - start < .seconds(5))
            #expect(kill(pid, 0) == -1 && errno == ESRCH, "\(script) was not reaped")
            #expect(try host.describe().name == "demo")
            let error = #expect(throws: PluginFailure.self) { try host.check(path: "a.md", revision: nil, article: try plainArticle("正文")) }
            #expect(error?.message == "plugin demo was already closed")
        }
    }
}

@Suite struct ExternalPluginTrustTests {
    @Test func trustFollowsTheCommandAndTheScript() throws {
        let repo = TemporaryDirectory()
        repo.write("tools/plugin.py", "print('v1')\n")
        let store = TrustStore(gitDirectory: repo.path + "/.git/")
        let plugin = try pluginConfig(["python3", "tools/plugin.py", "--strict"])
        #expect(store.file == repo.path + "/.git/galley/trusted-plugins")

        #expect(!store.isTrusted(plugin, root: repo.path))
        try store.trust(plugin, root: repo.path)
        #expect(store.isTrusted(plugin, root: repo.path))
        let fingerprint = store.fingerprint(of: plugin, root: repo.path)
        #expect(fingerprint.count == 40 && fingerprint.allSatisfy(\.isHexDigit))
        #expect(repo.read(".git/galley/trusted-plugins") == "demo\t\(fingerprint)\n")

        // The script changes: no longer trusted, until trusted again.
        repo.write("tools/plugin.py", "print('v2')\n")
        #expect(!store.isTrusted(plugin, root: repo.path))
        try store.trust(plugin, root: repo.path)
        #expect(store.isTrusted(plugin, root: repo.path))

        // The command changes.
        var changed = plugin
        changed.command = ["python3", "tools/plugin.py"]
        #expect(!store.isTrusted(changed, root: repo.path))
        changed.command = ["python3", "./tools/../tools/plugin.py", "--strict"]
        #expect(!store.isTrusted(changed, root: repo.path))

        // Trusting another plugin keeps the first; revoking removes only the one named.
        let other = try pluginConfig(["sh", "tools/other.sh"], name: "other")
        try store.trust(other, root: repo.path)
        #expect(store.isTrusted(plugin, root: repo.path) && store.isTrusted(other, root: repo.path))
        #expect(try store.revoke("demo"))
        #expect(!store.isTrusted(plugin, root: repo.path))
        #expect(store.isTrusted(other, root: repo.path))
        #expect(try !store.revoke("demo"))
    }

    @Test func argvZeroInTheRepositoryIsHashed() throws {
        let repo = TemporaryDirectory()
        repo.write("tools/check", "#!/bin/sh\necho v1\n")
        let store = TrustStore(gitDirectory: repo.path + "/.git")
        let plugin = try pluginConfig(["./tools/check"])
        try store.trust(plugin, root: repo.path)
        #expect(store.isTrusted(plugin, root: repo.path))
        repo.write("tools/check", "#!/bin/sh\necho v2\n")
        #expect(!store.isTrusted(plugin, root: repo.path))
    }

    @Test func filesOutsideTheRepositoryAreNotHashed() throws {
        let repo = TemporaryDirectory()
        let outside = TemporaryDirectory()
        outside.write("tool.py", "v1\n")
        let store = TrustStore(gitDirectory: repo.path + "/.git")
        let plugin = try pluginConfig(["python3", outside.path + "/tool.py"])
        try store.trust(plugin, root: repo.path)
        outside.write("tool.py", "v2\n")
        #expect(store.isTrusted(plugin, root: repo.path))
    }
}

@Suite(.enabled(if: python3Available, "python3 is not installed: the house-style example plugin cannot run"))
struct ExternalPluginHouseStyleTests {
    let host: ExternalPluginHost
    let workspace = projectRoot() + "/Workspace"

    init() throws {
        host = ExternalPluginHost(config: try pluginConfig(["python3", "tools/house_style.py"], name: "house-style"), workingDirectory: workspace)
    }

    @Test func flagsTheSampleNewsroom() throws {
        defer { host.close() }
        var flagged: [String] = []
        let folder = "articles/2026-11-27"
        for name in ["a1-winter-heating.md", "a1-hightech-park.md", "a2-commentary-elevator.md", "a3-brief-library.md"] {
            let path = "\(folder)/\(name)"
            let bytes = try #require(TemporaryDirectory.readBytes(workspace + "/" + path))
            let article = try ArticleParser.parse(try SourceText.decode(bytes, path: path).text, path: path)
            let context = ArticleContext(path: path, article: article)
            for finding in try host.check(path: path, revision: nil, article: article) {
                let range = try #require(finding.range(in: context.body))
                flagged.append("\(name) \(finding.rule) \(context.source[range])→\(finding.replacement ?? "")")
                #expect(finding.severity == .warning)
            }
        }
        #expect(flagged == [
            "a1-winter-heating.md house-style.no-qita 其它→其他",
            "a1-hightech-park.md house-style.jiezhi 截止→截至",
        ])
    }

    @Test func itsExamplesPassTheHarness() throws {
        defer { host.close() }
        let description = try host.describe()
        #expect(description.rules.map(\.id) == ["house-style.no-qita", "house-style.jiezhi"])
        for rule in description.rules {
            #expect(!rule.triggering.isEmpty && !rule.nonTriggering.isEmpty && !rule.corrections.isEmpty)
            var problems: [String] = []
            let failures = ExampleHarness.run(id: rule.id, triggering: rule.triggering, nonTriggering: rule.nonTriggering,
                                              corrections: rule.corrections) { _, context in
                do {
                    return try host.check(path: context.path, revision: nil, article: context.article)
                        .filter { $0.rule == rule.id }.compactMap { $0.diagnosis(in: context, certain: true) }
                } catch {
                    problems.append("\(error)")
                    return []
                }
            }
            #expect(problems.isEmpty, "\(problems)")
            #expect(failures.isEmpty, "\(failures.map(\.description).joined(separator: "\n"))")
        }
    }
}

extension TemporaryDirectory {
    /// The bytes of any file, or nil.
    fileprivate static func readBytes(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var c = fgetc(file)
        while c != EOF {
            bytes.append(UInt8(c))
            c = fgetc(file)
        }
        return bytes
    }
}
