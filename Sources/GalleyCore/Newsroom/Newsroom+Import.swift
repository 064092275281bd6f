internal import CGalleySupport

extension Newsroom {
    /// Writes the articles of an imported page under `articles/<issue>/` and checks them in as one
    /// revision whose trailers name the source file and its SHA-256. Refuses, writing nothing, when an
    /// id is taken; removes what it wrote when the check-in fails before its commit (after it, the files
    /// are the committed articles and stay).
    public func checkIn(_ page: PageImport, sourceName: String, sourceBytes: [UInt8], message: String?,
                        author: Signature? = nil) throws(GalleyError) -> CheckInResult {
        guard !page.articles.isEmpty else { throw .usage("\(sourceName): nothing to import") }
        let taken = try articleIndex()
        let folder = "articles/\(page.options.issue.iso)"
        for article in page.articles {
            let relative = "\(folder)/\(article.id).md"
            if let existing = taken[article.id] { throw .duplicateID(id: article.id, paths: [existing, relative]) }
            if FileSystem.exists(root + "/" + relative) { throw .alreadyExists(path: relative) }
        }
        try FileSystem.makeDirectories(root + "/" + folder)
        let tipBefore = try tipCommit()
        var written: [String] = []
        do {
            var prepared: [PreparedArticle] = []
            for article in page.articles {
                let relative = "\(folder)/\(article.id).md"
                let absolute = root + "/" + relative
                try FileSystem.writeFile(absolute, Array(ArticleFile.render(article, options: page.options, status: configuration.statuses.first ?? "draft").utf8))
                written.append(absolute)
                prepared.append(try prepare(try resolve(relative, cwd: root), userPath: relative))
            }
            let trailers = ["Galley-Import-Source: \(Newsroom.oneLine(sourceName))", "Galley-Import-SHA256: \(Newsroom.sha256Hex(sourceBytes))"]
            let summary = message ?? "Import \(Newsroom.oneLine(sourceName)): \(page.articles.count) articles of \(page.options.issue.iso) page \(page.options.page)"
            return try checkIn(prepared, message: summary, author: author, extraTrailers: trailers)
        } catch {
            if (try? tipCommit()) == tipBefore {
                for path in written { _ = FileSystem.remove(path) }
            }
            throw error
        }
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        var sum = [UInt8](repeating: 0, count: 32)
        bytes.withUnsafeBytes { galley_sha256_once($0.baseAddress, $0.count, &sum) }
        return sum.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    static func oneLine(_ s: String) -> String {
        String(s.map { $0.isNewline ? " " : $0 })
    }
}
