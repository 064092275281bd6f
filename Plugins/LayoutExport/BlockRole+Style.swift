import GalleyCore

extension BlockRole {
    /// The newsroom's name for the role's paragraph style (引题, 主题, 副题, 署名, 正文).
    var styleName: String {
        switch self {
        case .kicker: return "引题"
        case .headline: return "主题"
        case .subheadline: return "副题"
        case .byline: return "署名"
        case .body: return "正文"
        }
    }
}

extension LayoutSettings {
    /// Size relative to the body for a role (1 for byline and body).
    func scale(of role: BlockRole) -> Double { headlineStyles[role]?.scale ?? 1 }

    /// Body lines one line of `role` takes (占行): its style's for the headline block, else 1.
    func bodyLines(of role: BlockRole) -> Int { role.isHeadlineBlock ? max(1, headlineStyles[role]?.bodyLines ?? 1) : 1 }
}

/// The name of the character style for a dateline and its credits at the start of the story.
let datelineStyleName = "电头"
