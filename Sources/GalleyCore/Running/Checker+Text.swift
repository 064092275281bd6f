/// Text held in memory: no file, no cache, no newsroom files, no issue-wide rules. The benchmark's
/// entry, so that it times the same engine and fixer as `galley check`.
extension Checker {
    /// Findings of the built-in plugins on `text`, read as an article whose front matter is optional.
    public func check(text: String, path: String) throws(GalleyError) -> [Finding] {
        let context = try Self.context(text, path: path)
        let found = ruleSet.plugins.map { RuleEngine(plugin: $0).check(context, history: .none, revision: nil) }
        return found.count == 1 ? found[0] : found.flatMap { $0 }.sorted(by: Finding.inReadingOrder)
    }

    /// `text` with every certain fix applied, as `galley check --fix` would, and how many edits that took.
    public func fix(text: String, path: String) throws(GalleyError) -> (text: String, applied: Int) {
        let context = try Self.context(text, path: path)
        let rules = correctableRules(for: context)
        return rules.isEmpty ? (text, 0) : fixedText(context, rules: rules)
    }

    static func context(_ text: String, path: String) throws(GalleyError) -> ArticleContext {
        ArticleContext(path: path, article: try ArticleParser.parse(text, path: path, requireFrontMatter: false))
    }
}
