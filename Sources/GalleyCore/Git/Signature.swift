internal import Clibgit2

/// Who made a revision and when (seconds since 1970 and the UTC offset in minutes).
public struct Signature: Sendable, Equatable {
    public var name: String
    public var email: String
    public var time: Int64
    public var offsetMinutes: Int32

    public init(name: String, email: String, time: Int64, offsetMinutes: Int32) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    init(_ sig: UnsafePointer<git_signature>) {
        name = sig.pointee.name.map { String(cString: $0) } ?? ""
        email = sig.pointee.email.map { String(cString: $0) } ?? ""
        time = sig.pointee.when.time
        offsetMinutes = sig.pointee.when.offset
    }

    /// Parses `Name <email>`, as git's `--author` takes it.
    public static func parse(_ text: String, time: Int64, offsetMinutes: Int32) -> Signature? {
        guard let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close else { return nil }
        let name = text[..<open].trimmingCharacters(in: " \t")
        let email = String(text[text.index(after: open)..<close])
        guard !name.isEmpty, !email.contains("<"), !email.contains(">"), !name.contains("\n") else { return nil }
        return Signature(name: name, email: email, time: time, offsetMinutes: offsetMinutes)
    }

    func withGitSignature<R>(_ body: (UnsafePointer<git_signature>) throws -> R) throws -> R {
        var sig: UnsafeMutablePointer<git_signature>?
        try gitCheck(git_signature_new(&sig, name, email, time, offsetMinutes), "git_signature_new")
        defer { git_signature_free(sig) }
        return try body(sig!)
    }

    /// ISO 8601 with the signature's own UTC offset, e.g. `2026-11-27T09:30:00+08:00`.
    public var iso8601: String {
        let local = time + Int64(offsetMinutes) * 60
        let date = CivilDate(daysSinceEpoch: Int(floorDiv(local, 86400)))
        let seconds = Int(local - floorDiv(local, 86400) * 86400)
        let sign = offsetMinutes < 0 ? "-" : "+"
        let off = abs(Int(offsetMinutes))
        return "\(date.iso)T\(pad2(seconds / 3600)):\(pad2(seconds / 60 % 60)):\(pad2(seconds % 60))\(sign)\(pad2(off / 60)):\(pad2(off % 60))"
    }
}

func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String { self[...].trimmingCharacters(in: set) }
}
