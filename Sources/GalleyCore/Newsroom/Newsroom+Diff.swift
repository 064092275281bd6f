/// One side of a comparison: what it is, and its text (nil when the file does not exist there).
public struct DiffSide: Sendable {
    /// `path@short-id`, `path (working tree)` or the path given.
    public let label: String
    /// The decoded text; nil when the file does not exist on this side.
    public let text: String?

    /// A side with its label and text.
    public init(label: String, text: String?) {
        self.label = label
        self.text = text
    }

    /// A file on disk (outside or inside a newsroom), decoded and checked like a check-in: binary data
    /// and invalid UTF-8 are refused with a `GalleyError` naming the file.
    public static func file(_ path: String, cwd: String) throws(GalleyError) -> DiffSide {
        let bytes = try FileSystem.readFile(FileSystem.absolute(path, from: cwd), limit: SourceText.maximumBytes)
        return DiffSide(label: path, text: try SourceText.decode(bytes, path: path).text)
    }
}

/// The versions `galley diff` compares, and the per-revision figures of `galley log --stat`.
extension Newsroom {
    /// The two sides of `galley diff PATH [REV_A [REV_B]]`:
    /// - no revision: the working file against `HEAD` when it differs, else the last two revisions that
    ///   changed the file (the first revision against nothing when there is only one);
    /// - one revision: that revision against the working file;
    /// - two: the first against the second.
    public func diffSides(_ path: ResolvedPath, revisions: [String]) throws(GalleyError) -> (DiffSide, DiffSide) {
        let relative = path.relative
        switch revisions.count {
        case 0:
            let working = try workingSide(path)
            let head = try side(relative, at: "HEAD", required: false)
            if working.text != head?.text, working.text != nil || head != nil {
                return (head ?? DiffSide(label: "\(relative)@HEAD", text: nil), working)
            }
            let log = try history(of: relative, limit: 2)
            guard let newest = log.first else { throw .notInHistory(path: relative) }
            let new = try side(relative, at: newest.revision.hex, required: false)
                ?? DiffSide(label: "\(relative)@\(newest.revision.short)", text: nil)
            guard log.count > 1 else {
                return (DiffSide(label: "(nothing before \(newest.revision.short))", text: nil), new)
            }
            let old = try side(relative, at: log[1].revision.hex, required: false)
                ?? DiffSide(label: "\(relative)@\(log[1].revision.short)", text: nil)
            return (old, new)
        case 1:
            let old = try side(relative, at: revisions[0], required: true)!
            return (old, try workingSide(path))
        default:
            let old = try side(relative, at: revisions[0], required: false)
            let new = try side(relative, at: revisions[1], required: false)
            guard old != nil || new != nil else { throw .pathNotInRevision(path: relative, revision: revisions[0] + " or " + revisions[1]) }
            return (old ?? DiffSide(label: "\(relative)@\(revisions[0])", text: nil),
                    new ?? DiffSide(label: "\(relative)@\(revisions[1])", text: nil))
        }
    }

    /// The file as of `revision`, labelled `path@short-id`; nil when the revision lacks it (unless `required`).
    func side(_ relative: String, at revision: String, required: Bool) throws(GalleyError) -> DiffSide? {
        let commit: ObjectID
        do {
            commit = try resolve(revision: revision)
        } catch {
            if !required, revision == "HEAD" { return nil }
            throw error
        }
        let label = "\(relative)@\(commit.short)"
        do {
            let bytes = try contents(of: relative, at: commit.hex)
            return DiffSide(label: label, text: try SourceText.decode(bytes, path: label).text)
        } catch .pathNotInRevision(let p, _) {
            if required { throw .pathNotInRevision(path: p, revision: revision) }
            return nil
        }
    }

    func workingSide(_ path: ResolvedPath) throws(GalleyError) -> DiffSide {
        let label = "\(path.relative) (working tree)"
        guard FileSystem.exists(path.absolute) else { return DiffSide(label: label, text: nil) }
        let bytes = try FileSystem.readFile(path.absolute, limit: SourceText.maximumBytes)
        return DiffSide(label: label, text: try SourceText.decode(bytes, path: path.relative).text)
    }

    /// Characters added, removed and moved in the body by `revision` against its first parent, and the
    /// number of front-matter fields it changed.
    public func changeStatistics(of relative: String, at revision: ObjectID) throws(GalleyError) -> (body: DiffStatistics, fields: Int) {
        let new = try side(relative, at: revision.hex, required: false)
        let parent: DiffSide?
        do {
            _ = try resolve(revision: revision.hex + "^")
            parent = try side(relative, at: revision.hex + "^", required: false)
        } catch .revisionNotFound {
            parent = nil
        }
        let diff = ArticleDiffer.diff(old: parent?.text, new: new?.text, oldLabel: "", newLabel: "")
        return (diff.body.statistics, diff.fields.count)
    }
}
