import GalleyCore

/// What kind of wording problem a term list entry describes; each kind is one rule.
enum TermCategory: String, Sendable, CaseIterable {
    /// 异形词: a non-recommended form of a word with variant spellings (其它 → 其他).
    case variant
    /// 错别字: a commonly mis-written word (按装 → 安装).
    case typo
    /// 禁用词: wording a newsroom does not print (北朝鲜 → 朝鲜).
    case banned
    /// 慎用词: wording to use with care; a reminder, not an error.
    case careful
    /// 规范表述: the official form of a formulation (十四五规划 → “十四五”规划).
    case formulation

    var label: String {
        switch self {
        case .variant: return "异形词"
        case .typo: return "错别字"
        case .banned: return "禁用词"
        case .careful: return "慎用词"
        case .formulation: return "规范表述"
        }
    }

    var english: String {
        switch self {
        case .variant: return "variant form"
        case .typo: return "commonly mis-written word"
        case .banned: return "banned wording"
        case .careful: return "wording to use with care"
        case .formulation: return "official formulation"
        }
    }
}

/// One entry of a term list (`terms/*.yml`): the wrong forms, the right one and when it applies.
struct TermEntry: Sendable {
    var wrong: [String]
    /// The right form; nil only for a careful-wording reminder without a suggestion.
    var right: String?
    var category: TermCategory
    /// `--fix` may apply `right` without a person looking.
    var certain: Bool
    var note: String?
    /// Only when the text goes on with one of these (`<数字>`: any digit or Chinese numeral).
    var followedBy: [String] = []
    /// Only after one of these.
    var precededBy: [String] = []
    var notFollowedBy: [String] = []
    var notPrecededBy: [String] = []
    /// Longer legitimate words that contain a wrong form (尤其它们 holds 其它 and is right).
    var except: [String] = []
    /// Not when the rest of the sentence holds one of these (既使……又…… is 既 + 使, not 即使).
    var notLaterInSentence: [String] = []
    /// Where the entry was written, for messages.
    var file: String
    var line: Int

    var place: String { "\(file):\(line)" }
}

/// The parsed and merged term lists of a newsroom.
struct TermLists: Sendable {
    let entries: [TermEntry]
    let warnings: [String]
    /// The files read, for `galley plugins` and messages.
    let files: [String]
}
