/// Every failure a user can meet, each with one message naming the file and the problem.
/// The CLI prints `message` (and `hint`) on one line each and exits with code 2.
public enum GalleyError: Error, Sendable, Equatable {
    case fileNotFound(path: String)
    case notAFile(path: String)
    case tooLarge(path: String, bytes: Int, limit: Int)
    case binary(path: String, offset: Int)
    case invalidUTF8(path: String, line: Int, column: Int, looksLikeGB18030: Bool)
    case notConvertible(path: String, encoding: String)
    case unsupportedEncoding(String)
    case noFrontMatter(path: String)
    case unterminatedFrontMatter(path: String)
    case yaml(path: String, line: Int, column: Int, problem: String)
    case missingField(path: String, field: String)
    case invalidField(path: String, field: String, problem: String)
    case idMismatch(path: String, id: String)
    case wrongLocation(path: String, expected: String)
    case duplicateID(id: String, paths: [String])
    case outsideRepository(path: String, root: String)
    case symlinkEscape(path: String, target: String)
    case notARepository(directory: String)
    case notAGalleyRepository(directory: String)
    case alreadyExists(path: String)
    case refLocked(lockFile: String, ageSeconds: Int)
    case indexLocked(lockFile: String)
    case revisionNotFound(revision: String)
    case pathNotInRevision(path: String, revision: String)
    case notInHistory(path: String)
    case detachedHead
    case invalidAuthor(String)
    case nothingToCheckIn
    case workspaceNotFound(searched: [String])
    case ioError(path: String, problem: String)
    /// No installed font covers Chinese for `family` (the exporters draw with fontconfig's choice).
    case fontNotFound(family: String)
    case git(function: String, message: String)
    /// A history walk reached a commit whose parent a shallow clone did not fetch.
    case shallowHistory
    case usage(String)

    public var message: String {
        switch self {
        case .fileNotFound(let p): return "\(p): no such file"
        case .notAFile(let p): return "\(p): not a regular file"
        case .tooLarge(let p, let b, let l): return "\(p): file is \(b) bytes, over the \(l / 1_000_000) MB limit for an article"
        case .binary(let p, let o): return "\(p): binary file (NUL byte at offset \(o)); articles are UTF-8 text"
        case .invalidUTF8(let p, let l, let c, let gb):
            return gb
                ? "\(p):\(l):\(c): not UTF-8; the file decodes as GB18030"
                : "\(p):\(l):\(c): invalid UTF-8 byte sequence"
        case .notConvertible(let p, let e): return "\(p): not valid \(e) either"
        case .unsupportedEncoding(let e): return "unsupported encoding '\(e)' (supported: utf-8, gb18030)"
        case .noFrontMatter(let p): return "\(p): no front matter (the file must start with a line '---')"
        case .unterminatedFrontMatter(let p): return "\(p): front matter is not closed by a line '---'"
        case .yaml(let p, let l, let c, let problem): return "\(p):\(l):\(c): front matter is not valid YAML: \(problem)"
        case .missingField(let p, let f): return "\(p): required field '\(f)' is missing from the front matter"
        case .invalidField(let p, let f, let problem): return "\(p): field '\(f)' \(problem)"
        case .idMismatch(let p, let id): return "\(p): id '\(id)' does not match the file name"
        case .wrongLocation(let p, let e): return "\(p): articles live at \(e)"
        case .duplicateID(let id, let paths): return "duplicate id '\(id)' in \(paths.joined(separator: " and "))"
        case .outsideRepository(let p, let r): return "\(p): outside the repository at \(r)"
        case .symlinkEscape(let p, let t): return "\(p): a symbolic link leads outside the repository (to \(t))"
        case .notARepository(let d): return "\(d): not inside a Galley repository (no .git found here or above)"
        case .notAGalleyRepository(let d): return "\(d): a git repository but not a Galley newsroom (no galley.yml)"
        case .alreadyExists(let p): return "\(p): already exists; refusing to overwrite"
        case .refLocked(let f, let age): return "\(f) is locked (lock file \(age) s old): another check-in is running or one crashed"
        case .indexLocked(let f): return "\(f) is locked by another git process"
        case .revisionNotFound(let r): return "unknown revision '\(r)'"
        case .pathNotInRevision(let p, let r): return "\(p) does not exist in revision \(r)"
        case .notInHistory(let p): return "\(p) has no revision in the history of HEAD"
        case .detachedHead: return "HEAD is detached; check out a branch (main) first"
        case .invalidAuthor(let a): return "invalid --author '\(a)': expected \"Name <email>\""
        case .nothingToCheckIn: return "nothing to check in: the files are unchanged since the last revision"
        case .workspaceNotFound(let s): return "sample Workspace/ not found (looked in \(s.joined(separator: ", ")))"
        case .ioError(let p, let problem): return "\(p): \(problem)"
        case .fontNotFound(let f): return "no font with Chinese characters found for '\(f)' (fontconfig)"
        case .git(let f, let m): return "git error in \(f): \(m)"
        case .shallowHistory:
            return "the history ends early: this newsroom is a shallow clone (.git/shallow), and the walk reached a commit whose parent it does not have"
        case .usage(let m): return m
        }
    }

    /// A suggested next step, when there is one.
    public var hint: String? {
        switch self {
        case .invalidUTF8(_, _, _, true):
            return "convert it with 'galley checkin --encoding gb18030 …' or 'iconv -f GB18030 -t UTF-8'"
        case .refLocked(_, let age):
            return age >= 60
                ? "if no galley or git process is running, run 'galley doctor' to remove the stale lock"
                : "wait for the other check-in to finish, then try again"
        case .indexLocked: return "wait for the other git process, or remove .git/index.lock if none is running"
        case .notARepository: return "create one with 'galley init' or run from inside a newsroom (-C DIR)"
        case .notAGalleyRepository: return "run 'galley init' there to add galley.yml"
        case .fontNotFound: return "install a CJK font, e.g. 'apt-get install fonts-noto-cjk'"
        case .tooLarge: return "split the article, or keep large files out of articles/"
        case .nothingToCheckIn: return "edit the article first; 'galley status' lists what changed"
        case .shallowHistory: return "run 'git fetch --unshallow' to fetch the whole history, then try again"
        case .git(_, let m) where Self.soundsDamaged(m):
            return "the repository looks damaged: 'git fsck --full' lists the broken objects; fetch them again from another clone, or restore .git from a backup"
        default: return nil
        }
    }
}

extension GalleyError {
    /// libgit2's (and zlib's, passed through) words for objects it could not read back: unreadable
    /// compressed data, a checksum or a header that does not match, a pack it cannot parse.
    static func soundsDamaged(_ message: String) -> Bool {
        let m = message.lowercased()
        return damageWords.contains { m.contains($0) }
    }

    static let damageWords = [
        // libgit2's, for objects it read and could not use. Not "object not found": a shallow or partial
        // clone lacks objects without being damaged. Not "zlib": Galley's own compression says that.
        "inflat", "corrupt", "does not start with", "failed to parse loose object", "truncated", "bad packfile",
        "invalid packfile", "hash mismatch",
        // zlib's inflate messages
        "incorrect header check", "incorrect data check", "incorrect length check", "unknown compression method",
        "invalid window size", "unknown header flags", "header crc mismatch", "invalid block type", "invalid stored block",
        "too many length or distance", "invalid code lengths", "invalid bit length repeat", "invalid code -- missing",
        "invalid literal/length", "invalid distances set", "invalid distance code", "invalid distance too far",
    ]
}

extension GalleyError: CustomStringConvertible {
    public var description: String { message }
}
