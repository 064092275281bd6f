import Yams

/// Builds a working newsroom from the bundled `Workspace/`: the README's first command.
public enum Demo {
    /// Folders that hold a `Workspace/` with `galley.yml`: explicit, then the current directory, then
    /// upward from the executable (a build folder inside the project).
    public static func locateWorkspace(explicit: String?, cwd: String, executable: String) throws(GalleyError) -> String {
        var searched: [String] = []
        func ok(_ dir: String) -> Bool {
            searched.append(dir)
            return FileSystem.exists(dir + "/galley.yml") && FileSystem.isDirectory(dir + "/articles")
        }
        if let explicit {
            let dir = FileSystem.absolute(explicit, from: cwd)
            if ok(dir) { return dir }
            throw .workspaceNotFound(searched: searched)
        }
        if ok(cwd + "/Workspace") { return cwd + "/Workspace" }
        var dir = FileSystem.parent(FileSystem.realPath(executable) ?? executable)
        while dir != "/" && !dir.isEmpty {
            if ok(dir + "/Workspace") { return dir + "/Workspace" }
            dir = FileSystem.parent(dir)
        }
        throw .workspaceNotFound(searched: searched)
    }

    /// Copies the sample newsroom into `target` (which must not exist or be empty), checks in every
    /// article as its reporter, then applies each folder of `revisions/` as a later revision.
    public static func run(workspace: String, into target: String, cwd: String, say: (String) -> Void) throws(GalleyError) -> Newsroom {
        let dir = FileSystem.absolute(target, from: cwd)
        if FileSystem.exists(dir), !FileSystem.list(dir).isEmpty { throw .alreadyExists(path: dir) }
        try FileSystem.makeDirectories(dir)
        for file in FileSystem.list(workspace) where !FileSystem.isDirectory(workspace + "/" + file) && file.hasSuffix(".yml") {
            try FileSystem.copyFile(workspace + "/" + file, to: dir + "/" + file)
        }
        for folder in ["terms", "tools", "pages"] where FileSystem.isDirectory(workspace + "/" + folder) {
            try copyTree(workspace + "/" + folder, to: dir + "/" + folder)
        }
        let editor = Signature(name: "Galley 演示", email: "demo@galley.example", time: 1_795_000_000, offsetMinutes: 480)
        let newsroom = try Newsroom.create(at: dir, author: editor)
        say("Created newsroom \(dir) (git repository, branch main, galley.yml)")
        // Shared newsroom files (external plugins, term lists, page plans) are versioned too.
        var shared: [(String, [UInt8])] = []
        for folder in ["terms", "tools", "pages"] {
            for relative in files(under: dir + "/" + folder) {
                shared.append((folder + "/" + relative, try FileSystem.readFile(dir + "/" + folder + "/" + relative, limit: SourceText.maximumBytes)))
            }
        }
        if !shared.isEmpty {
            _ = try newsroom.commitFiles(shared, message: "Add newsroom tools and lists\n", author: editor)
            try newsroom.stage(shared.map(\.0))
            say("  added \(shared.map(\.0).joined(separator: ", "))")
        }
        let emails = staffEmails(dir + "/staff.yml")
        var clock: Int64 = 1_795_000_000

        let articleFiles = files(under: workspace + "/articles")
        for relative in articleFiles {
            try FileSystem.copyFile(workspace + "/articles/" + relative, to: dir + "/articles/" + relative)
            let path = "articles/" + relative
            let prepared = try newsroom.prepare(try newsroom.resolve(path, cwd: dir), userPath: path)
            if relative == articleFiles.first {
                // Copy arrives from 14:00 Beijing time on the day before the issue.
                let day = Int64(prepared.article.frontMatter!.issue.daysSinceEpoch - 1)
                clock = day * 86400 + 6 * 3600
            }
            let credit = prepared.article.frontMatter!.credits.first
            let name = credit?.name ?? "值班编辑"
            clock += 600
            let author = Signature(name: name, email: emails[name] ?? "newsroom@binjiang-daily.example", time: clock, offsetMinutes: 480)
            let result = try newsroom.checkIn([prepared], message: "来稿：\(prepared.article.frontMatter!.headline)", author: author)
            say("  checked in \(path)  \(result.revision.short)  by \(name)")
        }
        let revisionsDir = workspace + "/revisions"
        for step in FileSystem.list(revisionsDir) where FileSystem.isDirectory(revisionsDir + "/" + step) {
            let meta = revisionMeta(revisionsDir + "/" + step + "/revision.yml")
            let changed = files(under: revisionsDir + "/" + step + "/articles")
            for relative in changed {
                try FileSystem.copyFile(revisionsDir + "/" + step + "/articles/" + relative, to: dir + "/articles/" + relative)
            }
            clock += 1800
            let author = Signature.parse(meta.author ?? "", time: clock, offsetMinutes: 480)
                ?? Signature(name: "值班编辑", email: "desk@binjiang-daily.example", time: clock, offsetMinutes: 480)
            let result = try newsroom.checkIn(paths: changed.map { "articles/" + $0 }, cwd: dir,
                                              message: meta.message ?? step, author: author)
            say("  revision \(step): \(counted(changed.count, "article"))  \(result.revision.short)  by \(author.name)")
        }
        return newsroom
    }

    /// Relative paths of the regular files below `root`, sorted.
    static func files(under root: String) -> [String] {
        var out: [String] = []
        for name in FileSystem.list(root) {
            let full = root + "/" + name
            if FileSystem.isDirectory(full) {
                out += files(under: full).map { name + "/" + $0 }
            } else {
                out.append(name)
            }
        }
        return out
    }

    static func copyTree(_ from: String, to: String) throws(GalleyError) {
        for relative in files(under: from) { try FileSystem.copyFile(from + "/" + relative, to: to + "/" + relative) }
    }

    static func revisionMeta(_ path: String) -> (message: String?, author: String?) {
        guard let bytes = try? FileSystem.readFile(path, limit: 100_000),
              let node = try? Yams.compose(yaml: String(decoding: bytes, as: UTF8.self)), let m = node.mapping
        else { return (nil, nil) }
        return (m["message"]?.string, m["author"]?.string)
    }

    static func staffEmails(_ path: String) -> [String: String] {
        guard let bytes = try? FileSystem.readFile(path, limit: 1_000_000),
              let node = try? Yams.compose(yaml: String(decoding: bytes, as: UTF8.self)),
              let list = node.mapping?["staff"]?.sequence
        else { return [:] }
        var out: [String: String] = [:]
        for person in list {
            if let name = person.mapping?["name"]?.string, let email = person.mapping?["email"]?.string { out[name] = email }
        }
        return out
    }
}
