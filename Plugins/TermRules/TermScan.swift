import GalleyCore

/// The term lists' findings on one article, made once and shared by the five category rules.
struct TermScan: Sendable {
    struct Found: Sendable {
        /// The automaton's pattern: one wrong form of one entry.
        let pattern: Int32
        let category: TermCategory
        let range: Range<String.Index>
        /// The match steps over a line break of a wrapped paragraph: no automatic fix.
        let wrapped: Bool
    }

    let found: [Found]
    let dictionary: TermDictionary?

    static func of(_ article: ArticleContext) -> TermScan {
        article.shared("terms.scan") {
            guard case .success(let dictionary) = TermScan.dictionary(article.resources) else { return TermScan(found: [], dictionary: nil) }
            var found: [Found] = []
            for segment in segments(article) {
                for hit in dictionary.hits(in: segment) {
                    found.append(Found(pattern: Int32(hit.pattern), category: dictionary.entries[hit.entry].category,
                                       range: segment.range(hit.start, hit.end),
                                       wrapped: hit.end - hit.start != dictionary.automaton.lengths[hit.pattern]))
                }
            }
            return TermScan(found: found, dictionary: dictionary)
        }
    }

    /// The compiled lists of the newsroom, built once per distinct set of files per process.
    static func dictionary(_ resources: NewsroomResources?) -> Result<TermDictionary, TermListParser.Problem> {
        guard let resources else { return .failure(.missing) }
        return resources.shared("terms.dictionary") {
            let files = resources.files(under: TermListParser.folder)
            let key = files.map { $0.path + "\u{0}" + $0.text }.joined(separator: "\u{0}")
            return compiled.value(for: key) { TermListParser.load(resources).map { TermDictionary($0.entries) } }
        }
    }

    static let compiled = ResultCache<Result<TermDictionary, TermListParser.Problem>>()

    /// The printed headline fields (kicker, headline, subheadline) as written in the front matter, then the body.
    static func segments(_ article: ArticleContext) -> [ScalarText] {
        article.headlineFields.map { ScalarText($0.text) } + [article.bodyScalars]
    }

    /// The diagnoses of one category; the message of each wrong form is made once.
    func diagnoses(_ category: TermCategory) -> [Diagnosis] {
        guard let dictionary else { return [] }
        var messages: [Int32: (Message, String?, Bool)] = [:]
        var out: [Diagnosis] = []
        for f in found where f.category == category {
            let (message, right, certain) = messages[f.pattern] ?? {
                let made = Self.message(dictionary, Int(f.pattern))
                messages[f.pattern] = made
                return made
            }()
            out.append(Diagnosis(f.range, message, replacement: right, certain: certain && !f.wrapped))
        }
        return out
    }

    static func message(_ dictionary: TermDictionary, _ pattern: Int) -> (Message, String?, Bool) {
        let (entry, form) = dictionary.forms[pattern]
        let e = dictionary.entries[entry]
        let wrong = e.wrong[form]
        let note = e.note.map { "（\($0)）" } ?? ""
        let message: Message
        if let right = e.right {
            message = Message("\(e.category.label)：“\(wrong)”应作“\(right)”" + note,
                              en: "\(e.category.english): write “\(right)”, not “\(wrong)”")
        } else {
            message = Message("\(e.category.label)：“\(wrong)”" + (e.note.map { "，\($0)" } ?? ""),
                              en: "\(e.category.english): “\(wrong)”")
        }
        return (message, e.right, e.certain)
    }
}
