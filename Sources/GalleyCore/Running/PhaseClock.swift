#if canImport(Glibc)
import Glibc
#endif

/// Wall time spent per phase of a run (walk, read, rules, cache…), for benchmarks and `--verbose` output.
public struct PhaseClock: Sendable {
    public private(set) var milliseconds: [String: Double] = [:]

    public init() {}

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1_000_000
    }

    /// Adds `ms` to `phase`.
    mutating func add(_ phase: String, _ ms: Double) { milliseconds[phase, default: 0] += ms }

    /// `walk 470.5 ms, read 900.1 ms, …` in the order phases were first measured.
    public var summary: String {
        milliseconds.sorted { $0.value > $1.value }.map { "\($0.key) \(String(format1: $0.value)) ms" }.joined(separator: ", ")
    }
}

extension String {
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }
}
