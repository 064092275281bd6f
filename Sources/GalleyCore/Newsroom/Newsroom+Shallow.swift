extension Newsroom {
    /// True when the repository is a shallow clone: the parents of its oldest commits were not fetched.
    public var isShallow: Bool { FileSystem.exists(repo.gitDir + "shallow") }

    /// The error for a history walk that failed: in a shallow clone, a missing object is a parent the
    /// clone does not have (libgit2 1.5 walks into them), and is said to be so.
    func historyFailure(in function: String, _ error: any Error) -> GalleyError {
        let message = "\(error)"
        return message.contains("object not found") && isShallow ? .shallowHistory : .git(function: function, message: message)
    }
}
