#if canImport(Glibc)
import Glibc
#endif
import GalleyCore

/// A bench newsroom set up as a newsroom that uses Galley is: galley.yml, a staff roster holding the
/// corpus's bylines, and the people and term lists Galley ships in `Workspace/`, all committed before
/// the articles. Without them the roster, people and term rules are off, and a check-in would be
/// measured doing less than it does in a newsroom.
enum BenchNewsroom {
    /// `Workspace/` of the project this executable was built in (as `galley demo` finds it), if any.
    static let workspace: String? = {
        guard let exe = Peers.executablePath(), let cwd = getcwd(nil, 0) else { return nil }
        defer { free(cwd) }
        return try? Demo.locateWorkspace(explicit: nil, cwd: String(cString: cwd), executable: exe)
    }()

    /// What the bench newsrooms hold, for the suites' notes.
    static var description: String {
        workspace == nil
            ? "galley.yml and a roster of the corpus's \(Corpus.staff.count) bylines only: Workspace/ was not found, so the people and term rules are off"
            : "galley.yml, a roster of the corpus's \(Corpus.staff.count) bylines, Workspace/people.yml and Workspace/terms/*.yml"
    }

    /// Workspace's term lists, by path in the newsroom.
    static let termLists: [(String, [UInt8])] = {
        guard let workspace else { return [] }
        return Disk.list(workspace + "/terms").sorted().filter { $0.hasSuffix(".yml") }.compactMap { name in
            Disk.read(workspace + "/terms/" + name).map { ("terms/" + name, $0) }
        }
    }()

    /// The commits `create` makes: the creation, then the term lists if there are any.
    static var setupCommits: Int { termLists.isEmpty ? 1 : 2 }

    /// Creates the newsroom at `dir` with its lists in two commits (the creation, then the term lists).
    static func create(at dir: String, author: Signature) throws -> Newsroom {
        try Disk.makeDirectories(dir)
        try Disk.write(dir + "/staff.yml", Array(Corpus.rosterYAML().utf8))
        let terms = termLists
        if let workspace, let people = Disk.read(workspace + "/people.yml") { try Disk.write(dir + "/people.yml", people) }
        let newsroom = try Newsroom.create(at: dir, author: author)
        if !terms.isEmpty {
            try Disk.makeDirectories(dir + "/terms")
            for (path, bytes) in terms { try Disk.write(dir + "/" + path, bytes) }
            var at = author
            at.time += 1
            _ = try newsroom.commitFiles(terms, message: "Add the term lists\n", author: at)
            try newsroom.stage(terms.map(\.0))
        }
        return newsroom
    }
}
