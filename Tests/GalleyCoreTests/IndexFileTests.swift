import Foundation
@testable import GalleyCore
import GalleyTestSupport
import Testing

/// Staging by editing `.git/index` must give the very bytes libgit2's add-and-write gives.
@Suite struct IndexFileTests {
    let dir = TemporaryDirectory("index")
    var indexPath: String { dir.path + "/.git/index" }

    /// A newsroom with three articles committed and staged by libgit2.
    func newsroom() throws -> GitRepository {
        let room = try Newsroom.create(at: dir.path, author: Signature(name: "A", email: "a@example.com", time: 1_795_500_000, offsetMinutes: 480))
        for id in ["a1", "a2", "b1"] { dir.write(ArticleFixture.path(id), ArticleFixture.text(id: id)) }
        _ = try room.checkIn(paths: ["a1", "a2", "b1"].map { ArticleFixture.path($0) }, cwd: dir.path, message: "m")
        return try GitRepository.open(dir.path)
    }

    /// Writes `text` at `path` and stores its blob (staging needs the blob stored).
    func change(_ repo: GitRepository, _ path: String, _ text: String) throws {
        dir.write(path, text)
        _ = try repo.writeBlob(Array(text.utf8))
    }

    func setModificationTime(_ path: String, like other: String) {
        var st = stat()
        _ = stat(other, &st)
        var times = [st.st_atim, st.st_mtim]
        _ = utimensat(AT_FDCWD, path, &times, 0)
    }

    /// Stages `paths` directly, then again through libgit2 from the same index (same bytes, same
    /// modification time), and compares the two results byte for byte.
    @discardableResult
    func sameAsLibgit2(_ paths: [String], direct expected: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
        let before = try Data(contentsOf: URL(fileURLWithPath: indexPath))
        let saved = dir.path + "/index.saved"
        try before.write(to: URL(fileURLWithPath: saved))
        setModificationTime(saved, like: indexPath)
        let direct = try GitRepository.open(dir.path).stageDirectly(paths: paths)
        #expect(direct == expected, sourceLocation: sourceLocation)
        let mine = try Data(contentsOf: URL(fileURLWithPath: indexPath))
        try before.write(to: URL(fileURLWithPath: indexPath))
        setModificationTime(indexPath, like: saved)
        try GitRepository.open(dir.path).stageFromWorkdir(paths: paths, direct: false)
        let theirs = try Data(contentsOf: URL(fileURLWithPath: indexPath))
        if expected {
            // The entries are libgit2's byte for byte; the cached trees are git's (libgit2 only invalidates them).
            #expect(entries(mine) == entries(theirs), "index entries differ from libgit2's", sourceLocation: sourceLocation)
            // Put the direct edit's file back and let git check its cached trees against the entries.
            try mine.write(to: URL(fileURLWithPath: indexPath))
            try checkCacheTree(sourceLocation: sourceLocation)
        }
        return Array(mine)
    }

    /// The header and entries of an index file (what precedes the extensions).
    func entries(_ data: Data) -> [UInt8] {
        Array(data).withUnsafeBytes { raw in
            guard let index = IndexFile.parse(raw) else { return [] }
            return Array(raw[0..<index.offset(index.count)])
        }
    }

    /// git recomputes every valid cached tree and aborts on a mismatch; fsck checks they are stored.
    func checkCacheTree(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let copy = dir.path + "/index.check"
        try FileManager.default.copyItem(atPath: indexPath, toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let verify = try run("/usr/bin/git", ["update-index", "--force-write-index"], in: dir.path,
                             environment: ["GIT_TEST_CHECK_CACHE_TREE": "1", "GIT_INDEX_FILE": copy])
        #expect(verify.status == 0, "git found a wrong cached tree: \(verify.stderr)", sourceLocation: sourceLocation)
        let fsck = try git(["fsck", "--strict", "--no-dangling"], in: dir.path)
        #expect(fsck.status == 0 && fsck.stdout.isEmpty, "\(fsck.stdout)\(fsck.stderr)", sourceLocation: sourceLocation)
    }

    /// The valid cached trees, by folder.
    func cachedTrees() throws -> [String: String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: indexPath))
        return Array(data).withUnsafeBytes { raw in
            guard let tree = IndexFile.parse(raw)?.tree else { return [:] }
            var out: [String: String] = [:]
            func walk(_ i: Int, _ prefix: String) {
                let node = tree.nodes[i]
                let path = prefix.isEmpty ? String(decoding: node.name, as: UTF8.self) : prefix + "/" + String(decoding: node.name, as: UTF8.self)
                if node.entryCount >= 0, let id = node.id { out[path] = ObjectID(bytes: id).hex }
                for c in node.children { walk(c, path) }
            }
            walk(0, "")
            return out
        }
    }

    @Test func replacesAnEntry() throws {
        let repo = try newsroom()
        try change(repo, ArticleFixture.path("a2"), ArticleFixture.text(id: "a2", headline: "新标题"))
        try sameAsLibgit2([ArticleFixture.path("a2")])
    }

    @Test func insertsEntriesInOrder() throws {
        let repo = try newsroom()
        try change(repo, ArticleFixture.path("a0"), ArticleFixture.text(id: "a0"))
        try change(repo, ArticleFixture.path("zz", issue: "2026-11-28"), ArticleFixture.text(id: "zz", issue: "2026-11-28"))
        try change(repo, ArticleFixture.path("a1-x"), ArticleFixture.text(id: "a1-x"))
        try change(repo, "aaa.md", "top\n")
        try change(repo, ArticleFixture.path("b1"), ArticleFixture.text(id: "b1", status: "edited"))
        try sameAsLibgit2([ArticleFixture.path("zz", issue: "2026-11-28"), ArticleFixture.path("a0"), "aaa.md",
                           ArticleFixture.path("a1-x"), ArticleFixture.path("b1"), ArticleFixture.path("a0")])
    }

    @Test func keepsCachedTreesValidAcrossCheckIns() throws {
        let room = try Newsroom.create(at: dir.path, author: Signature(name: "A", email: "a@example.com", time: 1_795_500_000, offsetMinutes: 480))
        let paths = (0..<20).map { ArticleFixture.path("c\($0)", issue: "2026-12-0\(1 + $0 % 3)") }
        for (n, path) in paths.enumerated() { dir.write(path, ArticleFixture.text(id: "c\(n)", issue: "2026-12-0\(1 + n % 3)")) }
        _ = try room.checkIn(paths: paths, cwd: dir.path, message: "导入")
        // After the import every folder's cached tree is the commit's.
        var trees = try cachedTrees()
        for folder in ["", "articles", "articles/2026-12-01", "articles/2026-12-03"] {
            #expect(trees[folder] == (try git(["rev-parse", "HEAD:" + folder], in: dir.path)).stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        try checkCacheTree()
        // One more check-in keeps them valid, and a new folder gets one.
        dir.write(paths[4], ArticleFixture.text(id: "c4", issue: "2026-12-02", status: "edited"))
        dir.write(ArticleFixture.path("d1", issue: "2026-12-09"), ArticleFixture.text(id: "d1", issue: "2026-12-09"))
        _ = try room.checkIn(paths: [paths[4], ArticleFixture.path("d1", issue: "2026-12-09")], cwd: dir.path, message: "改")
        trees = try cachedTrees()
        for folder in ["", "articles", "articles/2026-12-02", "articles/2026-12-09"] {
            #expect(trees[folder] == (try git(["rev-parse", "HEAD:" + folder], in: dir.path)).stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        try checkCacheTree()
        #expect(try git(["status", "--porcelain"], in: dir.path).stdout.isEmpty)
        // git commits with the cache as it is, and gets the same tree as a full rebuild.
        #expect(try git(["write-tree"], in: dir.path).stdout == (try git(["rev-parse", "HEAD^{tree}"], in: dir.path)).stdout)
    }

    @Test func answersDuplicateQuestionsFromTheIndex() throws {
        let room = try Newsroom.create(at: dir.path, author: Signature(name: "A", email: "a@example.com", time: 1_795_500_000, offsetMinutes: 480))
        let paths = (0..<20).map { ArticleFixture.path("c\($0)", issue: "2026-12-0\(1 + $0 % 3)") }
        for (n, path) in paths.enumerated() { dir.write(path, ArticleFixture.text(id: "c\(n)", issue: "2026-12-0\(1 + n % 3)")) }
        _ = try room.checkIn(paths: paths, cwd: dir.path, message: "导入")
        let repo = try GitRepository.open(dir.path)
        let head = try repo.resolveCommit("HEAD")
        let names = ["c4.md", "c5.md", "zz.md", "c1"]
        let lookup = try #require(try repo.issueFoldersFromIndex(containing: names, inTreeOf: head))
        for name in names {
            #expect(lookup[name] == (try repo.issueFolders(containing: name, inTreeOf: head)))
        }
        // Once the index and the commit differ there, the index does not answer.
        try git(["rm", "-q", "--cached", paths[0]], in: dir.path)
        #expect(try repo.issueFoldersFromIndex(containing: names, inTreeOf: head) == nil)
        // Refused duplicates are the same either way.
        dir.write(ArticleFixture.path("c7", issue: "2026-12-05"), ArticleFixture.text(id: "c7", issue: "2026-12-05"))
        #expect(throws: GalleyError.duplicateID(id: "c7", paths: ["articles/2026-12-02/c7.md", "articles/2026-12-05/c7.md"])) {
            try room.checkIn(paths: [ArticleFixture.path("c7", issue: "2026-12-05")], cwd: dir.path, message: "m")
        }
    }

    @Test func invalidatesCachedTreesWrittenByGit() throws {
        let repo = try newsroom()
        // git writes the TREE extension (and here the untracked cache, which libgit2 drops).
        try git(["read-tree", "HEAD"], in: dir.path)
        try git(["-c", "core.untrackedCache=true", "update-index", "--untracked-cache"], in: dir.path)
        try git(["-c", "core.untrackedCache=true", "status", "--porcelain"], in: dir.path)
        let before = try Data(contentsOf: URL(fileURLWithPath: indexPath))
        #expect(before.range(of: Data("TREE".utf8)) != nil)
        try change(repo, ArticleFixture.path("a1"), ArticleFixture.text(id: "a1", headline: "又改了"))
        try change(repo, ArticleFixture.path("c1", issue: "2026-12-01"), ArticleFixture.text(id: "c1", issue: "2026-12-01"))
        try sameAsLibgit2([ArticleFixture.path("a1"), ArticleFixture.path("c1", issue: "2026-12-01")])
        // The work tree matches the index, which holds the two changes; git reads it all.
        #expect(try git(["diff", "--quiet"], in: dir.path).status == 0)
        #expect(try git(["diff", "--cached", "--name-only"], in: dir.path).stdout
            == ArticleFixture.path("a1") + "\n" + ArticleFixture.path("c1", issue: "2026-12-01") + "\n")
        #expect(try git(["fsck", "--strict"], in: dir.path).status == 0)
    }

    @Test func smudgesRacilyCleanEntries() throws {
        let repo = try newsroom()
        // The index is no newer than a1's entry, and a1 changes without changing size or time: only
        // its content tells, and both libgit2 and the direct edit must look (and smudge its size).
        let a1 = dir.path + "/" + ArticleFixture.path("a1")
        let saved = dir.path + "/a1.time"
        dir.write("a1.time", "")
        setModificationTime(saved, like: a1)
        dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1").replacingOccurrences(of: "调度会", with: "协调会"))
        setModificationTime(a1, like: saved)
        setModificationTime(indexPath, like: saved)
        // a2 is racy too if its time is the same, but unchanged: it keeps its size.
        try change(repo, ArticleFixture.path("b1"), ArticleFixture.text(id: "b1", status: "edited"))
        let out = try sameAsLibgit2([ArticleFixture.path("b1")])
        let sizes: [(String, UInt32)] = try out.withUnsafeBytes { raw in
            let index = try #require(IndexFile.parse(raw))
            return (0..<index.count).map { (String(decoding: index.path($0), as: UTF8.self), index.fileSize($0)) }
        }
        #expect(sizes.first { $0.0 == ArticleFixture.path("a1") }?.1 == 0)
        #expect(sizes.first { $0.0 == ArticleFixture.path("a2") }?.1 != 0)
    }

    @Test func executableBitAndUntrustedFileMode() throws {
        let repo = try newsroom()
        try change(repo, ArticleFixture.path("a1"), ArticleFixture.text(id: "a1", headline: "可执行"))
        chmod(dir.path + "/" + ArticleFixture.path("a1"), 0o755)
        try sameAsLibgit2([ArticleFixture.path("a1")])
        try git(["config", "core.filemode", "false"], in: dir.path)
        try change(repo, ArticleFixture.path("a2"), ArticleFixture.text(id: "a2", headline: "可执行二"))
        chmod(dir.path + "/" + ArticleFixture.path("a2"), 0o755)
        try sameAsLibgit2([ArticleFixture.path("a2"), ArticleFixture.path("a1")])
    }

    @Test func leavesWhatItDoesNotHandleToLibgit2() throws {
        let repo = try newsroom()
        // A blob that is not stored yet.
        dir.write(ArticleFixture.path("a1"), ArticleFixture.text(id: "a1", headline: "未存"))
        try sameAsLibgit2([ArticleFixture.path("a1")], direct: false)
        // Attributes that filter content.
        try change(repo, ".gitattributes", "*.md ident\n")
        try change(repo, ArticleFixture.path("b1"), ArticleFixture.text(id: "b1", headline: "$Id$"))
        try sameAsLibgit2([ArticleFixture.path("b1")], direct: false)
        try FileManager.default.removeItem(atPath: dir.path + "/.gitattributes")
        // Attributes in info/attributes, or a .gitattributes only in the index, or core.autocrlf.
        dir.write(".git/info/attributes", "*.md text\n")
        try sameAsLibgit2([ArticleFixture.path("b1")], direct: false)
        try FileManager.default.removeItem(atPath: dir.path + "/.git/info/attributes")
        try git(["config", "core.autocrlf", "input"], in: dir.path)
        try sameAsLibgit2([ArticleFixture.path("b1")], direct: false)
        try git(["config", "core.autocrlf", "false"], in: dir.path)
        try sameAsLibgit2([ArticleFixture.path("b1")])
        dir.write(".gitattributes", "*.md ident\n")
        try git(["add", ".gitattributes"], in: dir.path)
        try FileManager.default.removeItem(atPath: dir.path + "/.gitattributes")
        try sameAsLibgit2([ArticleFixture.path("b1")], direct: false)
        // A file where the index has a folder.
        try FileManager.default.removeItem(atPath: dir.path + "/articles/2026-11-27")
        try change(repo, "articles/2026-11-27", "now a file\n")
        try sameAsLibgit2(["articles/2026-11-27"], direct: false)
    }

    /// An index prepared with its objects left to the commit (`storeTrees`, as the check-in's staging
    /// thread does) is put in place only once the blob it names is stored, and then stores the cached
    /// trees the commit did not make; before, it is dropped and nothing changes.
    @Test func preparedIndexWaitsForItsObjects() throws {
        let repo = try newsroom()
        let path = ArticleFixture.path("a1")
        let text = ArticleFixture.text(id: "a1", headline: "待存")
        dir.write(path, text)
        let before = try Data(contentsOf: URL(fileURLWithPath: indexPath))
        let early = try #require(try repo.prepareStaging(paths: [path], storeTrees: true))
        #expect(try !early.putInPlace(through: repo))
        #expect(try Data(contentsOf: URL(fileURLWithPath: indexPath)) == before)
        #expect(!FileManager.default.fileExists(atPath: indexPath + ".lock"))

        let blob = try repo.writeBlob(Array(text.utf8))
        let pending = try #require(try repo.prepareStaging(paths: [path], storeTrees: true))
        let trees = pending.objects.trees
        #expect(!trees.isEmpty && trees.allSatisfy { !repo.exists($0.id) })
        #expect(try pending.putInPlace(through: repo))
        #expect(trees.allSatisfy { repo.exists($0.id) })
        #expect(try git(["ls-files", "-s", path], in: dir.path).stdout.contains(blob.hex))
        try checkCacheTree()
    }

    @Test func lockedIndexIsReported() throws {
        let repo = try newsroom()
        try change(repo, ArticleFixture.path("a1"), ArticleFixture.text(id: "a1", headline: "锁"))
        dir.write(".git/index.lock", "")
        #expect(throws: GitFailure.self) { try repo.stageDirectly(paths: [ArticleFixture.path("a1")]) }
        #expect(FileManager.default.fileExists(atPath: dir.path + "/.git/index.lock"))
    }
}
