internal import CGalleySupport
internal import Clibgit2

/// Initialises libgit2 once per process; every entry point into `Git*` calls `ensure()`.
enum LibGit2 {
    private static let initResult: Int32 = {
        // Debian's shared libgit2 (debug and test builds) parses the whole system CA bundle during
        // init (5-8 ms, a third of a check-in). Galley never talks to a remote, so that load waits
        // until someone needs TLS (`loadCertificates()`). Release builds set TLS up only at its first
        // use (scripts/transports-on-demand.c), so there init asks for no bundle at all.
        galley_crypto_init()
        galley_begin_deferring_certificates()
        defer { galley_end_deferring_certificates() }
        return git_libgit2_init()
    }()

    static func ensure() {
        _ = initResult
    }

    /// True while the CA bundle libgit2's init asked for is not loaded.
    static var certificatesDeferred: Bool {
        ensure()
        return galley_certificates_deferred() != 0
    }

    /// Loads the CA bundle libgit2's init asked for; call before any remote (https) operation.
    static func loadCertificates() throws {
        ensure()
        let rc = galley_load_deferred_certificates()
        guard rc == 0 else { throw GitFailure(code: rc, message: "cannot load the CA certificates", function: "mbedtls_x509_crt_parse_file") }
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
