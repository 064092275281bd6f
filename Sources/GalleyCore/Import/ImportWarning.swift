/// Something the importer was unsure about, with the source line it concerns. When the warning holds
/// page text that went into no article (a headline it could not attach), `text` carries it.
public struct ImportWarning: Sendable, Equatable {
    public let line: Int
    public let message: String
    public let text: MappedText?

    public init(line: Int, message: String, text: MappedText? = nil) {
        self.line = line
        self.message = message
        self.text = text
    }
}
