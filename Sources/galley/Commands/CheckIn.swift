import ArgumentParser
import GalleyCore
import GalleyPlugins

extension Galley {
    struct CheckIn: ParsableCommand {
        static let configuration: CommandConfiguration = {
            var c = CommandConfiguration(commandName: "checkin", abstract: "Validate article files and record them as one new revision.")
            // `galley checkin` is parsed on its own first (see Galley.main); as a part of `galley` it
            // has no --generate-completion-script of its own, whose check costs a millisecond.
            c._superCommandName = "galley"
            return c
        }()

        @Argument(help: "Article files (articles/<issue>/<id>.md).")
        var paths: [String]

        @Option(name: .shortAndLong, help: "Revision message.")
        var message: String

        @Option(help: "Author as \"Name <email>\" (default: git config user.name/user.email).")
        var author: String?

        @Option(help: "Encoding of the files: utf-8 (default) or gb18030, converted to UTF-8.")
        var encoding: String = "utf-8"

        @Flag(help: "Check in even when the enabled rules report error-level findings (needs --reason).")
        var force = false

        @Option(help: "Why the check-in overrides error-level findings; recorded as a Galley-Override trailer.")
        var reason: String?

        var request: CheckInRequest {
            CheckInRequest(paths: paths, message: message, author: author, encoding: encoding, force: force, reason: reason)
        }

        func validate() throws { try request.validate() }

        func run() throws { try request.run() }
    }
}

/// What `galley checkin` was asked to do, from the full parser or the quick one (CheckIn+QuickParse).
struct CheckInRequest: Equatable {
    var paths: [String]
    var message: String
    var author: String?
    var encoding = "utf-8"
    var force = false
    var reason: String?

    func validate() throws {
        if force && (reason ?? "").allSatisfy(\.isWhitespace) {
            throw ValidationError("--force needs --reason \"…\" saying why the findings are overridden")
        }
        if reason != nil && !force { throw ValidationError("--reason goes with --force") }
    }

    func run() throws {
        guard let enc = SourceEncoding(name: encoding) else { throw GalleyError.unsupportedEncoding(encoding) }
        let newsroom = try openNewsroom()
        let signature = try authorSignature(author, newsroom)
        let cwd = Output.currentDirectory()
        guard !paths.isEmpty else { throw GalleyError.usage("name at least one article file to check in") }
        var prepared: [PreparedArticle] = []
        for p in paths { prepared.append(try newsroom.prepare(try newsroom.resolve(p, cwd: cwd), userPath: p, encoding: enc)) }
        // The new index is prepared on the second core while the gate's issue-level rules run; a refused
        // check-in drops it before anything is locked or stored.
        var begun: BegunCheckIn?
        defer { begun?.abandon() }
        let trailers = try gate(prepared, newsroom) { begun = newsroom.beginCheckIn(prepared) }
        let result = try newsroom.checkIn(prepared, message: message, author: signature, extraTrailers: trailers, begun: begun)
        for article in result.articles {
            for note in article.normalizations {
                Output.stderr("galley: note: \(article.path.relative): \(note)")
            }
        }
        print(result.revision.hex)
    }

    /// Runs the enabled rules; error-level findings refuse the check-in unless --force.
    func gate(_ prepared: [PreparedArticle], _ newsroom: Newsroom, whenIssueRead: () -> Void = {}) throws -> [String] {
        let checker = Checker(newsroom: newsroom, families: builtInFamilies)
        let outcome = checker.gate(prepared, whenIssueRead: whenIssueRead)
        for w in outcome.warnings { Output.stderr("galley: warning: \(TerminalSafe.sanitize(w))") }
        for p in outcome.problems { Output.stderr("galley: error: \(p)") }
        let errors = outcome.current.filter { $0.severity == .error }.count + outcome.pluginFailures
        guard errors > 0 || force else {
            if !outcome.findings.isEmpty { Output.stderr(CheckReport.text(outcome, checker: checker, color: Output.useColor(fd: 2))) }
            return []
        }
        Output.stderr(CheckReport.text(outcome, checker: checker, color: Output.useColor(fd: 2)))
        if force {
            let oneLine = (reason ?? "").split(whereSeparator: \.isNewline).joined(separator: " ")
            return ["Galley-Override: \(oneLine)", "Galley-Findings: \(outcome.countsLine)"]
        }
        Output.stderr("galley: error: check-in refused: \(outcome.countsLine)")
        Output.stderr("hint: fix them ('galley check --fix' applies the certain ones), or check in anyway with --force --reason \"…\"")
        throw ExitCode(1)
    }
}
