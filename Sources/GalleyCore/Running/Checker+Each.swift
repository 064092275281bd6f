#if canImport(Glibc)
import Glibc
#endif

/// `galley check --each RANGE`: every revision in a range, with the revision that introduced each
/// finding and, for findings gone by the end, the revision that fixed it.
extension Checker {
    /// Checks each changed article version in `range` (`A..B`, `B`, or nil for all of HEAD's
    /// first-parent history). `progress` is called with (done, total) revisions.
    /// With `withSources`, the text of each reported version is kept for reporters to show lines.
    public func checkEach(range: String?, paths: [String], cwd: String, withSources: Bool = false,
                          progress: ((Int, Int) -> Void)? = nil) throws(GalleyError) -> CheckOutcome
    {
        guard let newsroom else { throw .usage("--each needs a newsroom repository") }
        let repo = newsroom.repo
        var outcome = CheckOutcome()
        let setupStart = PhaseClock.now()
        let (base, tip) = try resolveRange(range, newsroom)
        let prefixes = try paths.map { p throws(GalleyError) in try newsroom.resolve(p, cwd: cwd, mustExist: false).relative }
        let wanted: @Sendable (String) -> Bool = { path in
            Self.isTextPath(path) && (prefixes.isEmpty || prefixes.contains { path == $0 || path.hasPrefix($0 + "/") })
        }
        let tipTree = try? repo.commitTree(tip)
        // A path that is nowhere would silently match nothing (a range typed after another option reads as one).
        for (typed, prefix) in zip(paths, prefixes) where !FileSystem.exists(newsroom.root + "/" + prefix)
            && ((try? tipTree.flatMap { try repo.entry(at: prefix, inTree: $0) }) ?? nil) == nil
        {
            if typed.contains("..") { throw .usage("'\(typed)' is not a file of the newsroom; a range goes right after --each: --each \(typed)") }
            throw .pathNotInRevision(path: typed, revision: range ?? "HEAD")
        }
        let tipResources = resources(tree: tipTree)
        prepareProducers(resources: tipResources)
        let checkpointKey = eachKey(base: base, prefixes: prefixes)

        var tracks: [String: Track] = [:]
        var reported: [Finding] = []
        // A run that ended at this tip before: nothing to walk.
        if let checkpointKey, let cache, let bytes = cache.rawNote(on: tip),
           let saved = EachCheckpoint.decode(bytes, key: checkpointKey)
        {
            outcome.revisions = saved.revisions
            outcome.resumedFrom = tip.hex
            return finishEach(saved.tracks, gone: saved.gone, outcome: &outcome, withSources: withSources, repo: repo)
        }
        var commits: [ObjectID]
        // The whole history: the first-parent chain read straight from the packs, with each
        // commit's tree for the walk. A range: libgit2's revision walk, which hides the base's history.
        var commitTrees: [ObjectID]?
        do {
            if base == nil {
                let chain = try RawHistory(repo: repo, packs: versions).firstParentChain(to: tip)
                commits = chain.map(\.commit)
                commitTrees = chain.map(\.tree)
            } else {
                commits = try repo.commits(reachableFrom: [tip], hiding: base.map { [$0] } ?? [], firstParent: true)
            }
        } catch {
            throw newsroom.historyFailure(in: base == nil ? "first-parent history" : "git_revwalk", error)
        }
        // Where the walk starts: tracks already open there find their first version from it.
        var anchor = base
        var previousTree: ObjectID? = try? base.map { try repo.commitTree($0) }
        var previousArticles: ObjectID? = try? previousTree.flatMap { try repo.subtree("articles", inTree: $0) }
        // Resume from the newest earlier run's checkpoint along this history.
        if let checkpointKey, let cache {
            for i in stride(from: commits.count - 1, through: 0, by: -1) where cache.hasNote(commits[i]) {
                guard let bytes = cache.rawNote(on: commits[i]), let saved = EachCheckpoint.decode(bytes, key: checkpointKey) else { continue }
                tracks = saved.tracks
                reported = saved.gone
                outcome.revisions = saved.revisions
                outcome.resumedFrom = commits[i].hex
                anchor = commits[i]
                previousTree = try? repo.commitTree(commits[i])
                previousArticles = try? previousTree.flatMap { try repo.subtree("articles", inTree: $0) }
                commits.removeFirst(i + 1)
                commitTrees?.removeFirst(i + 1)
                break
            }
        }
        let needsHistory = producers.contains { $0.needsPrevious }
        cache?.encodeAhead = true
        outcome.phases.add("setup", PhaseClock.now() - setupStart)
        // With nothing cached, every new version is read: the walk reads them ahead, in parallel.
        let reading = !useCache || cache?.isEmpty ?? true
        let walker = WalkAhead(gitDir: repo.gitDir, commits: commits, trees: commitTrees, startArticles: previousArticles,
                               reading: reading ? wanted : nil)
        defer {
            walker.stop()
            readAhead = [:]
        }
        for (n, commit) in commits.enumerated() {
            progress?(n, commits.count)
            // Time spent waiting for the walk thread, not the walk itself.
            let walkStart = PhaseClock.now()
            let step: WalkAhead.Step
            do { step = try walker.step(n) } catch {
                throw .git(function: "tree diff", message: "\(error)")
            }
            let (tree, articles, changes) = (step.tree, step.articles, step.changes)
            readAhead = step.contents
            outcome.phases.add("walk", PhaseClock.now() - walkStart)
            let revision = commit.hex
            for path in changes.keys.sorted() where wanted(path) {
                if tracks[path] == nil {
                    // The version before the range: its findings predate the range (introduced: nil).
                    var track = Track()
                    if let old = step.before[path],
                       let before = versionFindings(path: path, blob: old, history: (nil, nil), revision: base?.hex, resources: tipResources, outcome: &outcome)
                    {
                        if needsHistory, let anchor { track.first = firstVersion(of: path, from: anchor) }
                        track.update(before, blob: old, revision: base?.hex ?? "", introducedHere: false, gone: &reported)
                    }
                    tracks[path] = track
                }
                if let blob = changes[path] ?? nil {
                    if needsHistory, tracks[path]!.first == nil, tracks[path]!.blob != nil, let anchor {
                        tracks[path]!.first = firstVersion(of: path, from: anchor)
                    }
                    let found = versionFindings(path: path, blob: blob, history: (tracks[path]!.blob, tracks[path]!.first), revision: revision,
                                                resources: tipResources, outcome: &outcome) ?? []
                    let t0 = PhaseClock.now()
                    tracks[path]!.update(found, blob: blob, revision: revision, introducedHere: true, gone: &reported)
                    outcome.phases.add("track", PhaseClock.now() - t0)
                } else {
                    tracks[path]!.remove(revision: revision, gone: &reported)
                }
            }
            previousTree = tree
            previousArticles = articles
            outcome.revisions += 1
            outcome.walked += 1
        }
        progress?(commits.count, commits.count)
        let t0 = PhaseClock.now()
        // In reading order, as the report wants them: a run resuming here need not sort them again.
        let gone = Finding.sortedInReadingOrder(reported)
        if let checkpointKey, let cache, !commits.isEmpty, outcome.pluginFailures == 0 {
            let state = EachCheckpoint(key: checkpointKey, revisions: outcome.revisions, tracks: tracks, gone: gone)
            cache.storeRaw(on: tip, state.encode())
        }
        outcome.phases.add("checkpoint", PhaseClock.now() - t0)
        return finishEach(tracks, gone: gone, outcome: &outcome, withSources: withSources, repo: repo)
    }

    /// The report of a walk: findings still present plus those fixed on the way.
    func finishEach(_ tracks: [String: Track], gone: [Finding], outcome: inout CheckOutcome, withSources: Bool,
                    repo: GitRepository) -> CheckOutcome
    {
        let t0 = PhaseClock.now()
        outcome.articles = tracks.count
        // Both lists in reading order (each track's findings are, and paths are taken in order): merged.
        var current: [Finding] = []
        for path in tracks.keys.sorted() { current += tracks[path]!.current.map(\.finding) }
        outcome.findings = Finding.merged(Finding.sortedInReadingOrder(gone), Finding.sortedInReadingOrder(current))
        outcome.phases.add("report", PhaseClock.now() - t0)
        if withSources {
            for f in outcome.findings {
                let key = CheckOutcome.sourceKey(f.path, f.revision)
                guard outcome.sources[key] == nil, let rev = f.revision.flatMap({ ObjectID(hex: $0) }),
                      let tree = try? repo.commitTree(rev), let blob = (try? repo.blobID(at: f.path, inTree: tree)) ?? nil,
                      let bytes = try? repo.blobData(blob), let text = try? SourceText.decode(bytes, path: f.path).text else { continue }
                outcome.sources[key] = text
            }
        }
        finish(&outcome)
        return outcome
    }

    /// What a checkpoint depends on: the range's base, the path filter and every plugin's cache key.
    func eachKey(base: ObjectID?, prefixes: [String]) -> String? {
        guard useCache, cache != nil else { return nil }
        var parts = [base?.hex ?? "-", prefixes.sorted().joined(separator: "|")]
        for p in producers {
            guard let key = p.cacheKey, p.failure == nil else { return nil }
            parts.append(key)
        }
        return stableDigest(parts.joined(separator: "\n"))
    }

    func resolveRange(_ range: String?, _ newsroom: Newsroom) throws(GalleyError) -> (ObjectID?, ObjectID) {
        guard let range, !range.isEmpty else {
            guard let tip = try newsroom.tipCommit() else { throw .usage("the newsroom has no revisions yet") }
            return (nil, tip)
        }
        if let dots = range.range(of: "..") {
            let left = String(range[..<dots.lowerBound])
            let right = String(range[dots.upperBound...])
            if right.hasPrefix(".") { throw .usage("'\(range)': use A..B (the three-dot form is not supported)") }
            let base = try newsroom.resolve(revision: left.isEmpty ? "HEAD" : left)
            let tip = try newsroom.resolve(revision: right.isEmpty ? "HEAD" : right)
            return (base, tip)
        }
        return (nil, try newsroom.resolve(revision: range))
    }

    /// Findings of one stored version (cached by blob), or nil when it cannot be read.
    /// `history` holds the blob ids of the previous and the first version.
    func versionFindings(path: String, blob: ObjectID, history: (previous: ObjectID?, first: ObjectID?), revision: String?,
                         resources: NewsroomResources?, outcome: inout CheckOutcome) -> [Finding]?
    {
        guard newsroom != nil else { return nil }
        // All cacheable producers hit: no need to read the blob at all.
        if useCache, let cache, producers.allSatisfy({ $0.cacheKey != nil && !$0.needsPrevious }) {
            let t0 = PhaseClock.now()
            defer { outcome.phases.add("cache read", PhaseClock.now() - t0) }
            var all: [Finding] = []
            var complete = true
            for p in producers {
                guard let hit = cache.lookup(blob: blob, key: p.cacheKey!, path: path, revision: revision, counting: false) else {
                    complete = false
                    break
                }
                all += hit
            }
            if complete {
                cache.countHits(producers.count)
                return all
            }
        }
        let target = FileTarget(display: path, relative: path, absolute: nil, blob: blob)
        let start = PhaseClock.now()
        // The last version checked of the same file: its front matter is usually this one's too.
        let loaded = load(target, tree: nil, resources: resources, earlier: lastArticles[path]?.1, outcome: &outcome)
        outcome.phases.add("read and parse", PhaseClock.now() - start)
        guard let (context, _, _) = loaded else { return nil }
        outcome.files += 1
        let found = findings(for: context, blob: blob, history: self.storedHistory(path: path, previous: history.previous, first: history.first),
                             revision: revision, outcome: &outcome)
        // Only articles: they parse as strictly here as `storedHistory` parses earlier versions.
        if path.hasPrefix("articles/") { lastArticles[path] = (blob, context.article) }
        return found
    }
}

/// The findings of one article path as the range is walked, matched from version to version.
struct Track {
    struct Live {
        var finding: Finding
    }

    var current: [Live] = []
    var blob: ObjectID?
    /// The article's first version, once known (not kept in checkpoints).
    var first: ObjectID?

    /// Follows findings from the previous version: among findings with the same rule, text and
    /// message, pairs whose surrounding characters agree most are matched first. Unmatched new ones
    /// were introduced here; unmatched old ones were fixed here.
    mutating func update(_ findings: [Finding], blob: ObjectID, revision: String, introducedHere: Bool, gone: inout [Finding]) {
        let sorted = Finding.sortedInReadingOrder(findings)
        // The usual case: an edit elsewhere in the article left the same findings in the same places.
        if sorted.count == current.count,
           zip(sorted, current).allSatisfy({ MatchKey($0) == MatchKey($1.finding) && Self.same($0.anchor, $1.finding.anchor) && Self.same($0.message.en, $1.finding.message.en) })
        {
            // In place: a finding is a dozen strings, each copy a dozen retains.
            for k in current.indices {
                let introduced = current[k].finding.introduced
                current[k].finding = sorted[k]
                current[k].finding.introduced = introduced
            }
            self.blob = blob
            if first == nil { first = blob }
            return
        }
        let oldKeys = current.map { MatchKey($0.finding) }
        let newKeys = sorted.map(MatchKey.init)
        let oldRanks = Self.ranks(oldKeys)
        let newRanks = Self.ranks(newKeys)
        // Candidate pairs: same key; `distance` is how far apart their ranks among that key's findings are.
        var pairs: [(score: Int, distance: Int, old: Int, new: Int)] = []
        for j in sorted.indices {
            for i in current.indices where oldKeys[i] == newKeys[j] {
                pairs.append((Self.similarity(current[i].finding.anchor, sorted[j].anchor), abs(newRanks[j] - oldRanks[i]), i, j))
            }
        }
        // Most similar first, then nearest in rank, then in reading order (ties no longer follow hashing).
        pairs.sort { ($0.score, -$0.distance, -$0.old, -$0.new) > ($1.score, -$1.distance, -$1.old, -$1.new) }
        var matched: [Int?] = Array(repeating: nil, count: sorted.count)
        var taken = Array(repeating: false, count: current.count)
        for p in pairs where matched[p.new] == nil && !taken[p.old] {
            matched[p.new] = p.old
            taken[p.old] = true
        }
        var next: [Live] = []
        for (j, var f) in sorted.enumerated() {
            f.introduced = matched[j].map { current[$0].finding.introduced } ?? (introducedHere ? revision : nil)
            next.append(Live(finding: f))
        }
        for (i, var l) in current.enumerated() where !taken[i] {
            l.finding.fixed = revision
            gone.append(l.finding)
        }
        current = next
        self.blob = blob
        if first == nil { first = blob }
    }

    /// Each finding's rank among the findings with its key (0 for the first in reading order).
    static func ranks(_ keys: [MatchKey]) -> [Int] {
        // Articles have a handful of findings: comparing every pair beats hashing Chinese text.
        if keys.count <= 16 {
            return keys.indices.map { i in keys[..<i].reduce(0) { $0 + ($1 == keys[i] ? 1 : 0) } }
        }
        var seen: [MatchKey: Int] = [:]
        return keys.map { k in
            defer { seen[k, default: 0] += 1 }
            return seen[k] ?? 0
        }
    }

    /// How many characters agree next to the flagged text: common suffix before plus common prefix after
    /// (anchors are `before \u{1} after`). Counted on the UTF-8 bytes: whole matching scalars.
    static func similarity(_ a: String, _ b: String) -> Int {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard let sx = x.firstIndex(of: 1), let sy = y.firstIndex(of: 1) else { return 0 }
                func isLead(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }
                var before = 0
                var k = 1
                while k <= sx, k <= sy, x[sx - k] == y[sy - k] {
                    if isLead(x[sx - k]) { before += 1 }
                    k += 1
                }
                var after = 0
                var n = 1
                while sx + n < x.count, sy + n < y.count, x[sx + n] == y[sy + n] {
                    if isLead(x[sx + n]) { after += 1 }
                    n += 1
                }
                // The last scalar counted after the separator is whole only if neither text goes on inside it.
                if after > 0, (sx + n < x.count && !isLead(x[sx + n])) || (sy + n < y.count && !isLead(y[sy + n])) { after -= 1 }
                return before + after
            }
        }
    }

    /// The article was deleted: its findings went with it.
    mutating func remove(revision: String, gone: inout [Finding]) {
        for var l in current {
            l.finding.fixed = revision
            gone.append(l.finding)
        }
        current = []
        blob = nil
        first = nil
    }

    /// Findings that may be one followed across versions: same rule, text and message. Compared and
    /// hashed as bytes: `String`'s `==` and hashing look for canonical equivalence, which for Chinese text
    /// took most of following ten thousand versions.
    struct MatchKey: Hashable {
        let rule: String
        let text: String
        let message: String

        init(_ f: Finding) {
            rule = f.rule
            text = f.text
            message = f.message.zh
        }

        static func == (a: MatchKey, b: MatchKey) -> Bool {
            Track.same(a.rule, b.rule) && Track.same(a.text, b.text) && Track.same(a.message, b.message)
        }

        func hash(into hasher: inout Hasher) {
            for s in [rule, text, message] {
                var s = s
                s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
                hasher.combine(0xFF as UInt8)
            }
        }
    }

    static func same(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
    }
}

extension Checker {
    /// Checks stored blobs directly, without walking history or touching the cache: the work
    /// `--each` cannot avoid, which the benchmark compares it with. `readingFirst` reads every blob
    /// before checking any (phase "read beforehand"), to tell reading from checking.
    public func checkBlobs(_ blobs: [(path: String, blob: String)], readingFirst: Bool = false) -> CheckOutcome {
        var outcome = CheckOutcome()
        let saved = useCache
        useCache = false
        defer {
            useCache = saved
            readAhead = [:]
        }
        let res = resources(tree: nil)
        prepareProducers(resources: res)
        if readingFirst, let newsroom {
            let t0 = PhaseClock.now()
            for (_, hex) in blobs {
                if let id = ObjectID(hex: hex), let bytes = try? storedBytes(id, in: newsroom) { readAhead[id] = bytes }
            }
            outcome.phases.add("read beforehand", PhaseClock.now() - t0)
        }
        for (path, hex) in blobs {
            guard let id = ObjectID(hex: hex) else { continue }
            let target = FileTarget(display: path, relative: path, absolute: nil, blob: id)
            let t0 = PhaseClock.now()
            let loaded = load(target, tree: nil, resources: res, outcome: &outcome)
            outcome.phases.add(readingFirst ? "parse" : "read and parse", PhaseClock.now() - t0)
            guard let (context, _, _) = loaded else { continue }
            outcome.files += 1
            outcome.findings += findings(for: context, blob: id, history: .none, revision: nil, outcome: &outcome)
        }
        for p in producers { p.finish() }
        return outcome
    }
}
