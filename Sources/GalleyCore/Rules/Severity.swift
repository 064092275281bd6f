/// How serious a finding is. Error-level findings refuse a check-in and make `galley check` exit 1.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, error

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
}

/// A message in Chinese (the default) and English (`--lang en`).
public struct Message: Sendable, Hashable, Codable {
    public let zh: String
    public let en: String
    public init(_ zh: String, en: String) {
        self.zh = zh
        self.en = en
    }
    public func text(_ language: Language) -> String { language == .en ? en : zh }
}

/// The language findings and summaries are printed in.
public enum Language: String, Sendable, CaseIterable {
    case zh, en
}
