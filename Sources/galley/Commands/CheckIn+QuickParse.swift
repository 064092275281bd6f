extension CheckInRequest {
    /// `checkin` runs once per article, often from scripts, and swift-argument-parser's first parse
    /// costs about two milliseconds of runtime conformance look-ups. The plain forms are read here:
    /// paths, `-m`/`--message`, `--author`, `--encoding` and `--reason` each followed by its value,
    /// and `--force`, each option at most once. Anything else (help, `--`, `--name=value`, a value
    /// that starts with `-`, an empty word or value, a missing path or message, a failed validation) gives nil
    /// and goes through the full parser, so it reads and fails exactly as before.
    init?(quick arguments: [String]) {
        var paths: [String] = []
        var values: [String: String] = [:]
        var force = false
        var i = 0
        while i < arguments.count {
            let word = arguments[i]
            i += 1
            guard !word.isEmpty else { return nil }
            guard word.hasPrefix("-") else {
                paths.append(word)
                continue
            }
            if word == "--force" {
                guard !force else { return nil }
                force = true
                continue
            }
            let name: String
            switch word {
            case "-m", "--message": name = "--message"
            case "--author", "--encoding", "--reason": name = word
            default: return nil
            }
            guard i < arguments.count, values[name] == nil else { return nil }
            let value = arguments[i]
            guard !value.isEmpty, !value.hasPrefix("-") else { return nil }
            values[name] = value
            i += 1
        }
        guard !paths.isEmpty, let message = values["--message"] else { return nil }
        self.init(paths: paths, message: message, author: values["--author"], encoding: values["--encoding"] ?? "utf-8",
                  force: force, reason: values["--reason"])
        guard (try? validate()) != nil else { return nil }
    }
}
