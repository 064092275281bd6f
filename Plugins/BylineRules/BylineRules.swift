import GalleyCore

/// 电头与署名: the printed dateline and byline against the front matter and the staff roster.
public let bylinePlugin = PluginFamily(
    id: "byline", version: "1",
    summary: Message("电头与署名：格式、与 credits 一致、名册核对", en: "Datelines and bylines: form, agreement with credits, staff roster"),
    rules: [
        DatelineFormRule.self,
        BylineFormatRule.self,
        CreditsMatchRule.self,
        RosterRule.self,
        DatelineDateRule.self,
        WireCutRule.self,
        CaptionCreditRule.self,
        IssueConsistencyRule.self,
    ],
    resourcePaths: [StaffRoster.file],
    checkResources: { resources in
        switch StaffRoster.load(resources) {
        case .success: return []
        case .failure(.missing): return [.warning(RosterProblem.missing.message, rules: [RosterRule.description.id])]
        case .failure(let p): return [.error(p.message, rules: [RosterRule.description.id])]
        }
    })
