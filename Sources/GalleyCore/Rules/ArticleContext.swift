import Foundation

/// One article revision as a rule sees it.
public struct ArticleContext: Sendable {
    /// Path relative to the repository root, or as given for files outside one.
    public let path: String
    public let article: Article
    /// Newsroom files plugins may read (nil outside a repository).
    public let resources: NewsroomResources?

    public init(path: String, article: Article, resources: NewsroomResources? = nil) {
        self.path = path
        self.article = article
        self.resources = resources
        self.body = article.body
    }

    /// The whole file as normalised text.
    public var source: String { article.source }
    /// The body as a slice of `source`, so its indices are valid for `Diagnosis.range`.
    public let body: Substring
    public var frontMatter: FrontMatter? { article.frontMatter }

    /// The body as scalars with their positions. Built once by the runner for all the rules of a plugin
    /// (`withBodyScalars()`), otherwise on each use.
    public var bodyScalars: ScalarText { preparedScalars ?? ScalarText(body) }
    private var preparedScalars: ScalarText?

    /// The start of the body as scalars: leading white space, the first line, and `beyond` scalars
    /// after it (the whole body's when prepared). For rules that read only the start, such as the
    /// byline, over a whole issue's articles, whose bodies nobody else converts.
    public func bodyStartScalars(beyondFirstLine beyond: Int) -> ScalarText {
        if let preparedScalars { return preparedScalars }
        // Found in the UTF-8 bytes: a whole issue's articles go through here at every check-in, and
        // stepping through a substring's scalar view cost more than the rule that reads them.
        var text = body
        let length = text.withUTF8 { Self.startLength($0, beyondFirstLine: beyond) }
        return ScalarText(body[..<body.utf8.index(body.startIndex, offsetBy: length)])
    }

    /// How many bytes of `bytes` (UTF-8) the leading white space (spaces, U+3000, tabs, line breaks),
    /// the first line and `beyond` scalars after it take.
    static func startLength(_ bytes: UnsafeBufferPointer<UInt8>, beyondFirstLine beyond: Int) -> Int {
        var end = 0
        while end < bytes.count {
            let b = bytes[end]
            if b == 0x20 || b == 0x09 || b == 0x0A {
                end += 1
            } else if b == 0xE3, end + 2 < bytes.count, bytes[end + 1] == 0x80, bytes[end + 2] == 0x80 {
                end += 3
            } else {
                break
            }
        }
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        var left = beyond
        while end < bytes.count, left > 0 {
            end += 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            left -= 1
        }
        return end
    }

    /// This context with `bodyScalars` built, for running several rules over it. The caller's context does
    /// not keep it, so contexts held for a whole run do not hold their scalars too.
    public func withBodyScalars() -> ArticleContext {
        var c = self
        c.preparedScalars = ScalarText(body)
        c.memo = AnalysisMemo()
        return c
    }

    private var memo: AnalysisMemo?

    /// An analysis of the body several rules share (a plugin's tokenisation, say), made once per
    /// article when the runner prepared the context, otherwise on each use.
    public func shared<T>(_ key: String, _ make: () -> T) -> T {
        memo?.value(key, make) ?? make()
    }

    /// Paragraphs of the body as slices of `source`.
    public var paragraphs: [Substring] { Article.paragraphs(of: body) }
}

/// Read-only newsroom files (staff.yml, people.yml, terms/…) as of the checked revision.
public struct NewsroomResources: Sendable {
    public let configuration: Configuration
    let files: [String: String]
    /// Where parsed YAML files are kept between runs (a newsroom's), nil to parse every time.
    let parsedYAML: ParsedYAMLStore?
    /// What rules make from these files, once for all the articles of a run (shared by copies).
    private let memo = AnalysisMemo()

    public init(configuration: Configuration, files: [String: String], parsedYAML: ParsedYAMLStore? = nil) {
        self.configuration = configuration
        self.files = files
        self.parsedYAML = parsedYAML
    }

    /// The text of a newsroom file such as `staff.yml`, or nil when it is absent.
    public func file(_ path: String) -> String? { files[path] }

    /// A value made once from these files (a roster, a term dictionary) and shared by every article
    /// and rule of the run. Without it each article would look its list up by the list's text.
    public func shared<T>(_ key: String, _ make: () -> T) -> T {
        memo.value(key, make)
    }
}

/// Analyses of one article shared by its rules, or values made from a run's newsroom files. Rules
/// of one article run on one thread; a run's files may be read from several, where two threads can
/// both make a value (the same one) and the last stored wins.
final class AnalysisMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Any] = [:]

    func value<T>(_ key: String, _ make: () -> T) -> T {
        lock.lock()
        // A stored nil is a result too (an optional analysis): test presence before the cast.
        let stored = values[key]
        lock.unlock()
        if let stored, let found = stored as? T { return found }
        // Made outside the lock: one analysis may build on another (`make` calls `value` again).
        let v = make()
        lock.lock()
        values[key] = v
        lock.unlock()
        return v
    }
}
