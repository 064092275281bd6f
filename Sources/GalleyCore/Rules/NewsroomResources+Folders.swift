/// Folders of newsroom files, such as the term lists in `terms/`. A plugin names a folder in its
/// `resourcePaths` with a trailing slash (`terms/`); the runner then reads every `.yml` and `.yaml`
/// file directly in it, and the cache key covers all of them.
extension NewsroomResources {
    /// The files directly in `folder` (written with its trailing slash), sorted by path.
    public func files(under folder: String) -> [(path: String, text: String)] {
        files.filter { $0.key.hasPrefix(folder) && !$0.key.dropFirst(folder.count).contains("/") }
            .sorted { $0.key < $1.key }
            .map { (path: $0.key, text: $0.value) }
    }

    /// What the findings cache key covers for one resource path: the file's text, or for a folder the
    /// name and text of each of its files.
    func digestText(for path: String) -> String {
        guard path.hasSuffix("/") else { return file(path) ?? "" }
        return files(under: path).map { $0.path + "\u{0}" + $0.text }.joined(separator: "\u{0}")
    }

    static func isFolder(_ path: String) -> Bool { path.hasSuffix("/") }

    static func isListedFile(_ name: String) -> Bool {
        !name.hasPrefix(".") && (name.hasSuffix(".yml") || name.hasSuffix(".yaml"))
    }
}

extension Checker {
    /// The `.yml`/`.yaml` files directly in `folder` (with its trailing slash), from the working tree or `tree`.
    func folderFiles(_ folder: String, tree: ObjectID?, in newsroom: Newsroom) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        let name = String(folder.dropLast())
        if let tree {
            let blobs = (try? newsroom.repo.blobs(under: name, inTree: tree)) ?? [:]
            for (path, blob) in blobs {
                let rest = path.dropFirst(folder.count)
                guard path.hasPrefix(folder), !rest.contains("/"), NewsroomResources.isListedFile(String(rest)) else { continue }
                if let bytes = readResource(path, from: { try newsroom.repo.blobData(blob) }) { out[path] = bytes }
            }
        } else {
            let dir = newsroom.root + "/" + name
            for entry in FileSystem.list(dir) where NewsroomResources.isListedFile(entry) {
                let full = dir + "/" + entry
                guard !FileSystem.isSymlink(full), !FileSystem.isDirectory(full) else { continue }
                if let bytes = readResource(folder + entry, from: { try FileSystem.readFile(full, limit: SourceText.maximumBytes) }) {
                    out[folder + entry] = bytes
                }
            }
        }
        return out
    }
}
