import GalleyCore

/// The term lists' findings on one article, made once and shared by the five category rules.
struct TermScan: Sendable {
    struct Found: Sendable {
        let entry: TermEntry
        let form: String
        let range: Range<String.Index>
        /// The match steps over a line break of a wrapped paragraph: no automatic fix.
        let wrapped: Bool
    }

    let found: [Found]

    static func of(_ article: ArticleContext) -> TermScan {
        article.shared("terms.scan") {
            guard case .success(let dictionary) = TermScan.dictionary(article.resources) else { return TermScan(found: []) }
            var found: [Found] = []
            for segment in segments(article) {
                for hit in dictionary.hits(in: segment) {
                    let e = dictionary.entries[hit.entry]
                    let form = e.wrong[hit.form]
                    found.append(Found(entry: e, form: form, range: segment.range(hit.start, hit.end),
                                       wrapped: hit.end - hit.start != form.unicodeScalars.count))
                }
            }
            return TermScan(found: found)
        }
    }

    /// The compiled lists of the newsroom, built once per distinct set of files per process.
    static func dictionary(_ resources: NewsroomResources?) -> Result<TermDictionary, TermListParser.Problem> {
        guard let resources else { return .failure(.missing) }
        let files = resources.files(under: TermListParser.folder)
        let key = files.map { $0.path + "\u{0}" + $0.text }.joined(separator: "\u{0}")
        return compiled.value(for: key) { TermListParser.load(resources).map { TermDictionary($0.entries) } }
    }

    static let compiled = ResultCache<Result<TermDictionary, TermListParser.Problem>>()

    /// The printed headline fields (kicker, headline, subheadline) as written in the front matter, then the body.
    static func segments(_ article: ArticleContext) -> [ScalarText] {
        article.headlineFields.map { ScalarText($0.text) } + [article.bodyScalars]
    }

    /// The diagnoses of one category.
    func diagnoses(_ category: TermCategory) -> [Diagnosis] {
        found.filter { $0.entry.category == category }.map(Self.diagnosis)
    }

    static func diagnosis(_ f: Found) -> Diagnosis {
        let e = f.entry
        let note = e.note.map { "（\($0)）" } ?? ""
        let message: Message
        if let right = e.right {
            message = Message("\(e.category.label)：“\(f.form)”应作“\(right)”" + note,
                              en: "\(e.category.english): write “\(right)”, not “\(f.form)”")
        } else {
            message = Message("\(e.category.label)：“\(f.form)”" + (e.note.map { "，\($0)" } ?? ""),
                              en: "\(e.category.english): “\(f.form)”")
        }
        return Diagnosis(f.range, message, replacement: e.right, certain: e.certain && !f.wrapped)
    }
}
