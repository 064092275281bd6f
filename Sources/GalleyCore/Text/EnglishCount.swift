/// `1 problem`, `3 problems`: a count with its English noun, for messages (regular plurals only).
public func counted(_ n: Int, _ noun: String) -> String {
    "\(n) \(noun)\(n == 1 ? "" : "s")"
}
