/// Turning what a user typed into a repository-relative path, refusing anything that leaves the repository.
extension Newsroom {
    public struct ResolvedPath: Sendable {
        /// Absolute path in the work tree.
        public let absolute: String
        /// Path relative to the repository root, with `/` separators.
        public let relative: String
    }

    /// Resolves `path` (relative to `cwd`). With `mustExist`, the file must be a regular file in the
    /// work tree and no symbolic link on the way may lead outside the repository.
    public func resolve(_ path: String, cwd: String, mustExist: Bool = true) throws(GalleyError) -> ResolvedPath {
        let absolute = FileSystem.absolute(path, from: cwd)
        // A user may reach the repository through a symlinked folder: compare against both spellings.
        let lexicalRoot = FileSystem.lexicallyNormalized(root)
        guard let relative = FileSystem.relative(absolute, to: lexicalRoot)
                ?? FileSystem.realPath(FileSystem.parent(absolute)).flatMap({ FileSystem.relative($0 + "/" + FileSystem.baseName(absolute), to: root) }),
              !relative.isEmpty
        else { throw .outsideRepository(path: path, root: root) }
        if relative == ".git" || relative.hasPrefix(".git/") { throw .outsideRepository(path: path, root: root) }
        guard mustExist else { return ResolvedPath(absolute: absolute, relative: relative) }
        guard FileSystem.exists(absolute) else { throw .fileNotFound(path: path) }
        guard let real = FileSystem.realPath(absolute) else { throw .fileNotFound(path: path) }
        guard let realRelative = FileSystem.relative(real, to: root) else { throw .symlinkEscape(path: path, target: real) }
        if realRelative != relative {
            throw .invalidField(path: path, field: "path", problem: "is reached through a symbolic link (to \(realRelative)); name the file itself")
        }
        return ResolvedPath(absolute: root + "/" + relative, relative: relative)
    }
}

extension FileSystem {
    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
