import Foundation
@testable import GalleyCore
import GalleyTestSupport
import Testing

/// The pack reader and the raw tree diff of `check --each`'s walk, against what the git CLI says
/// about the same repository: every object's content, and every commit's changed paths.
@Suite struct PackReaderTests {
    let dir = TemporaryDirectory("packs")

    /// A history made with git: articles edited version after version (so packs hold delta chains),
    /// a day folder deleted, a file that becomes a folder, and names whose git order differs from
    /// plain byte order (`a`, `a.b`, `a/`).
    func makeHistory(commits: Int = 40) throws {
        try git(["init", "-q", "-b", "main"], in: dir.path)
        var random = SeededRandom(seed: 7)
        var bodies: [String: String] = [:]
        for n in 0..<commits {
            let path = "articles/2026-11-0\(1 + n % 3)/a\(random.next() % 6).md"
            var body = bodies[path] ?? "---\nid: x\n---\n本报讯 第一段。\n"
            body += "第\(n)次修改，补充一句话：市民反映的问题已经解决。\n"
            bodies[path] = body
            dir.write(path, body)
            if n == 10 {
                dir.write("articles/a", "file a\n")
                dir.write("articles/a.b", "file a.b\n")
            }
            if n == 20 {
                try git(["rm", "-q", "articles/a"], in: dir.path)
                dir.write("articles/a/inner.md", "now a folder\n")
            }
            if n == 30 {
                try git(["rm", "-rq", "articles/2026-11-02"], in: dir.path)
                bodies = bodies.filter { !$0.key.hasPrefix("articles/2026-11-02") }
            }
            try git(["add", "-A"], in: dir.path)
            try git(["commit", "-q", "--allow-empty", "-m", "r\(n)"], in: dir.path)
        }
    }

    /// Every object git lists, read through the pack reader, equals `git cat-file`'s bytes.
    func expectEveryObjectReadable(sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let listing = try git(["cat-file", "--batch-all-objects", "--batch-check=%(objectname) %(objecttype)"], in: dir.path).stdout
        let reader = try #require(PackReader(objectsDirectory: dir.path + "/.git/objects"), sourceLocation: sourceLocation)
        var read = 0
        for line in listing.split(separator: "\n") {
            let parts = line.split(separator: " ")
            let id = try #require(ObjectID(hex: String(parts[0])))
            let object = try #require(reader.read(id), "\(parts[0]) \(parts[1]) not read from the packs", sourceLocation: sourceLocation)
            let expected = try Data(contentsOf: URL(fileURLWithPath: catFile(String(parts[1]), String(parts[0]))))
            #expect("\(object.kind)" == String(parts[1]), sourceLocation: sourceLocation)
            #expect(object.data == Array(expected), "\(parts[0])", sourceLocation: sourceLocation)
            read += 1
        }
        return read
    }

    /// Writes an object's raw content to a file (git's stdout through the test runner is text).
    func catFile(_ type: String, _ id: String) throws -> String {
        let out = dir.path + "/.cat-\(id)"
        let result = try run("/bin/sh", ["-c", "git cat-file \(type) \(id) > \(out)"], in: dir.path)
        #expect(result.status == 0)
        return out
    }

    @Test func readsEveryObjectOfAnAggressivelyPackedRepository() throws {
        try makeHistory()
        try git(["gc", "-q", "--aggressive"], in: dir.path)
        let deltas = try git(["verify-pack", "-v"] + packs().map { ".git/objects/pack/" + $0 }, in: dir.path).stdout
        // The repository really holds delta chains (offset deltas), not only whole objects.
        #expect(deltas.contains("chain length = 2"))
        #expect(try expectEveryObjectReadable() > 100)
    }

    @Test func readsReferenceDeltasAndSeveralPacks() throws {
        try makeHistory(commits: 20)
        try git(["-c", "repack.useDeltaBaseOffset=false", "repack", "-q", "-a", "-d", "-f"], in: dir.path)
        dir.write("articles/late.md", "a later file, in a second pack\n")
        try git(["add", "-A"], in: dir.path)
        try git(["commit", "-q", "-m", "late"], in: dir.path)
        try git(["repack", "-q"], in: dir.path)
        #expect(try packs().count == 2)
        #expect(try expectEveryObjectReadable() > 50)
    }

    @Test func looseAndDamagedObjectsAreLeftToLibgit2() throws {
        try makeHistory(commits: 5)
        // Loose objects only: the reader has no packs.
        #expect(PackReader(objectsDirectory: dir.path + "/.git/objects") == nil)
        try git(["gc", "-q"], in: dir.path)
        let pack = try #require(try packs().first.map { dir.path + "/.git/objects/pack/" + $0 })
        // Damage every entry's data after the header: reads fail (nil), never trap.
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: pack)))
        for i in stride(from: 14, to: bytes.count - 20, by: 7) { bytes[i] ^= 0x5A }
        try? FileManager.default.removeItem(atPath: pack)
        try Data(bytes).write(to: URL(fileURLWithPath: pack))
        let reader = try #require(PackReader(objectsDirectory: dir.path + "/.git/objects"))
        let listing = try run("/bin/sh", ["-c", "git show-index < \(pack.replacingOccurrences(of: ".pack", with: ".idx"))"], in: dir.path).stdout
        var failed = 0
        for line in listing.split(separator: "\n") {
            let id = try #require(ObjectID(hex: String(line.split(separator: " ")[1])))
            if reader.read(id) == nil { failed += 1 }
        }
        #expect(failed > 0)
    }

    @Test func treeDiffsMatchGitDiffTree() throws {
        try makeHistory()
        try git(["gc", "-q", "--aggressive"], in: dir.path)
        let history = RawHistory(repo: try GitRepository.open(dir.path))
        let commits = try git(["rev-list", "--first-parent", "--reverse", "HEAD"], in: dir.path).stdout.split(separator: "\n").map(String.init)
        let chain = try history.firstParentChain(to: try #require(ObjectID(hex: commits.last!)))
        #expect(chain.map(\.commit.hex) == commits)
        // The walk inflates only a commit's first 94 bytes (tree and first parent): git's bytes.
        let reader = try #require(PackReader(objectsDirectory: dir.path + "/.git/objects"))
        for commit in chain.map(\.commit) {
            let whole = Array(try Data(contentsOf: URL(fileURLWithPath: catFile("commit", commit.hex))))
            #expect(reader.commitStart(commit, length: 94) == Array(whole.prefix(94)), "\(commit.hex)")
        }
        var previous: ObjectID?
        var changedSomething = 0
        for (commit, tree) in chain {
            #expect(tree.hex == (try git(["rev-parse", "\(commit.hex)^{tree}"], in: dir.path).stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
            let articles = try history.subtree("articles", of: tree)
            let (changes, before) = try history.changes(prefix: "articles/", old: previous, new: articles)
            previous = articles
            // git's view: the same commit against its parent (the empty tree for the first).
            let parent = chain.first!.commit == commit ? "4b825dc642cb6eb9a060e54bf8d69288fbee4904" : commit.hex + "^"
            let raw = try git(["diff-tree", "-r", "--no-renames", "--no-abbrev", parent, commit.hex, "--", "articles"], in: dir.path).stdout
            var expected: [String: String] = [:]
            for line in raw.split(separator: "\n") {
                let fields = line.split(separator: "\t", maxSplits: 1)
                let meta = fields[0].split(separator: " ")
                expected[String(fields[1])] = meta[4] == "D" ? "deleted" : String(meta[3])
            }
            #expect(changes.mapValues { $0?.hex ?? "deleted" } == expected, "commit \(commit.hex)")
            // git's view of what the changed paths held before (added ones held nothing).
            var expectedBefore: [String: String] = [:]
            for line in raw.split(separator: "\n") {
                let fields = line.split(separator: "\t", maxSplits: 1)
                let meta = fields[0].split(separator: " ")
                if meta[4] != "A" { expectedBefore[String(fields[1])] = String(meta[2]) }
            }
            #expect(before.mapValues(\.hex) == expectedBefore, "commit \(commit.hex)")
            changedSomething += changes.isEmpty ? 0 : 1
        }
        #expect(changedSomething >= 35)
    }

    /// The walk of `check --each` reading ahead (four steps at most, so it waits for the reader
    /// over and over): the same diffs as without reading, and each new version's bytes as git has them.
    @Test func theWalkReadsAheadWhatGitStores() throws {
        try makeHistory()
        let history = RawHistory(repo: try GitRepository.open(dir.path))
        let head = try git(["rev-parse", "HEAD"], in: dir.path).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let chain = try history.firstParentChain(to: try #require(ObjectID(hex: head)))
        let gitDir = dir.path + "/.git/"
        let plain = WalkAhead(gitDir: gitDir, commits: chain.map(\.commit), trees: chain.map(\.tree), startArticles: nil)
        let reading = WalkAhead(gitDir: gitDir, commits: chain.map(\.commit), trees: nil, startArticles: nil,
                                reading: { $0.hasSuffix(".md") }, lead: 4)
        var read = 0
        for i in chain.indices {
            let a = try plain.step(i)
            let b = try reading.step(i)
            #expect(a.changes == b.changes && a.before == b.before && a.contents.isEmpty)
            for case let (path, blob?) in b.changes where path.hasSuffix(".md") {
                let expected = Array(try Data(contentsOf: URL(fileURLWithPath: catFile("blob", blob.hex))))
                #expect(b.contents[blob] == expected, "\(path)")
                read += 1
            }
            #expect(b.contents.count <= b.changes.count)
        }
        #expect(read >= 35)
        plain.stop()
        reading.stop()
    }

    /// A reader that asks for each step before the walk has made it, with a lead shorter than the
    /// batch the reader waits for: the walk must wake it before waiting itself. (It once did not, and
    /// both threads waited for ever.) The reader runs on its own thread so a deadlock fails here.
    @Test func aReaderAheadOfTheWalkIsWokenBeforeTheWalkWaits() throws {
        try makeHistory()
        let history = RawHistory(repo: try GitRepository.open(dir.path))
        let head = try git(["rev-parse", "HEAD"], in: dir.path).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let chain = try history.firstParentChain(to: try #require(ObjectID(hex: head)))
        #expect(chain.count > 32)
        let walk = WalkAhead(gitDir: dir.path + "/.git/", commits: chain.map(\.commit), trees: nil, startArticles: nil,
                             reading: { $0.hasSuffix(".md") }, lead: 2)
        let done = DispatchSemaphore(value: 0)
        let taken = Counter()
        Thread {
            for i in chain.indices where (try? walk.step(i)) != nil { taken.add() }
            done.signal()
        }.start()
        let finished = done.wait(timeout: .now() + 30) == .success
        #expect(finished, "the reader still waits after 30 s, at step \(taken.value) of \(chain.count)")
        #expect(taken.value == chain.count)
        walk.stop()
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func add() { lock.withLock { count += 1 } }
    }

    func packs() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path + "/.git/objects/pack").filter { $0.hasSuffix(".pack") }.sorted()
    }
}
