#if canImport(Glibc)
import Glibc
#endif

/// Monotonic wall-clock timing and the small statistics the suites print.
enum Timing {
    /// Nanoseconds on `CLOCK_MONOTONIC` (unaffected by changes of the system clock).
    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Milliseconds `body` took.
    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = now()
        try body()
        return Double(now() - start) / 1_000_000
    }

    /// The median of `runs` timings of `body`, in milliseconds.
    static func medianMilliseconds(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var samples: [Double] = []
        samples.reserveCapacity(runs)
        for _ in 0..<runs { samples.append(try milliseconds(body)) }
        return median(samples)
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}

/// Fixed-precision formatting without Foundation: figures a reader can compare across runs.
enum Format {
    /// `value` rounded to `decimals` places, e.g. `fixed(12.345, 1)` → "12.3".
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "n/a" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let frac = Int(scaled - Double(whole) * scale)
        var text = "\(whole)"
        if decimals > 0 {
            let digits = "\(frac)"
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return (value < 0 && scaled != 0 ? "-" : "") + text
    }

    /// A count with thousands separators, e.g. 10,000.
    static func count(_ n: Int) -> String {
        var digits = String(abs(n))
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return (n < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    static func ms(_ value: Double) -> String { fixed(value, 1) + " ms" }
    static func ratio(_ value: Double) -> String { fixed(value, 2) + "×" }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let n = text.count
        guard n < width else { return text }
        let fill = String(repeating: " ", count: width - n)
        return right ? fill + text : text + fill
    }
}
