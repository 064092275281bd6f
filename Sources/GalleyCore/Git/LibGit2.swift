internal import Clibgit2

/// Initialises libgit2 once per process; every entry point into `Git*` calls `ensure()`.
enum LibGit2 {
    private static let initResult: Int32 = git_libgit2_init()
    static func ensure() {
        _ = initResult
    }
}

/// A libgit2 failure, with the error read on the same thread right after the call.
struct GitFailure: Error, Sendable, CustomStringConvertible {
    let code: Int32
    let message: String
    let function: String

    var isModified: Bool { code == GIT_EMODIFIED.rawValue }
    var isLocked: Bool { code == GIT_ELOCKED.rawValue }
    var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }
    var isExists: Bool { code == GIT_EEXISTS.rawValue }
    var isAmbiguous: Bool { code == GIT_EAMBIGUOUS.rawValue }

    var description: String { "\(function): \(message) (code \(code))" }
}

@discardableResult
func gitCheck(_ rc: Int32, _ function: String) throws -> Int32 {
    guard rc < 0 else { return rc }
    // libgit2 1.5 may return NULL here, and the error is thread-local: read it at once.
    if let error = git_error_last(), let text = error.pointee.message {
        throw GitFailure(code: rc, message: String(cString: text), function: function)
    }
    throw GitFailure(code: rc, message: "no libgit2 error message", function: function)
}
