import Foundation
@testable import GalleyCore
import GalleyTestSupport
import Testing

/// An article's first version (what `byline.wire-cut` compares with), walked from raw history and
/// remembered in `.git/galley/first-versions/`, against the answer worked out with the git CLI:
/// from the commit back along first parents while the file is there.
@Suite struct FirstVersionTests {
    let dir = TemporaryDirectory("first-versions")
    let paths = ["articles/2026-11-01/a.md", "articles/2026-11-01/b.md", "articles/2026-11-02/c.md", "note.md"]

    /// Articles edited in turn; `a.md` deleted and added again, its day folder untouched for stretches
    /// while others change, a merge whose second parent also edits `b.md`.
    func makeHistory() throws -> [String] {
        try git(["init", "-q", "-b", "main"], in: dir.path)
        var random = SeededRandom(seed: 11)
        for n in 0..<30 {
            if n == 20 {
                try git(["checkout", "-q", "-b", "side"], in: dir.path)
                dir.write(paths[1], "---\nid: b\n---\n旁支修改。\n")
                try git(["commit", "-qam", "side"], in: dir.path)
                try git(["checkout", "-q", "main"], in: dir.path)
                try git(["merge", "-q", "--no-ff", "-m", "merge", "side"], in: dir.path)
            }
            let edited = n == 0 ? paths : n == 16 ? [paths[0]] : [paths[Int(random.next() % UInt64(paths.count))]]
            for path in edited { dir.write(path, "---\nid: x\n---\n第\(n)次修改。\n") }
            if n == 12 { try git(["rm", "-qf", paths[0]], in: dir.path) }
            try git(["add", "-A"], in: dir.path)
            try git(["commit", "-q", "--allow-empty", "-m", "r\(n)"], in: dir.path)
        }
        return try git(["rev-list", "--first-parent", "main"], in: dir.path).stdout.split(separator: "\n").map(String.init)
    }

    /// The first version by the git CLI: the blob at `path` in the oldest of the unbroken run of
    /// first-parent commits from `commit` that hold it.
    func expectedFirst(_ path: String, from index: Int, chain: [String]) throws -> String? {
        var found: String?
        for commit in chain[index...] {
            let entry = try git(["ls-tree", commit, path], in: dir.path).stdout
            guard !entry.isEmpty else { break }
            found = String(entry.split(separator: " ")[2].prefix(40))
        }
        return found
    }

    func expectAllMatch(_ chain: [String], order: [Int], sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let repo = try GitRepository.open(dir.path)
        let memo = FirstVersions(gitDir: repo.gitDir, history: RawHistory(repo: repo))
        var checked = 0
        for i in order {
            for path in paths {
                let commit = try #require(ObjectID(hex: chain[i]))
                let actual = try memo.first(of: path, from: commit)
                #expect(actual?.hex == (try expectedFirst(path, from: i, chain: chain)), "\(path) as of \(chain[i])",
                        sourceLocation: sourceLocation)
                checked += 1
            }
        }
        memo.save()
        return checked
    }

    @Test func matchesTheGitCLIWithAndWithoutWhatItRemembers() throws {
        let chain = try makeHistory()
        var random = SeededRandom(seed: 5)
        let shuffled = chain.indices.shuffled(using: &random)
        // Loose objects only, nothing remembered; then remembered lines met halfway down later walks.
        #expect(try expectAllMatch(chain, order: shuffled) == chain.count * paths.count)
        let remembered = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/.git/galley/first-versions")
        #expect(Set(remembered) == ["articles%2F2026-11-01", "articles%2F2026-11-02", "%root"])
        _ = try expectAllMatch(chain, order: Array(chain.indices))
        // The same from packs, remembered lines kept.
        try git(["gc", "-q", "--aggressive"], in: dir.path)
        _ = try expectAllMatch(chain, order: chain.indices.reversed())
    }

    /// Two spellings of `é` are two files to git, and so to what is remembered.
    @Test func namesAreComparedAsBytes() throws {
        try git(["init", "-q", "-b", "main"], in: dir.path)
        let composed = "articles/2026-11-01/caf\u{E9}.md"
        let decomposed = "articles/2026-11-01/cafe\u{301}.md"
        for n in 0..<4 {
            dir.write(n % 2 == 0 ? composed : decomposed, "第\(n)版。\n")
            try git(["add", "-A"], in: dir.path)
            try git(["commit", "-qm", "r\(n)"], in: dir.path)
        }
        let chain = try git(["rev-list", "--first-parent", "main"], in: dir.path).stdout.split(separator: "\n").map(String.init)
        let tip = try #require(ObjectID(hex: chain[0]))
        for _ in 0..<2 {
            let repo = try GitRepository.open(dir.path)
            let memo = FirstVersions(gitDir: repo.gitDir, history: RawHistory(repo: repo))
            for path in [composed, decomposed] {
                #expect(try memo.first(of: path, from: tip)?.hex == (try expectedFirst(path, from: 0, chain: chain)), "\(Array(path.utf8))")
            }
            memo.save()
        }
    }

    @Test func damagedLinesCostAWalkNotAnAnswer() throws {
        let chain = try makeHistory()
        let folder = dir.path + "/.git/galley/first-versions"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let garbage = "short\n" + String(repeating: "z", count: 40) + " " + String(repeating: "0", count: 40) + " a.md\n"
            + String(repeating: "1", count: 100) + "\n\u{0}\u{1}binary\n"
        try garbage.write(toFile: folder + "/articles%2F2026-11-01", atomically: true, encoding: .utf8)
        _ = try expectAllMatch(chain, order: Array(chain.indices))
        let text = try String(contentsOfFile: folder + "/articles%2F2026-11-01", encoding: .utf8)
        #expect(text.hasPrefix(garbage) && text.count > garbage.count)
    }
}

/// Loose objects read without libgit2, against `git cat-file`.
@Suite struct LooseObjectReaderTests {
    let dir = TemporaryDirectory("loose")

    @Test func everyLooseObjectEqualsTheGitCLI() throws {
        try git(["init", "-q", "-b", "main"], in: dir.path)
        dir.write("a.md", "第一版。\n")
        dir.write("empty.md", "")
        try git(["add", "-A"], in: dir.path)
        try git(["commit", "-qm", "one"], in: dir.path)
        dir.write("a.md", String(repeating: "第二版，正文更长。", count: 500))
        try git(["commit", "-qam", "two"], in: dir.path)
        let reader = try #require(LooseObjectReader(objectsDirectory: dir.path + "/.git/objects"))
        let listing = try git(["cat-file", "--batch-all-objects", "--batch-check=%(objectname) %(objecttype)"], in: dir.path).stdout
        var read = 0
        for line in listing.split(separator: "\n") {
            let parts = line.split(separator: " ").map(String.init)
            let id = try #require(ObjectID(hex: parts[0]))
            let object = try #require(reader.read(id), "\(line)")
            let out = dir.path + "/.cat"
            try run("/bin/sh", ["-c", "git cat-file \(parts[1]) \(parts[0]) > .cat"], in: dir.path)
            #expect("\(object.kind)" == parts[1])
            #expect(object.data == Array(try Data(contentsOf: URL(fileURLWithPath: out))), "\(line)")
            read += 1
        }
        #expect(read == 7)
        // Absent, or damaged on disk: nil (the caller then asks libgit2), never a trap.
        let absent = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
        #expect(reader.read(absent) == nil)
        let blob = try git(["rev-parse", "HEAD:a.md"], in: dir.path).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let file = dir.path + "/.git/objects/" + blob.prefix(2) + "/" + blob.dropFirst(2)
        let whole = try Data(contentsOf: URL(fileURLWithPath: file))
        try FileManager.default.removeItem(atPath: file)
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: file))
        let damaged = try #require(ObjectID(hex: blob))
        #expect(reader.read(damaged) == nil)
    }
}
