@testable import GalleyCore
import Foundation
import GalleyTestSupport
import Testing

/// Parsed newsroom lists kept between runs: the stored node must be the parsed one, a damaged or
/// stale file must never be believed, and the folder must not grow without bound.
@Suite struct ParsedYAMLStoreTests {
    /// Everything Galley reads from a node, lines included.
    func render(_ result: Result<YAMLNode?, YAMLError>) -> String {
        switch result {
        case .failure(let e): return "error \(e.file):\(e.line): \(e.message)"
        case .success(nil): return "nil"
        case .success(let node?): return render(node)
        }
    }

    func render(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let s, let line): return "\(line):'\(s)'"
        case .sequence(let items, let line): return "\(line):[" + items.map(render).joined(separator: ",") + "]"
        case .mapping(let pairs, let line): return "\(line):{" + pairs.map { "\($0.key)=" + render($0.value) }.joined(separator: ",") + "}"
        }
    }

    static let documents = [
        "staff:\n  - name: 陈立峰\n    roles: [记者]\n    active: {from: 2012-07-01, to: null}\n", "", "# only a comment\n",
        "- a\n- [b, [c, {d: e}]]\n- ''\n", "k: \"引号里的“中文”\"\n", String(repeating: "- 长长的一行文字\n", count: 300),
    ]

    @Test(arguments: documents)
    func aStoredNodeDecodesToTheParsedOne(_ text: String) throws {
        let parsed = YAMLNode.parse(text, file: "x.yml")
        let node = try parsed.get()
        let decoded = try #require(ParsedYAMLStore.decode(ParsedYAMLStore.encode(node)))
        #expect(render(.success(decoded)) == render(parsed))
    }

    @Test func theShippedListsRoundTrip() throws {
        let workspace = projectRoot() + "/Workspace/"
        let names = ["staff.yml", "people.yml", "galley.yml"]
            + (try FileManager.default.contentsOfDirectory(atPath: workspace + "terms")).filter { $0.hasSuffix(".yml") }.map { "terms/" + $0 }
        for name in names {
            let parsed = YAMLNode.parse(try String(contentsOfFile: workspace + name, encoding: .utf8), file: name)
            let decoded = try #require(ParsedYAMLStore.decode(ParsedYAMLStore.encode(try parsed.get())), "\(name)")
            #expect(render(.success(decoded)) == render(parsed), "\(name)")
        }
    }

    @Test func aSecondRunReadsTheStoreAndADamagedFileIsParsedAgain() throws {
        let dir = TemporaryDirectory()
        let store = ParsedYAMLStore(gitDirectory: dir.path + "/.git/")
        let text = "staff:\n  - name: 周雅琴\n"
        let first = store.parse(text, file: "staff.yml")
        let kept = store.directory + "/" + ParsedYAMLStore.key(text)!
        #expect(FileManager.default.fileExists(atPath: kept))
        #expect(render(first) == "1:{staff=2:[2:{name=2:'周雅琴'}]}")

        // The store is what a second run believes: a file for this text holding another node is read back.
        try Data(ParsedYAMLStore.encode(.scalar("from the store", line: 7))).write(to: URL(fileURLWithPath: kept))
        #expect(render(store.parse(text, file: "staff.yml")) == "7:'from the store'")

        // Damaged (cut short, or not an encoding at all): parsed again and rewritten.
        for damage in [Array(ParsedYAMLStore.encode(try first.get()).dropLast(3)), Array("garbage".utf8), []] {
            try Data(damage).write(to: URL(fileURLWithPath: kept))
            #expect(render(store.parse(text, file: "staff.yml")) == render(first))
            #expect(ParsedYAMLStore.decode(Array(try Data(contentsOf: URL(fileURLWithPath: kept)))) != nil)
        }
    }

    @Test func anEditedListIsParsedAnewAndBadYAMLIsNotKept() throws {
        let dir = TemporaryDirectory()
        let store = ParsedYAMLStore(gitDirectory: dir.path + "/.git")
        #expect(render(store.parse("a: 1\n", file: "f.yml")) == "1:{a=1:'1'}")
        #expect(render(store.parse("a: 2\n", file: "f.yml")) == "1:{a=1:'2'}")
        let bad = store.parse("a: [1\n", file: "f.yml")
        #expect(render(bad).hasPrefix("error f.yml:"))
        #expect(!FileManager.default.fileExists(atPath: store.directory + "/" + ParsedYAMLStore.key("a: [1\n")!))
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory).count == 2)
    }

    @Test func theFolderKeepsTheNewestFiles() throws {
        let dir = TemporaryDirectory()
        let store = ParsedYAMLStore(gitDirectory: dir.path + "/.git")
        for n in 0..<(ParsedYAMLStore.limit + 6) { _ = store.parse("n: \(n)\n", file: "f.yml") }
        let left = try FileManager.default.contentsOfDirectory(atPath: store.directory)
        #expect(left.count == ParsedYAMLStore.limit)
        #expect(left.contains(ParsedYAMLStore.key("n: \(ParsedYAMLStore.limit + 5)\n")!))
        #expect(!left.contains { $0.contains(FileSystem.temporarySuffix) })
    }

    /// A temporary file left by a process that exited while it wrote goes at the next write once it
    /// is a minute old; one that may still be being written stays.
    @Test func leftTemporaryFilesArePrunedOnceStale() throws {
        let dir = TemporaryDirectory()
        let store = ParsedYAMLStore(gitDirectory: dir.path + "/.git")
        _ = store.parse("a: 1\n", file: "f.yml")
        let stale = store.directory + "/x" + FileSystem.temporarySuffix + "1-1"
        let fresh = store.directory + "/y" + FileSystem.temporarySuffix + "1-2"
        for path in [stale, fresh] { #expect(FileManager.default.createFile(atPath: path, contents: Data([1, 2]))) }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -120)], ofItemAtPath: stale)
        _ = store.parse("a: 2\n", file: "f.yml")
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: fresh))
    }

    /// A newsroom's resources use the store; outside one (no git folder) they parse every time.
    @Test func aNewsroomKeepsItsParsedLists() throws {
        let dir = TemporaryDirectory()
        let newsroom = try Newsroom.create(at: dir.path)
        dir.write("staff.yml", "staff:\n  - name: 周雅琴\n    roles: [记者]\n")
        let checker = Checker(newsroom: newsroom, families: [])
        let resources = try #require(checker.resources(tree: nil))
        #expect(render(try #require(resources.yaml("staff.yml"))) == "1:{staff=2:[2:{name=2:'周雅琴',roles=3:[3:'记者']}]}")
        let kept = dir.path + "/.git/galley/parsed/" + ParsedYAMLStore.key(try #require(resources.file("staff.yml")))!
        #expect(FileManager.default.fileExists(atPath: kept))
    }
}
