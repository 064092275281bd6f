import Foundation
import GalleyTestSupport
import Testing

/// External plugins through `galley check` and `galley plugins`: trust, failures, hostile output.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3"), "python3 is not installed"))
struct ExternalPluginCLITests {
    /// A plugin flagging 其它; `mode` makes it misbehave on check: hang, garbage, crash or escape.
    static func plugin(name: String, mode: String = "ok") -> String {
        """
        import json, sys, time
        for line in sys.stdin:
            msg = json.loads(line)
            if msg["type"] == "describe":
                out = {"type": "description", "protocol": 1, "name": "\(name)", "version": "1.0",
                       "rules": [{"id": "\(name).no-qita", "summary": "用“其他”", "severity": "warning"}]}
            else:
                mode = "\(mode)"
                if mode == "hang": time.sleep(60)
                if mode == "garbage": print("Traceback (most recent call last):"); sys.stdout.flush(); continue
                if mode == "crash": sys.stderr.write("boom\\n"); sys.exit(3)
                body = msg["article"]["body"]
                message = "\\u001b[2J\\u001b]0;pwned\\u0007用“其他”" if mode == "escape" else "用“其他”"
                found = [{"rule": "\(name).no-qita", "severity": "warning", "message": message, "offset": i, "length": 2}
                         for i in range(len(body)) if body.startswith("其它", i)]
                out = {"type": "findings", "findings": found}
            print(json.dumps(out, ensure_ascii=False)); sys.stdout.flush()
        """
    }

    func newsroom(mode: String = "ok", timeout: Int = 10) throws -> CLINewsroom {
        let room = try CLINewsroom()
        room.dir.write("tools/p.py", Self.plugin(name: "house", mode: mode))
        room.dir.write("galley.yml", """
            newsroom: 测试报
            plugins:
              external:
                - name: house
                  command: ["python3", "tools/p.py"]
                  timeout: \(timeout)
            """)
        room.dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1", body: "没有其它问题，，一切照旧。\n"))
        return room
    }

    @Test func untrustedPluginDoesNotRunUntilTrusted() throws {
        let room = try newsroom()
        let untrusted = try room.galley(["check"])
        #expect(untrusted.status == 1)  // the built-in error still counts
        #expect(untrusted.stderr.contains("external plugin 'house' did not run: it is not trusted"))
        #expect(!untrusted.stdout.contains("[house.no-qita]"))

        let trust = try room.galley(["plugins", "trust", "house"])
        #expect(trust.status == 0, "\(trust.stderr)")
        #expect(FileManager.default.fileExists(atPath: room.path + "/.git/galley/trusted-plugins"))
        let trusted = try room.galley(["check"])
        #expect(trusted.stdout.contains("a1.md:13:3: warning: 用“其他” [house.no-qita]"), "\(trusted.stdout)\(trusted.stderr)")
        #expect(trusted.stdout.contains("[typography.repeated-punctuation]"))
        #expect(try room.galley(["plugins"]).stdout.contains("house.no-qita"))

        // A changed script needs trust again.
        room.dir.write("tools/p.py", Self.plugin(name: "house") + "\n# edited\n")
        let changed = try room.galley(["check"])
        #expect(changed.stderr.contains("not trusted") && !changed.stdout.contains("[house.no-qita]"))
        _ = try room.galley(["plugins", "trust", "house"])
        #expect(try room.galley(["check"]).stdout.contains("[house.no-qita]"))
        #expect(try room.galley(["plugins", "untrust", "house"]).status == 0)
        #expect(try room.galley(["check"]).stderr.contains("not trusted"))
    }

    @Test(arguments: [("hang", "timed out after 1 s"), ("garbage", "not JSON"), ("crash", "exit")])
    func failingPluginIsOneErrorAndOthersStillReport(mode: String, expected: String) throws {
        let room = try newsroom(mode: mode, timeout: 1)
        _ = try room.galley(["plugins", "trust", "house"])
        let result = try room.galley(["check"])
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("galley: error:") }
        #expect(errors.count == 1, "\(result.stderr)")
        #expect(errors.first?.contains("house") == true && errors.first?.contains(expected) == true, "\(result.stderr)")
        #expect(result.stdout.contains("[typography.repeated-punctuation]"))
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func escapeSequencesNeverReachTheTerminal() throws {
        let room = try newsroom(mode: "escape")
        _ = try room.galley(["plugins", "trust", "house"])
        let result = try room.galley(["check"])
        #expect(result.stdout.contains("[house.no-qita]"), "\(result.stdout)\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}") && !result.stderr.contains("\u{1B}"))
        #expect(!result.stdout.contains("\u{07}"))
    }

    @Test func pluginsTestRunsExternalExamples() throws {
        let room = try CLINewsroom()
        let workspace = projectRoot() + "/Workspace"
        room.dir.write("tools/house_style.py", try String(contentsOfFile: workspace + "/tools/house_style.py", encoding: .utf8))
        room.dir.write("galley.yml", "newsroom: 测试报\nplugins:\n  external:\n    - name: house-style\n      command: [python3, tools/house_style.py]\n")
        let untrusted = try room.galley(["plugins", "test"])
        #expect(untrusted.status == 1 && untrusted.stdout.contains("not trusted"))
        _ = try room.galley(["plugins", "trust", "house-style"])
        let result = try room.galley(["plugins", "test"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("house-style: 2 rules") && result.stdout.contains("typography: 19 rules"))
    }
}
