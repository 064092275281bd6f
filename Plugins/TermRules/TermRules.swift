import GalleyCore

/// 用词: the newsroom's term lists (`terms/*.yml`) in one pass: variant forms, mis-written words, banned
/// and careful wording, official formulations.
public let termsPlugin = PluginFamily(
    id: "terms", version: "1",
    summary: Message("用词：异形词、错别字、禁用词、慎用词、规范表述（terms/*.yml）",
                     en: "Wording: variant forms, mis-written words, banned and careful wording, formulations (terms/*.yml)"),
    rules: [
        VariantTermRule.self,
        TypoTermRule.self,
        BannedTermRule.self,
        CarefulTermRule.self,
        FormulationTermRule.self,
    ],
    resourcePaths: [TermListParser.folder],
    checkResources: { resources in
        switch TermListParser.load(resources) {
        case .success(let lists): return lists.warnings.map { .warning($0) }
        case .failure(.missing): return [.warning(TermListParser.Problem.missing.message)]
        case .failure(let p): return [.error(p.message)]
        }
    },
    warm: { _ = TermScan.dictionary($0) })

/// A term list for the rules' examples, as a newsroom's `terms/` folder holds it.
func exampleTerms(_ yaml: String) -> [String: String] { ["terms/list.yml": yaml] }
