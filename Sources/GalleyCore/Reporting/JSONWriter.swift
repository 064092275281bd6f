/// Writes JSON straight into UTF-8 bytes, in the order the caller chooses, fast enough for 100k findings.
///
/// Containers opened at depth `lineBreakDepth` or less put each element on its own indented line, unless
/// they or a container around them was opened with `compact: true`; the rest are written on one line.
/// Non-ASCII text is written as is; controls (C0, DEL, C1) are escaped, so the output is safe to show on a
/// terminal.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private let lineBreakDepth: Int
    /// One entry per open container: true until its first element is written.
    private var isEmpty: [Bool] = []
    /// The depth of the outermost open container that asked to be compact.
    private var compactDepth = Int.max
    private var afterKey = false
    private static let hexDigits = Array("0123456789abcdef".utf8)

    init(lineBreakDepth: Int = .max, capacity: Int = 0) {
        self.lineBreakDepth = lineBreakDepth
        bytes.reserveCapacity(capacity)
    }

    /// The output so far, ending with a newline.
    mutating func finish() -> String {
        bytes.append(0x0A)
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func beginObject(compact: Bool = false) { open(0x7B, compact: compact) }
    mutating func endObject() { close(0x7D) }
    mutating func beginArray(compact: Bool = false) { open(0x5B, compact: compact) }
    mutating func endArray() { close(0x5D) }

    mutating func key(_ name: StaticString) {
        startElement()
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        bytes.append(0x3A)
        if breaksLines(isEmpty.count) { bytes.append(0x20) }
        afterKey = true
    }

    mutating func string(_ value: String) {
        startValue()
        writeString(value)
    }

    mutating func int(_ value: Int) {
        startValue()
        // Short strings are stored inline, so this does not allocate.
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func bool(_ value: Bool) {
        startValue()
        literal(value ? "true" : "false")
    }

    mutating func null() {
        startValue()
        literal("null")
    }

    mutating func field(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    mutating func field(_ name: StaticString, _ value: Int?) {
        key(name)
        if let value { int(value) } else { null() }
    }

    mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    private mutating func literal(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private func breaksLines(_ depth: Int) -> Bool {
        depth <= lineBreakDepth && depth < compactDepth
    }

    private mutating func open(_ bracket: UInt8, compact: Bool) {
        startValue()
        bytes.append(bracket)
        isEmpty.append(true)
        if compact && compactDepth == .max { compactDepth = isEmpty.count }
    }

    private mutating func close(_ bracket: UInt8) {
        let depth = isEmpty.count
        let wasEmpty = isEmpty.removeLast()
        if !wasEmpty && breaksLines(depth) { newline() }
        if depth == compactDepth { compactDepth = .max }
        bytes.append(bracket)
    }

    private mutating func startValue() {
        if afterKey {
            afterKey = false
        } else {
            startElement()
        }
    }

    private mutating func startElement() {
        guard let last = isEmpty.indices.last else { return }
        if isEmpty[last] { isEmpty[last] = false } else { bytes.append(0x2C) }
        if breaksLines(isEmpty.count) { newline() }
    }

    private mutating func newline() {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * isEmpty.count))
    }

    private mutating func writeString(_ value: String) {
        bytes.append(0x22)
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            var i = 0
            while i < utf8.count {
                let byte = utf8[i]
                var escapedScalar: UInt32?
                var scalarBytes = 1
                if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F {
                    escapedScalar = UInt32(byte)
                } else if byte == 0xC2, i + 1 < utf8.count, (0x80...0x9F).contains(utf8[i + 1]) {
                    escapedScalar = UInt32(utf8[i + 1])
                    scalarBytes = 2
                }
                guard let scalar = escapedScalar else {
                    i += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                appendEscape(scalar)
                i += scalarBytes
                runStart = i
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(0x22)
    }

    private mutating func appendEscape(_ scalar: UInt32) {
        switch scalar {
        case 0x22: literal(#"\""#)
        case 0x5C: literal(#"\\"#)
        case 0x0A: literal(#"\n"#)
        case 0x0D: literal(#"\r"#)
        case 0x09: literal(#"\t"#)
        case 0x08: literal(#"\b"#)
        case 0x0C: literal(#"\f"#)
        default:
            literal(#"\u00"#)
            bytes.append(Self.hexDigits[Int(scalar >> 4)])
            bytes.append(Self.hexDigits[Int(scalar & 0xF)])
        }
    }
}
