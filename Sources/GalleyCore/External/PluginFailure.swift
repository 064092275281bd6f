/// An external plugin that misbehaved: it could not start, timed out, crashed, printed more than its
/// output limit, or answered with something the protocol does not allow.
public struct PluginFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The plugin's name as in `galley.yml`.
    public let plugin: String
    /// One line, already sanitized for a terminal, such as
    /// `plugin house-style timed out after 10 s on articles/2026-11-27/a1.md`.
    public let message: String

    public init(plugin: String, message: String) {
        self.plugin = plugin
        self.message = message
    }

    public var description: String { message }
}
