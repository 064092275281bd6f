@testable import GalleyCore
import Testing

@Suite struct GalleyErrorTests {
    /// The damaged-repository hint follows what libgit2 and zlib say about objects they read back,
    /// and stays away from a missing object (a shallow clone is not damaged) and from Galley's own
    /// compression failures.
    @Test func theDamageHintFollowsOnlyUnreadableObjects() {
        let damaged = [
            "git_tree_entry_bypath: error inflating zlib stream",
            "git_revwalk_next: incorrect data check",
            "git_blob_lookup: invalid code lengths set",
            "commit: commit 4c11a14c does not start with its tree",
            "git_odb_read: object hash mismatch",
        ]
        for m in damaged {
            #expect(GalleyError.git(function: "f", message: m).hint?.hasPrefix("the repository looks damaged") == true, "\(m)")
        }
        let sound = [
            "git_odb_read: object not found - no match for id (4c11a14c2f1fe4c6eea27fa83bfd1aaa377a9a67)",
            "deflate: zlib could not compress an object",
            "git_config_open_ondisk: failed to parse config file: invalid section header",
            "git_reference_create_matching: old reference value does not match",
        ]
        for m in sound { #expect(GalleyError.git(function: "f", message: m).hint == nil, "\(m)") }
    }
}
