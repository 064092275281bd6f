extension Newsroom {
    /// True when the repository is a shallow clone: the parents of its oldest commits were not fetched.
    public var isShallow: Bool { FileSystem.exists(repo.gitDir + "shallow") }

    /// Runs a history walk; in a shallow clone, a walk that fails on a missing object (libgit2 1.5
    /// walks into the parents a shallow clone lacks) is explained as the shallow clone it is.
    public func explainingShallowHistory<T>(_ walk: () throws -> T) throws -> T {
        do {
            return try walk()
        } catch let error as GalleyError {
            if case .git(_, let message) = error, message.contains("object not found"), isShallow { throw GalleyError.shallowHistory }
            throw error
        }
    }
}
