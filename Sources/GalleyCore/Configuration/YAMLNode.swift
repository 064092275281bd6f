import Yams

/// A parsed YAML document for plugins, which depend only on the core: scalars, sequences and
/// mappings with 1-based line numbers, so configuration errors can name the line.
public indirect enum YAMLNode: Sendable {
    case scalar(String, line: Int)
    case sequence([YAMLNode], line: Int)
    case mapping([(key: String, value: YAMLNode)], line: Int)

    public var line: Int {
        switch self {
        case .scalar(_, let l), .sequence(_, let l), .mapping(_, let l): return l
        }
    }

    public var string: String? {
        if case .scalar(let s, _) = self { return s }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let s, _) = self { return s }
        return nil
    }

    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let m, _) = self else { return nil }
        return m.last { $0.key == key }?.value
    }

    /// Parses a document; the error names the line and column.
    public static func parse(_ text: String, file: String) -> Result<YAMLNode?, YAMLError> {
        do {
            return .success(try YAML.compose(text).map(convert))
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                return .failure(YAMLError(file: file, line: mark.line, message: problem))
            default:
                return .failure(YAMLError(file: file, line: 1, message: "\(error)"))
            }
        } catch {
            return .failure(YAMLError(file: file, line: 1, message: "\(error)"))
        }
    }

    static func convert(_ node: Node) -> YAMLNode {
        let line = node.mark.map { $0.line } ?? 1
        switch node {
        case .scalar(let s): return .scalar(s.string, line: line)
        case .sequence(let s): return .sequence(s.map(convert), line: line)
        case .mapping(let m): return .mapping(m.map { (key: $0.key.string ?? "", value: convert($0.value)) }, line: line)
        case .alias: return .scalar("", line: line)
        }
    }
}

/// Yams with what every Galley parse of YAML text uses: UTF-8 named (Yams' default looks it up in
/// the whole process environment each time) and the cheapest resolver that gives the same result.
enum YAML {
    /// The first document of `text`, as `Yams.compose` gives it.
    ///
    /// Galley reads only scalars' text, never their resolved types; the resolver matters only for
    /// telling keys apart, and two keys with the same text resolve alike when both are plain
    /// scalars. Only a tag (`!`) or a quoted or block scalar (`"`, `'`, `|`, `>`) carries a type of
    /// its own; without any of those, the basic resolver gives the same nodes and errors as the
    /// default one, without compiling the default one's regular expressions (about a millisecond,
    /// once per process) and without running them on every key of every mapping (Yams checks keys
    /// for duplicates; 4 ms for the shipped term lists).
    static func compose(_ text: String) throws -> Node? {
        let resolver: Resolver = hasTypedScalars(text) ? .default : .basic
        return try Yams.compose(yaml: text, resolver, .default, .utf8)
    }

    /// True when a scalar may start with one of `!"'|>` (a tag, a quoted or a block scalar) or a
    /// node has an anchor (`&`). Such a character starts a scalar only where a node can start: first
    /// on its line, or after one of `:-[{,?` and blanks. Elsewhere it is text inside a plain
    /// scalar, as in `[<数字>, 目前]`, which the term lists are full of. A `#` at the start of a
    /// line or after a blank starts a comment, which ends the line's scan.
    static func hasTypedScalars(_ text: String) -> Bool {
        var previous: UInt8 = 10
        // The last non-blank character of the line so far (10 while there is none).
        var lastNonBlank: UInt8 = 10
        var inComment = false
        var beforePrevious: UInt8 = 0
        for c in text.utf8 {
            // libyaml also ends a line at a lone CR and at NEL, LS and PS (C2 85, E2 80 A8, E2 80 A9): a
            // CR is a line end here too, and a text with one of the others takes the default resolver.
            if (previous == 0xC2 && c == 0x85) || (beforePrevious == 0xE2 && previous == 0x80 && (c == 0xA8 || c == 0xA9)) {
                return true
            }
            beforePrevious = previous
            if c == 10 || c == 13 {
                inComment = false
                lastNonBlank = 10
            } else if !inComment {
                switch c {
                case UInt8(ascii: "!"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                    switch lastNonBlank {
                    case 10, UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: "?"):
                        return true
                    default:
                        break
                    }
                case UInt8(ascii: "#") where previous == 10 || previous == 13 || previous == 32 || previous == 9:
                    inComment = true
                default:
                    break
                }
                if c != 32 && c != 9 { lastNonBlank = c }
            }
            previous = c
        }
        return false
    }
}

/// A YAML file that does not parse.
public struct YAMLError: Error, Sendable {
    public let file: String
    public let line: Int
    public let message: String
}

extension NewsroomResources {
    /// A newsroom YAML file parsed, nil when absent. Parsed once per process (several rules read
    /// staff.yml) and, in a newsroom, kept between runs by `ParsedYAMLStore`.
    public func yaml(_ path: String) -> Result<YAMLNode?, YAMLError>? {
        guard let text = file(path) else { return nil }
        return Self.parsed.value(for: path + "\u{0}" + text) {
            parsedYAML?.parse(text, file: path) ?? YAMLNode.parse(text, file: path)
        }
    }

    /// Parses of this process, by path and text.
    static let parsed = ResultCache<Result<YAMLNode?, YAMLError>>()
}
