import GalleyCore

/// Reads `terms/*.yml`: every file is a list, read in name order. The same wrong form may be listed
/// once; a later entry with `override: true` replaces the one listing its wrong form, and a file's
/// `silence:` list turns wrong forms off. So a newsroom keeps the lists Galley ships untouched and puts
/// its own additions, overrides and silences in a file of its own (`terms/local.yml`).
enum TermListParser {
    static let folder = "terms/"

    static let entryKeys: Set<String> = [
        "wrong", "right", "category", "certain", "note", "followed-by", "preceded-by", "not-followed-by",
        "not-preceded-by", "except", "not-later-in-sentence", "override",
    ]
    static let fileKeys: Set<String> = ["terms", "silence", "category", "source"]
    static let maximumLength = 32

    /// Why the term rules cannot run.
    enum Problem: Error, Sendable {
        case missing
        case invalid(String)

        var message: String {
            switch self {
            case .missing:
                return "no terms/*.yml in the newsroom: the term rules (terms.*) are off; Galley ships its lists in Workspace/terms/"
            case .invalid(let m): return m
            }
        }
    }

    /// The lists of the newsroom, parsed once per distinct set of files per process.
    static func load(_ resources: NewsroomResources?) -> Result<TermLists, Problem> {
        guard let resources else { return .failure(.missing) }
        return resources.shared("terms.lists") {
            let files = resources.files(under: folder)
            guard !files.isEmpty else { return .failure(.missing) }
            let key = files.map { $0.path + "\u{0}" + $0.text }.joined(separator: "\u{0}")
            return cache.value(for: key) { parse(files, resources) }
        }
    }

    static let cache = ResultCache<Result<TermLists, Problem>>()

    /// Parses and merges the files; the first problem found is the one reported.
    static func parse(_ files: [(path: String, text: String)], _ resources: NewsroomResources) -> Result<TermLists, Problem> {
        var plain: [TermEntry] = []
        var overrides: [TermEntry] = []
        var silences: [(form: String, place: String)] = []
        var warnings: [String] = []
        for (path, text) in files {
            let root: YAMLNode
            switch resources.yaml(path) ?? YAMLNode.parse(text, file: path) {
            case .failure(let e): return .failure(.invalid("\(path):\(e.line): not valid YAML: \(e.message)"))
            case .success(nil): continue
            case .success(let node?): root = node
            }
            guard case .mapping(let top, _) = root else {
                return .failure(.invalid("\(path):\(root.line): expected a mapping with a 'terms:' list"))
            }
            for (key, value) in top where !fileKeys.contains(key) {
                return .failure(.invalid("\(path):\(value.line): unknown key '\(key)' (known: \(fileKeys.sorted().joined(separator: ", ")))"))
            }
            var fileCategory: TermCategory?
            if let c = root["category"] {
                guard let name = c.string, let category = TermCategory(rawValue: name) else {
                    return .failure(.invalid("\(path):\(c.line): category must be one of \(TermCategory.allCases.map(\.rawValue).joined(separator: ", "))"))
                }
                fileCategory = category
            }
            if let s = root["silence"] {
                guard let items = s.items else { return .failure(.invalid("\(path):\(s.line): 'silence' must be a list of wrong forms")) }
                for item in items {
                    guard let form = item.string, !form.isEmpty else { return .failure(.invalid("\(path):\(item.line): 'silence' lists wrong forms as strings")) }
                    silences.append((form, "\(path):\(item.line)"))
                }
            }
            guard let list = root["terms"] else {
                if root["silence"] == nil { return .failure(.invalid("\(path):\(root.line): expected a 'terms:' list")) }
                continue
            }
            guard let items = list.items else { return .failure(.invalid("\(path):\(list.line): 'terms' must be a list of entries")) }
            for item in items {
                switch entry(item, path: path, category: fileCategory) {
                case .failure(let p): return .failure(p)
                case .success(let (e, isOverride)):
                    if isOverride { overrides.append(e) } else { plain.append(e) }
                }
            }
        }
        // One entry per wrong form: duplicates are errors, overrides replace.
        var owner: [String: Int] = [:]
        var entries: [TermEntry?] = []
        for e in plain {
            for form in e.wrong {
                if let i = owner[form] {
                    return .failure(.invalid("\(e.place): '\(form)' is already listed at \(entries[i]!.place); "
                        + "remove one, or write 'override: true' on the entry that should win"))
                }
                owner[form] = entries.count
            }
            entries.append(e)
        }
        var overridden: [String: String] = [:]
        for e in overrides {
            for form in e.wrong {
                if let earlier = overridden[form] {
                    return .failure(.invalid("\(e.place): '\(form)' is overridden twice (also at \(earlier))"))
                }
                overridden[form] = e.place
                if let i = owner[form], var old = entries[i] {
                    old.wrong.removeAll { $0 == form }
                    entries[i] = old.wrong.isEmpty ? nil : old
                } else {
                    warnings.append("\(e.place): override of '\(form)' matches no entry of the other lists; it is added as a new entry")
                }
            }
            entries.append(e)
        }
        var result = entries.compactMap { $0 }
        for (form, place) in silences {
            var found = false
            for i in result.indices where result[i].wrong.contains(form) {
                result[i].wrong.removeAll { $0 == form }
                found = true
            }
            if !found { warnings.append("\(place): silence of '\(form)' matches no entry") }
        }
        result.removeAll { $0.wrong.isEmpty }
        return .success(TermLists(entries: result, warnings: warnings, files: files.map(\.path)))
    }

    /// One entry; the Bool says whether it overrides.
    static func entry(_ item: YAMLNode, path: String, category fileCategory: TermCategory?) -> Result<(TermEntry, Bool), Problem> {
        func bad(_ line: Int, _ text: String) -> Result<(TermEntry, Bool), Problem> { .failure(.invalid("\(path):\(line): \(text)")) }
        guard case .mapping(let fields, let line) = item else { return bad(item.line, "a term entry is a mapping such as {wrong: 其它, right: 其他}") }
        for (key, value) in fields where !entryKeys.contains(key) {
            return bad(value.line, "unknown key '\(key)' (known: \(entryKeys.sorted().joined(separator: ", ")))")
        }
        func strings(_ key: String) -> [String]?? {
            guard let node = item[key] else { return .some(nil) }
            if let s = node.string { return s.isEmpty ? nil : .some([s]) }
            guard let items = node.items else { return nil }
            let list = items.compactMap(\.string)
            return list.count == items.count && !list.contains("") ? .some(list) : nil
        }
        func flag(_ key: String) -> Bool?? {
            guard let s = item[key]?.string else { return item[key] == nil ? .some(nil) : nil }
            switch s.lowercased() {
            case "true", "yes", "on": return .some(true)
            case "false", "no", "off": return .some(false)
            default: return nil
            }
        }
        guard let wrongField = strings("wrong"), let wrong = wrongField, !wrong.isEmpty else {
            return bad(item["wrong"]?.line ?? line, "an entry needs 'wrong': the wrong form or a list of them")
        }
        let categoryName = item["category"]?.string ?? fileCategory?.rawValue
        guard let categoryName else { return bad(line, "'\(wrong[0])' needs a category (\(TermCategory.allCases.map(\.rawValue).joined(separator: ", ")))") }
        guard let category = TermCategory(rawValue: categoryName) else {
            return bad(item["category"]?.line ?? line, "category '\(categoryName)' is not one of \(TermCategory.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let right = item["right"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        if right == nil && category != .careful { return bad(line, "'\(wrong[0])' needs 'right', the form to write instead") }
        if item["right"] != nil && item["right"]?.string == nil { return bad(item["right"]!.line, "'right' must be a string") }
        for form in wrong {
            if form.unicodeScalars.count > maximumLength { return bad(line, "'\(form)' is longer than \(maximumLength) characters") }
            if form.contains(where: \.isWhitespace) { return bad(line, "'\(form)' contains white space") }
            if form == right { return bad(line, "'\(form)' is both the wrong and the right form") }
        }
        guard let certainField = flag("certain") else { return bad(item["certain"]!.line, "'certain' must be true or false") }
        guard let overrideField = flag("override") else { return bad(item["override"]!.line, "'override' must be true or false") }
        var e = TermEntry(wrong: wrong, right: right, category: category, certain: (certainField ?? false) && right != nil,
                          note: item["note"]?.string, file: path, line: line)
        let lists: [(String, WritableKeyPath<TermEntry, [String]>)] = [
            ("followed-by", \.followedBy), ("preceded-by", \.precededBy), ("not-followed-by", \.notFollowedBy),
            ("not-preceded-by", \.notPrecededBy), ("except", \.except), ("not-later-in-sentence", \.notLaterInSentence),
        ]
        for (key, path) in lists {
            guard let field = strings(key) else { return bad(item[key]!.line, "'\(key)' must be a list of non-empty strings") }
            e[keyPath: path] = field ?? []
        }
        for word in e.except where !wrong.contains(where: { word.contains($0) && word != $0 }) {
            return bad(item["except"]!.line, "except '\(word)' does not contain a wrong form of its entry")
        }
        return .success((e, overrideField ?? false))
    }
}
