internal import Clibgit2
#if canImport(Glibc)
import Glibc
#endif

/// How a work-tree file differs from `HEAD`.
public enum FileChange: String, Sendable, Codable {
    case new, modified, deleted
}

extension GitRepository {
    /// Files under `prefix` that are new, modified or deleted in the work tree (or index) against HEAD.
    func changes(under prefix: String) throws -> [(path: String, change: FileChange)] {
        var opts = git_status_options()
        try gitCheck(git_status_options_init(&opts, UInt32(GIT_STATUS_OPTIONS_VERSION)), "git_status_options_init")
        opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX.rawValue | GIT_STATUS_OPT_SORT_CASE_SENSITIVELY.rawValue
        var list: OpaquePointer?
        let pattern = strdup(prefix)
        defer { free(pattern) }
        var patterns: [UnsafeMutablePointer<CChar>?] = [pattern]
        try patterns.withUnsafeMutableBufferPointer { buffer in
            opts.pathspec = git_strarray(strings: buffer.baseAddress, count: 1)
            try gitCheck(git_status_list_new(&list, handle, &opts), "git_status_list_new")
        }
        defer { git_status_list_free(list) }
        var out: [(String, FileChange)] = []
        for i in 0..<git_status_list_entrycount(list) {
            guard let entry = git_status_byindex(list, i) else { continue }
            let s = entry.pointee.status.rawValue
            let delta = entry.pointee.index_to_workdir ?? entry.pointee.head_to_index
            guard let delta else { continue }
            let newPath = delta.pointee.new_file.path.map { String(cString: $0) }
            let oldPath = delta.pointee.old_file.path.map { String(cString: $0) }
            let newBits = GIT_STATUS_WT_NEW.rawValue | GIT_STATUS_INDEX_NEW.rawValue
            let deletedBits = GIT_STATUS_WT_DELETED.rawValue | GIT_STATUS_INDEX_DELETED.rawValue
            let modifiedBits = GIT_STATUS_WT_MODIFIED.rawValue | GIT_STATUS_INDEX_MODIFIED.rawValue
                | GIT_STATUS_WT_TYPECHANGE.rawValue | GIT_STATUS_INDEX_TYPECHANGE.rawValue | GIT_STATUS_WT_RENAMED.rawValue
            if s & deletedBits != 0, s & GIT_STATUS_INDEX_NEW.rawValue == 0 {
                out.append((oldPath ?? newPath ?? "", .deleted))
            } else if s & GIT_STATUS_INDEX_RENAMED.rawValue != 0 {
                out.append((oldPath ?? "", .deleted))
                out.append((newPath ?? "", .new))
            } else if s & newBits != 0 {
                out.append((newPath ?? "", .new))
            } else if s & modifiedBits != 0 {
                out.append((newPath ?? "", .modified))
            }
        }
        return out
    }
}
