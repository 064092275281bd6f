import Testing
import GalleyCore

/// A rule type as a parameterized-test argument, named by its id in test output.
public struct RuleCase: Sendable, CustomTestStringConvertible {
    public let type: any Rule.Type
    public init(_ type: any Rule.Type) { self.type = type }
    public var testDescription: String { type.description.id }
}
