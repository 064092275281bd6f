import Yams

/// Splits an article file into front matter and body and validates the front matter.
public enum ArticleParser {
    /// Parses normalised text. With `requireFrontMatter` false, a file without a leading `---` is a body-only article.
    /// `earlier` (another version of the file): its front matter is taken when the text up to the body is the same.
    public static func parse(_ text: String, path: String, requireFrontMatter: Bool = true, earlier: Article? = nil) throws(GalleyError) -> Article {
        guard text.hasPrefix("---\n") || text == "---" else {
            if requireFrontMatter { throw .noFrontMatter(path: path) }
            return Article(source: text, frontMatter: nil, body: text[...], bodyStartLine: 1, bodyByteOffset: 0)
        }
        let bytes = Array(text.utf8)
        // Find the closing line: "---" or "..." alone on a line.
        var lineStart = 4
        var line = 2
        var closing: (yamlEnd: Int, bodyStart: Int)?
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 10 { lineEnd += 1 }
            var content = bytes[lineStart..<lineEnd]
            while let last = content.last, last == 32 || last == 9 { content = content.dropLast() }
            if content.elementsEqual("---".utf8) || content.elementsEqual("...".utf8) {
                closing = (lineStart, min(lineEnd + 1, bytes.count))
                break
            }
            if lineEnd >= bytes.count { break }
            lineStart = lineEnd + 1
            line += 1
        }
        guard let closing else { throw .unterminatedFrontMatter(path: path) }
        let body = text[text.utf8.index(text.startIndex, offsetBy: closing.bodyStart)...]
        if let earlier, let same = earlier.frontMatter, earlier.bodyByteOffset == closing.bodyStart,
           earlier.source.utf8.starts(with: bytes[..<closing.bodyStart])
        {
            return Article(source: text, frontMatter: same, body: body, bodyStartLine: line + 1, bodyByteOffset: closing.bodyStart)
        }
        let frontMatter = try parseFrontMatter(bytes[4..<closing.yamlEnd], path: path)
        return Article(source: text, frontMatter: frontMatter, body: body, bodyStartLine: line + 1, bodyByteOffset: closing.bodyStart)
    }

    static func parseFrontMatter(_ yaml: ArraySlice<UInt8>, path: String) throws(GalleyError) -> FrontMatter {
        // The usual shape is read directly; everything else goes through Yams, with its errors.
        let fields: [String: String]
        let credits: [Credit]
        if let scanned = FrontMatterScanner.scan(yaml) {
            (fields, credits) = scanned
        } else {
            (fields, credits) = try composeFrontMatter(String(decoding: yaml, as: UTF8.self), path: path)
        }
        for name in FrontMatter.requiredFields {
            guard let v = fields[name], !v.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { throw .missingField(path: path, field: name) }
        }
        let id = fields["id"]!
        guard isSlug(id) else {
            throw .invalidField(path: path, field: "id", problem: "'\(id)' is not an ASCII slug (lowercase letters, digits and '-', starting with a letter or digit)")
        }
        guard let issue = CivilDate(iso: fields["issue"]!) else {
            throw .invalidField(path: path, field: "issue", problem: "'\(fields["issue"]!)' is not a date YYYY-MM-DD")
        }
        guard let genre = Genre(rawValue: fields["genre"]!) else {
            throw .invalidField(path: path, field: "genre", problem: "'\(fields["genre"]!)' is not one of \(Genre.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        func optional(_ k: String) -> String? {
            guard let v = fields[k], !v.isEmpty else { return nil }
            return v
        }
        return FrontMatter(
            id: id, issue: issue, page: fields["page"]!, section: fields["section"]!, genre: genre,
            status: fields["status"]!, kicker: optional("kicker"), headline: fields["headline"]!,
            subheadline: optional("subheadline"), dateline: optional("dateline"), credits: credits, fields: fields)
    }

    /// Top-level scalar fields and credits, through Yams.
    static func composeFrontMatter(_ yaml: String, path: String) throws(GalleyError) -> (fields: [String: String], credits: [Credit]) {
        let node: Node?
        do {
            node = try YAML.compose(yaml)
        } catch let error as YamlError {
            throw yamlError(error, path: path)
        } catch {
            throw .yaml(path: path, line: 2, column: 1, problem: "\(error)")
        }
        guard let mapping = node?.mapping else {
            throw .yaml(path: path, line: 2, column: 1, problem: "expected a mapping of fields (key: value)")
        }
        var fields: [String: String] = [:]
        var credits: [Credit] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            if key == "credits" {
                credits = try parseCredits(value, path: path)
            } else if let scalar = value.scalar {
                fields[key] = scalar.string
            } else if value.sequence != nil || value.mapping != nil {
                fields[key] = nil
            }
        }
        return (fields, credits)
    }

    static func parseCredits(_ node: Node, path: String) throws(GalleyError) -> [Credit] {
        if let scalar = node.scalar, scalar.string.isEmpty || scalar.string == "null" || scalar.string == "~" { return [] }
        guard let sequence = node.sequence else {
            throw .invalidField(path: path, field: "credits", problem: "must be a list of {role, name}")
        }
        var out: [Credit] = []
        for (i, item) in sequence.enumerated() {
            guard let m = item.mapping,
                let role = m["role"]?.string, let name = m["name"]?.string,
                !role.isEmpty, !name.isEmpty
            else {
                throw .invalidField(path: path, field: "credits", problem: "entry \(i + 1) needs a non-empty role and name")
            }
            out.append(Credit(role: role, name: name))
        }
        return out
    }

    /// Front-matter lines start at line 2 of the file (line 1 is the opening `---`).
    static func yamlError(_ error: YamlError, path: String) -> GalleyError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return .yaml(path: path, line: mark.line + 1, column: mark.column, problem: detail)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .yaml(path: path, line: context.mark.line + 1, column: context.mark.column,
                         problem: "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            return .yaml(path: path, line: 2, column: 1, problem: "\(error)")
        }
    }

    public static func isSlug(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard let first = u.first, u.count <= 100, isLowerAlnum(first) else { return false }
        return u.allSatisfy { isLowerAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    private static func isLowerAlnum(_ c: UInt8) -> Bool {
        (48...57).contains(c) || (97...122).contains(c)
    }
}
