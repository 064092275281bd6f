import Foundation

/// Parses each distinct newsroom file text once per process, for all rule instances: rules are
/// rebuilt per run, but a roster or term list is the same text across thousands of revisions.
public final class ResultCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Value] = [:]

    public init() {}

    public func value(for key: String, _ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let v = values[key] { return v }
        let v = make()
        values[key] = v
        return v
    }
}
