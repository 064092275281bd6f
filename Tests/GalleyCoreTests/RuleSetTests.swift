@testable import GalleyCore
import GalleyTestSupport
import Testing

/// Per-rule settings from galley.yml and the warnings for those that do not apply.
@Suite struct RuleSetTests {
    @Test func settingsApplyAndBadOnesWarnByName() {
        let config = Configuration.parse("""
            rules:
              test.word:
                severity: warning
                options: {word: 别的, colour: red}
                colour: blue
              test.missing: false
              house.x: {severity: info}
            plugins:
              external:
                - {name: house, command: [python3, x.py], timeout: soon}
            """)
        let set = RuleSet(families: [testFamily()], configuration: config, externalNames: ["house"])
        let rule = set.plugins[0].rules[0]
        #expect(rule.severity == .warning)
        #expect(rule.options.string("word") == "别的")
        #expect(set.warnings.contains("galley.yml: rules.test.word: unknown key 'colour' ignored"))
        #expect(set.warnings.contains("galley.yml: rules.test.word.options: unknown option 'colour' ignored"))
        #expect(set.warnings.contains("galley.yml: rules: unknown rule 'test.missing' ignored"))
        #expect(!set.warnings.contains { $0.contains("house.x") })
        #expect(config.warnings.contains { $0.contains("'house': timeout must be more than 0 and at most 3600 seconds") })
        #expect(config.externalPlugins.first?.timeout == 10)
    }

    /// An endless timeout would let a plugin that never answers hold `galley check` for ever.
    @Test(arguments: ["inf", "1e400", "-3", "0", "3601"]) func pluginTimeoutsOutOfRangeAreRefused(value: String) {
        let config = Configuration.parse("plugins:\n  external:\n    - {name: house, command: [python3, x.py], timeout: \(value)}\n")
        #expect(config.warnings.contains { $0.contains("timeout must be more than 0 and at most 3600 seconds") })
        #expect(config.externalPlugins.first?.timeout == 10)
    }

    @Test(arguments: [("2.5", 2.5), ("3600", 3600.0)]) func pluginTimeoutsInRangeAreTaken(value: String, seconds: Double) {
        let config = Configuration.parse("plugins:\n  external:\n    - {name: house, command: [python3, x.py], timeout: \(value)}\n")
        #expect(config.externalPlugins.first?.timeout == seconds)
        #expect(config.warnings.isEmpty)
    }

    @Test func wrongTypeFallsBackToTheDefault() {
        let config = Configuration.parse("rules:\n  test.word:\n    options: {word: [a, b]}\n    severity: fatal\n")
        let set = RuleSet(families: [testFamily()], configuration: config)
        #expect(set.plugins[0].rules[0].options.string("word") == "其它")
        #expect(set.plugins[0].rules[0].severity == .error)
        #expect(set.warnings.contains("galley.yml: rules.test.word.options.word: expected a string; using the default 其它"))
        #expect(set.warnings.contains { $0.contains("severity (expected error, warning or info)") })
    }

    @Test func disabledRuleDoesNotRun() {
        let config = Configuration.parse("rules:\n  test.word: {enabled: false}\n")
        #expect(RuleSet(families: [testFamily()], configuration: config).plugins[0].rules.isEmpty)
    }

    @Test func concurrentCacheWritersKeepEachOthersNotes() throws {
        let dir = TemporaryDirectory("notes")
        let author = Signature(name: "冯静怡", email: "feng@example.com", time: 1_795_500_000, offsetMinutes: 480)
        let room = try Newsroom.create(at: dir.path, author: author)
        let one = try room.repo.writeBlob(Array("甲".utf8))
        let two = try room.repo.writeBlob(Array("乙".utf8))
        let a = FindingsCache(repo: room.repo)
        let b = FindingsCache(repo: room.repo)
        a.store(blob: one, key: "test@1#x", findings: [])
        b.store(blob: two, key: "test@1#x", findings: [])
        _ = b.lookup(blob: one, key: "test@1#x", path: "p", revision: nil)  // b loads the (empty) notes first
        try a.flush(author: author)
        try b.flush(author: author)
        let list = try git(["notes", "--ref=galley", "list"], in: dir.path).stdout
        #expect(list.contains(one.hex) && list.contains(two.hex))
        #expect(try git(["rev-list", "--count", "refs/notes/galley"], in: dir.path).stdout.hasPrefix("2"))
    }

    /// Notes written again for the same objects (another plugin's entries) replace the old notes in
    /// the fanned-out tree, which stays as git writes it: sorted, one note per object.
    @Test func notesRewrittenInPlaceInTheFannedOutTree() throws {
        let dir = TemporaryDirectory("notes")
        let author = Signature(name: "冯静怡", email: "feng@example.com", time: 1_795_500_000, offsetMinutes: 480)
        let room = try Newsroom.create(at: dir.path, author: author)
        let blobs = try (0..<300).map { try room.repo.writeBlob(Array("第\($0)篇".utf8)) }
        let first = FindingsCache(repo: room.repo)
        for blob in blobs.prefix(200) { first.store(blob: blob, key: "one@1#x", findings: []) }
        try first.flush(author: author)
        let second = FindingsCache(repo: room.repo)
        for blob in blobs.suffix(200) { second.store(blob: blob, key: "two@1#x", findings: []) }
        try second.flush(author: author)
        #expect(try git(["fsck", "--strict"], in: dir.path).status == 0)
        let list = try git(["notes", "--ref=galley", "list"], in: dir.path).stdout.split(separator: "\n")
        #expect(list.count == 300)
        let tree = try git(["ls-tree", "-r", "--name-only", "refs/notes/galley"], in: dir.path).stdout.split(separator: "\n")
        #expect(tree.allSatisfy { $0.count == 41 && $0.dropFirst(2).hasPrefix("/") }, "fanned out as ab/cdef…")
        let both = try git(["notes", "--ref=galley", "show", blobs[150].hex], in: dir.path).stdout
        #expect(both.contains("one@1#x") && both.contains("two@1#x"))
        let onlyFirst = try git(["notes", "--ref=galley", "show", blobs[10].hex], in: dir.path).stdout
        #expect(onlyFirst.contains("one@1#x") && !onlyFirst.contains("two@1#x"))
        let onlySecond = try git(["notes", "--ref=galley", "show", blobs[250].hex], in: dir.path).stdout
        #expect(onlySecond.contains("two@1#x") && !onlySecond.contains("one@1#x"))
    }
}
