/// Runs one external plugin for one run of Galley: starts its process, asks for its description,
/// sends it articles and validates its findings.
///
/// The protocol is newline-delimited compact JSON on stdin and stdout (see docs/external-plugins.md).
/// Each request has `config.timeout` seconds and each response line `config.outputLimit` bytes.
/// Whatever goes wrong becomes one `PluginFailure` with a sanitized one-line message; the process is
/// then killed and every later call throws the same failure. Not thread-safe: use one host per thread.
public final class ExternalPluginHost {
    public let config: ExternalPluginConfig
    /// Where the plugin runs: the repository root.
    public let workingDirectory: String
    private var process: PluginProcess?
    private var cachedDescription: ExternalDescription?
    private var ruleIDs: Set<String> = []
    private var failure: PluginFailure?
    private var closed = false

    /// Seconds a plugin has to exit after its stdin is closed before it is killed.
    static let exitGrace = 1.0

    public init(config: ExternalPluginConfig, workingDirectory: String) {
        self.config = config
        self.workingDirectory = workingDirectory
    }

    deinit { close() }

    /// Starts the plugin and performs the handshake; later calls return the same description.
    public func describe() throws(PluginFailure) -> ExternalDescription {
        if let failure { throw failure }
        if let cachedDescription { return cachedDescription }
        if closed { throw fail("was already closed") }
        let process: PluginProcess
        do {
            process = try PluginProcess.spawn(config.command, in: workingDirectory)
        } catch {
            let program = ExternalPluginMessage.quoted(config.command.first ?? "")
            throw fail("could not be started: cannot run \(program) in \(TerminalSafe.sanitize(workingDirectory)): \(error.reason)")
        }
        self.process = process
        let line = try exchange(ExternalPluginMessage.describeRequest(), situation: .describe)
        do {
            let message = try ExternalPluginMessage.message(line, type: "description")
            let description = try ExternalPluginMessage.description(message, name: config.name)
            cachedDescription = description
            ruleIDs = Set(description.rules.map(\.id))
            return description
        } catch {
            throw fail(error, situation: .describe)
        }
    }

    /// Sends one article and returns the plugin's findings, validated (rule ids described, offsets and
    /// lengths in Unicode scalars inside `article.body`). Describes the plugin first if needed.
    public func check(path: String, revision: String?, article: Article) throws(PluginFailure) -> [ExternalFinding] {
        _ = try describe()
        if let failure { throw failure }
        if closed || process == nil { throw fail("was already closed") }
        let situation = Situation.check(path: path)
        let line = try exchange(ExternalPluginMessage.checkRequest(path: path, revision: revision, article: article), situation: situation)
        do {
            let message = try ExternalPluginMessage.message(line, type: "findings")
            return try ExternalPluginMessage.findings(message, rules: ruleIDs, bodyScalars: article.body.unicodeScalars.count)
        } catch {
            throw fail(error, situation: situation)
        }
    }

    /// Closes the plugin's stdin, gives it a moment to exit, then kills it; reaps it in every case.
    /// Idempotent; also called when the host is released.
    public func close() {
        closed = true
        process?.terminate(grace: failure == nil ? Self.exitGrace : 0)
    }

    /// The last few KB the plugin wrote to stderr, sanitized (line breaks kept).
    public var stderrTail: String {
        TerminalSafe.sanitize(process?.stderrTail ?? "", keepNewlines: true)
    }

    // MARK: Failures

    enum Situation {
        case describe
        case check(path: String)

        var phrase: String {
            switch self {
            case .describe: return "during describe"
            case .check(let path): return "on \(TerminalSafe.sanitize(path))"
            }
        }

        var request: String {
            switch self {
            case .describe: return "describe"
            case .check: return "check"
            }
        }

        var expected: String {
            switch self {
            case .describe: return "description"
            case .check: return "findings"
            }
        }
    }

    /// Sends a request and returns the response line (skipping blank lines), or fails.
    private func exchange(_ request: [UInt8], situation: Situation) throws(PluginFailure) -> [UInt8] {
        guard let process else { throw fail("was already closed") }
        // A NaN timeout would never expire; treat it (and anything not positive) as no time at all.
        let deadline = PluginProcess.now() + (config.timeout > 0 ? config.timeout : 0)
        var request = request
        while true {
            switch process.exchange(request, deadline: deadline, limit: config.outputLimit) {
            case .line(let line, let requestWritten):
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    guard requestWritten else { throw fail("answered \(situation.phrase) before reading the whole request") }
                    request = []
                    continue
                }
                if !requestWritten {
                    // Report garbage as garbage; a well-formed answer to an unread request is still wrong.
                    do {
                        _ = try ExternalPluginMessage.message(line, type: situation.expected)
                    } catch {
                        throw fail(error, situation: situation)
                    }
                    throw fail("answered \(situation.phrase) before reading the whole request")
                }
                return line
            case .tooLong:
                throw fail("printed more than \(config.outputLimit) bytes in one response \(situation.phrase)")
            case .timedOut(let stoppedReading):
                if stoppedReading {
                    // It already had a second to exit after closing its stdin.
                    throw fail(crashReport(process, fallback: "stopped reading its input \(situation.phrase)", situation: situation, wait: 0.1))
                }
                throw fail("timed out after \(seconds(config.timeout)) s \(situation.phrase)")
            case .endOfOutput:
                throw fail(crashReport(process, fallback: "closed its output without answering \(situation.phrase)", situation: situation))
            }
        }
    }

    /// What a plugin that stopped talking did: its exit status or signal, and the end of its stderr.
    private func crashReport(_ process: PluginProcess, fallback: String, situation: Situation, wait: Double = exitGrace) -> String {
        process.closeInput()
        process.waitForExit(within: wait)
        let exit = process.exit
        process.terminate(grace: 0)
        var text: String
        switch exit {
        case .exited(0)?: text = "exited with status 0 without answering \(situation.phrase)"
        case .exited(let code)?: text = "exited with status \(code) \(situation.phrase)"
        case .signaled(let signal)?: text = "was killed by signal \(signal)\(Self.signalName(signal)) \(situation.phrase)"
        case .unknown?, nil: text = fallback
        }
        let tail = Self.lastLines(process.stderrTail)
        if !tail.isEmpty { text += "; stderr: \(tail)" }
        return text
    }

    private func fail(_ violation: ExternalPluginMessage.Violation, situation: Situation) -> PluginFailure {
        switch violation {
        case .notUTF8:
            return fail("printed a line that is not UTF-8 \(situation.phrase)")
        case .notJSON(let excerpt):
            return fail("printed something that is not JSON \(situation.phrase): \"\(excerpt)\"")
        case .notAnObject(let excerpt):
            return fail("printed JSON that is not a message object \(situation.phrase): \"\(excerpt)\"")
        case .wrongType(let found?):
            return fail("answered \(situation.request) with type \"\(found)\" instead of \"\(situation.expected)\" \(situation.phrase)")
        case .wrongType(nil):
            return fail("answered \(situation.request) with a message that has no \"type\" string \(situation.phrase)")
        case .invalid(let reason):
            return fail("sent an invalid \(situation.expected) message \(situation.phrase): \(reason)")
        }
    }

    /// Records the failure (the first one wins) and kills the process at once.
    private func fail(_ text: String) -> PluginFailure {
        if let failure { return failure }
        let failure = PluginFailure(plugin: config.name, message: "plugin \(TerminalSafe.sanitize(config.name)) \(text)")
        self.failure = failure
        process?.terminate(grace: 0)
        return failure
    }

    /// The last non-empty lines of stderr on one line, shortened from the front.
    static func lastLines(_ text: String, lines: Int = 3, limit: Int = 240) -> String {
        let kept = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { $0.trimmingSpaces }.filter { !$0.isEmpty }.suffix(lines)
        let joined = TerminalSafe.sanitize(kept.joined(separator: " | "))
        return joined.count > limit ? "…" + String(joined.suffix(limit)) : joined
    }

    static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 6: "SIGABRT", 7: "SIGBUS",
                                      8: "SIGFPE", 9: "SIGKILL", 11: "SIGSEGV", 13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM"]
        return names[signal].map { " (\($0))" } ?? ""
    }

    private func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        var s = self
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
