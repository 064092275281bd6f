@testable import GalleyCore
import Testing

/// libgit2's CA bundle is not parsed at start-up, and can still be loaded when TLS is needed (the
/// deferral of the shared libgit2 the tests link; release builds defer all of TLS's set-up instead).
@Suite struct LibGit2StartupTests {
    @Test func certificatesWaitUntilAskedFor() throws {
        LibGit2.ensure()
        // Debian's libgit2 asks for the system bundle during init; it must be waiting, not parsed.
        if FileSystem.exists("/etc/ssl/certs/ca-certificates.crt") {
            #expect(LibGit2.certificatesDeferred)
        }
        if LibGit2.certificatesDeferred {
            try LibGit2.loadCertificates()
        }
        #expect(!LibGit2.certificatesDeferred)
        // Loading twice is harmless.
        try LibGit2.loadCertificates()
    }
}
