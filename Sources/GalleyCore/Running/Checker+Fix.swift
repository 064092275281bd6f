/// `galley check --fix`: certain edits of correctable rules, written to the working file.
extension Checker {
    /// Applies certain fixes to a working file until none is left; returns the new context and bytes,
    /// or nil when nothing changed. Line endings and a BOM are kept as the file had them.
    func applyFixes(_ context: ArticleContext, source: SourceText, target: FileTarget,
                    outcome: inout CheckOutcome) -> (ArticleContext, [UInt8])?
    {
        guard let absolute = target.absolute else { return nil }
        let rules = correctableRules(for: context)
        guard !rules.isEmpty else { return nil }
        let (text, applied) = fixedText(context, rules: rules)
        guard applied > 0, text != context.source else { return nil }
        if source.normalizations.contains(where: { $0.hasPrefix("converted from") }) {
            outcome.warnings.append("\(context.path): not fixed: the file is not UTF-8; check it in with --encoding first")
            return nil
        }
        var out = text
        if source.normalizations.contains("converted CRLF line endings to LF") { out = out.replacingLF(with: "\r\n") }
        var bytes = Array(out.utf8)
        if source.normalizations.contains("removed UTF-8 BOM") { bytes = [0xEF, 0xBB, 0xBF] + bytes }
        do {
            try FileSystem.writeFile(absolute, bytes)
        } catch {
            outcome.problems.append(TerminalSafe.sanitize(error.message))
            outcome.inputErrors += 1
            return nil
        }
        guard let article = try? ArticleParser.parse(text, path: context.path, requireFrontMatter: false) else { return nil }
        outcome.fixesApplied += applied
        outcome.fixedFiles.append(context.path)
        return (ArticleContext(path: context.path, article: article, resources: context.resources), bytes)
    }

    /// `context.source` with the certain fixes of `rules` applied until none is left, and how many.
    func fixedText(_ context: ArticleContext, rules: [any CorrectableRule]) -> (text: String, applied: Int) {
        FixRun(path: context.path, resources: context.resources, rules: rules).run(context.source)
    }

    /// The enabled correctable rules whose needs the article meets.
    func correctableRules(for context: ArticleContext) -> [any CorrectableRule] {
        ruleSet.plugins.flatMap(\.rules).filter { RuleEngine.needsMet($0.description, context) }.compactMap { $0.rule.asCorrectable }
    }
}
