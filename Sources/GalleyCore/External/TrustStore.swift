#if canImport(Glibc)
import Glibc
#endif

/// Which external plugins the user has allowed to run in one repository. `galley.yml` comes with the
/// repository, so a pull could add or change a plugin; Galley runs one only while its fingerprint
/// matches the one recorded by `galley plugins trust`.
///
/// Trust lives in `<git dir>/galley/trusted-plugins`, outside the versioned tree (a commit cannot
/// trust itself), as lines `name<TAB>fingerprint`.
public struct TrustStore: Sendable {
    /// The trust file.
    public let file: String

    public init(gitDirectory: String) {
        var dir = gitDirectory
        while dir.count > 1, dir.hasSuffix("/") { dir.removeLast() }
        file = dir + "/galley/trusted-plugins"
    }

    /// A fingerprint of what running `plugin` in `root` would execute: the command line, and the
    /// content of every command argument (argv[0] included) that names an existing file inside `root`,
    /// such as the script. Anything else (the interpreter in PATH, files the script imports) is not
    /// covered. 40 hexadecimal digits.
    public func fingerprint(of plugin: ExternalPluginConfig, root: String) -> String {
        var text: [UInt8] = Array("galley external plugin fingerprint 1\n".utf8)
        for argument in plugin.command {
            text += Array("arg ".utf8)
            JSONValue.writeString(argument, into: &text)
            text.append(0x0A)
        }
        let base = FileSystem.lexicallyNormalized(root)
        for argument in plugin.command where !argument.isEmpty {
            let full = FileSystem.absolute(argument, from: base)
            guard let relative = FileSystem.relative(full, to: base), !relative.isEmpty, Self.isRegularFile(full) else { continue }
            let content = (try? FileSystem.readFile(full, limit: Int.max)).flatMap { BlobHash.of($0) }?.hex ?? "unreadable"
            text += Array("file ".utf8)
            JSONValue.writeString(relative, into: &text)
            text += Array(" \(content)\n".utf8)
        }
        return BlobHash.of(text)?.hex ?? String(repeating: "0", count: 40)
    }

    /// True when `plugin` was trusted and neither its command line nor its files in `root` changed since.
    public func isTrusted(_ plugin: ExternalPluginConfig, root: String) -> Bool {
        guard let recorded = entries().last(where: { $0.name == plugin.name })?.fingerprint else { return false }
        return recorded == fingerprint(of: plugin, root: root)
    }

    /// Records `plugin` as trusted in its current form, replacing an earlier entry of the same name.
    public func trust(_ plugin: ExternalPluginConfig, root: String) throws(GalleyError) {
        guard !plugin.name.isEmpty, !plugin.name.contains(where: { $0 == "\t" || $0.isNewline }) else {
            throw .usage("plugin name '\(TerminalSafe.sanitize(plugin.name))' cannot be trusted: it is empty or holds a tab or line break")
        }
        let print = fingerprint(of: plugin, root: root)
        try update { entries in
            entries.removeAll { $0.name == plugin.name }
            entries.append((plugin.name, print))
        }
    }

    /// Forgets the trust of the plugin called `name`. Returns false when it was not trusted.
    @discardableResult
    public func revoke(_ name: String) throws(GalleyError) -> Bool {
        var found = false
        try update { entries in
            found = entries.contains { $0.name == name }
            entries.removeAll { $0.name == name }
        }
        return found
    }

    // MARK: The file

    typealias Entry = (name: String, fingerprint: String)

    /// The recorded entries; malformed lines are ignored.
    func entries() -> [Entry] {
        guard let bytes = try? FileSystem.readFile(file, limit: 1 << 20) else { return [] }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line -> Entry? in
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
            return (String(parts[0]), String(parts[1]))
        }
    }

    /// Reads, changes and atomically rewrites the file under a lock, so two galley processes
    /// trusting at once do not lose an entry.
    private func update(_ change: (inout [Entry]) -> Void) throws(GalleyError) {
        let dir = FileSystem.parent(file)
        try FileSystem.makeDirectories(dir)
        let lock = try ProcessLock(path: file + ".lock")
        defer { withExtendedLifetime(lock) {} }
        var list = entries()
        change(&list)
        let text = list.map { "\($0.name)\t\($0.fingerprint)\n" }.joined()
        try FileSystem.writeFile(file, Array(text.utf8))
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }
}
