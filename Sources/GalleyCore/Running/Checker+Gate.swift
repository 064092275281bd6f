/// The check-in gate: the enabled rules over the files about to be checked in.
extension Checker {
    /// Findings on `prepared` articles, compared with their versions at the branch tip; collecting
    /// rules see the rest of each issue as of the tip.
    ///
    /// `whenIssueRead` runs once the rest of the issue has been read and only the issue-level rules
    /// remain: the preload is done by then (and the warm-up as a rule), and a check-in starts its
    /// writing there (`Newsroom.beginCheckIn`) on the core they leave free.
    public func gate(_ prepared: [PreparedArticle], whenIssueRead: () -> Void = {}) -> CheckOutcome {
        var outcome = CheckOutcome()
        guard let newsroom else { return outcome }
        let tip = (try? newsroom.tipCommit()) ?? nil
        // The issue as it will stand once these are in: the rest from the tip, not the working
        // tree, whose drafts are not in the paper (and whose files may all have to come from disk).
        // It is read on a second thread while the producers are made and the own rules run.
        let tipTree = tip.flatMap { try? newsroom.repo.commitTree($0) }
        let issueFolders = Set(prepared.compactMap { $0.article.frontMatter.map { "articles/" + $0.issue.iso } }).sorted()
        let preload = tipTree.map {
            IssuePreload(gitDir: newsroom.repo.gitDir, tree: $0, folders: issueFolders, skipping: Set(prepared.map(\.path.relative)))
        }
        let resources = resources(tree: nil)
        prepareProducers(resources: resources)
        var checked: [(ArticleContext, FileTarget)] = []
        for p in prepared {
            let context = ArticleContext(path: p.path.relative, article: p.article, resources: resources)
            let target = FileTarget(display: p.path.relative, relative: p.path.relative, absolute: p.path.absolute, blob: nil)
            outcome.files += 1
            let blob = blobID(for: target, bytes: p.bytes)
            outcome.findings += findings(for: context, blob: blob, history: self.history(of: target, before: tip),
                                         revision: nil, outcome: &outcome)
            outcome.sources[CheckOutcome.sourceKey(context.path, nil)] = context.source
            checked.append((context, target))
        }
        // No tip (a first check-in): nothing of the issue is in the paper yet.
        let rest = preload?.wait(helping: newsroom.repo) ?? Dictionary(uniqueKeysWithValues: issueFolders.map { ($0, [IssuePreload.Stored]()) })
        whenIssueRead()
        outcome.findings += issueFindings(checked, tree: tipTree, resources: resources, revision: nil, preloaded: rest)
        outcome.findings.sort(by: Finding.inReadingOrder)
        finish(&outcome)
        return outcome
    }
}

extension CheckOutcome {
    /// `2 errors, 1 warning, 0 info`, for trailers and messages; counted as the text report counts
    /// (one spot two rules flag alike is one).
    public var countsLine: String {
        let counts = SeverityCounts(Finding.mergedAtSameSpot(findings))
        return "\(counted(counts.errors, "error")), \(counted(counts.warnings, "warning")), \(counts.info) info"
    }
}
