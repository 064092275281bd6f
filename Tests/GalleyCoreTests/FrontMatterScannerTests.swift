import Foundation
@testable import GalleyCore
import GalleyTestSupport
import Testing

/// The front-matter scanner must agree with Yams wherever it answers, and answer for the usual shapes.
@Suite struct FrontMatterScannerTests {
    /// Scanner and Yams on the same YAML text: when the scanner answers, Yams gives the same fields
    /// and credits (and no error). Returns whether the scanner answered.
    @discardableResult
    func agree(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard let scanned = FrontMatterScanner.scan(ArraySlice(Array(yaml.utf8))) else { return false }
        do {
            let composed = try ArticleParser.composeFrontMatter(yaml, path: "a.md")
            #expect(scanned.fields == composed.fields, "fields differ for:\n\(yaml)", sourceLocation: sourceLocation)
            #expect(scanned.credits == composed.credits, "credits differ for:\n\(yaml)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("scanner accepted what Yams refuses (\(error)):\n\(yaml)", sourceLocation: sourceLocation)
        }
        return true
    }

    static let base = """
        id: a1
        issue: 2026-11-27
        page: A1
        section: 要闻
        genre: news
        status: draft
        headline: 滨江今冬供暖提前启动
        dateline: 本报讯
        credits:
          - {role: 记者, name: 陈立峰}

        """

    @Test func usualShapesAreScanned() throws {
        #expect(agree(Self.base))
        #expect(agree(Self.base.replacingOccurrences("credits:\n  - {role: 记者, name: 陈立峰}\n", "credits: []\n")))
        #expect(agree(Self.base + "kicker: 总投资126.8亿元，涉及芯片设计\nsubheadline: ——访市供热办主任\n"))
        #expect(agree(Self.base.replacingOccurrences("headline: 滨江今冬供暖提前启动", "headline: \"“书香暖冬”：东湖区图书馆\"")))
        #expect(agree(Self.base.replacingOccurrences("  - {role: 记者, name: 陈立峰}\n",
                                                     "  - {role: 记者, name: 陈立峰}\n  - {role: 通讯员, name: 梁志诚}\n")))
    }

    @Test func workspaceArticlesAreScannedAlike() throws {
        let root = projectRoot() + "/Workspace"
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let p = enumerator?.nextObject() as? String {
            if p.hasSuffix(".md") && p.contains("articles/") { files.append(root + "/" + p) }
        }
        #expect(files.count >= 11)
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n") else { continue }
            let yaml = String(text[text.index(text.startIndex, offsetBy: 4)...end.lowerBound])
            #expect(agree(yaml), "\(file) should take the fast path")
        }
    }

    /// Lines that must either be read exactly as Yams reads them or be left to Yams.
    static let variants: [String] = [
        "headline: a: b", "headline: a #b", "headline: a#b", "headline: #x", "headline: 'x'", "headline: \"x\"",
        "headline: \"a\\\"b\"", "headline: 'it''s'", "headline: \"tab\there\"", "headline: -x", "headline: - x",
        "headline: ? x", "headline: !!str 12", "headline: &a x", "headline: *a", "headline: |", "headline: >",
        "headline: [a, b]", "headline: {a: b}", "headline: a, b", "headline: a[1]", "headline: x\u{2028}y",
        "headline: x\u{85}y", "headline: \u{FEFF}x", "headline: x\u{FEFF}", "headline: ~", "headline: null", "headline: 12",
        "headline: 2026-11-27", "headline: yes", "headline:", "headline:    ", "headline:x", "headline : x",
        "headline:  多个  空格  ", "headline: a\tb", "headline:\tb", "headline: a\rb", "headline: 测试\u{3000}",
        "headline: a%b", "headline: %b", "headline: @x", "headline: `x`", "headline: a'b", "headline: a\"b",
        "headline: 'a'b'", "headline: \"a", "headline: \"\"", "headline: ''", "headline: ' a '", "headline: \" a \"",
        "headline: a\u{7F}b", "headline: a\u{1}b", "headline: \u{A0}x", "headline: \u{FFFE}", "headline: 😀 emoji",
        "Headline: x", "head-line: x", "_x: y", "-x: y", "1: y", "<<: {a: b}", "\"quoted key\": v", "'k': v",
        "id: a1", "# comment", "  # comment", "---", "...", "%YAML 1.1", "headline: a\n  b", "headline: a\nb",
        "meta:\n  a: 1", "tags:\n- a", "tags: []", "tags: {}", "? complex\n: key", "credits: []",
        "true: x", "null: x", "~: x", String(repeating: "k", count: 1100) + ": v",
        "headline: a  ", "   ", "\t", "headline: a\n   \nkicker: b",
    ]

    static let creditVariants: [String] = [
        "credits:", "credits:\n- {role: a, name: b}", "credits:\n    - {role: a, name: b}\n  - {role: c, name: d}",
        "credits:\n  - {role: a}", "credits:\n  - {name: b, role: a}", "credits:\n  - {role: a, name: b, note: c}",
        "credits:\n  - {role: a, name: b, role: c}", "credits:\n  -  {role: a , name: b }", "credits:\n  - { role: a, name: b }",
        "credits:\n  - {role: a, name: }", "credits:\n  - {role: a, name: b} # c", "credits:\n  - {role: \"a\", name: b}",
        "credits:\n  - role: a\n    name: b", "credits:\n  -\n    {role: a, name: b}", "credits: [{role: a, name: b}]",
        "credits:\n\n  - {role: a, name: b}\n\n", "credits:\n  - {role: a b, name: c  d}",
        "credits:\n  - {role: a, name: b}\n    - {role: c, name: d}", "credits:\n  - {role: a, name: b,}",
        "credits:\n  - {role: a,name: b}", "credits:\n  - {role:a, name: b}", "credits:\n  - {}", "credits:\n  -{role: a, name: b}",
        "credits:\n  - {role: a, name: b}\ncredits: []", "credits:\n\t- {role: a, name: b}", "credits: ~", "credits: x",
        "credits:\n  - {role: 记者, name: 陈\u{2028}立峰}", "credits:\n  - {role: 记者, name: -x}", "credits:\n  - {role: 记者, name: a:b}",
        "credits:\n  - {role: 记者, name: a'b}", "credits:\n  - {role: 记者, name: ~}", "credits:\n  - [a, b]",
    ]

    @Test func variantsAgreeWithYams() {
        let withoutHeadline = Self.base.replacingOccurrences("headline: 滨江今冬供暖提前启动\n", "")
        let withoutCredits = Self.base.replacingOccurrences("credits:\n  - {role: 记者, name: 陈立峰}\n", "")
        var answered = 0
        for v in Self.variants {
            if agree(withoutHeadline + v + "\n") { answered += 1 }
            if agree(v + "\n" + withoutHeadline) { answered += 1 }
            agree(Self.base + v + "\n")
        }
        for v in Self.creditVariants {
            if agree(withoutCredits + v + "\n") { answered += 1 }
            agree(v + "\n" + withoutCredits)
        }
        // The plain cases above must still take the fast path.
        #expect(answered > 40)
    }

    /// Random values and credit entries over an alphabet of YAML's special characters.
    @Test func randomValuesAgreeWithYams() {
        let alphabet: [String] = ["a", "Z", "9", "中", "，", " ", " ", ":", "#", "'", "\"", "-", "{", "}", "[", "]", ",", "~", "!",
                                  "&", "*", "|", ">", "%", "@", "`", "?", "\t", "\u{2028}", "\u{85}", "\u{A0}", "\\", "\u{3000}"]
        var state: UInt64 = 0x6761_6C6C_6579
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        func word() -> String { (0..<(1 + next(6))).map { _ in alphabet[next(alphabet.count)] }.joined() }
        var answered = 0
        for _ in 0..<3000 {
            var yaml = Self.base.replacingOccurrences("headline: 滨江今冬供暖提前启动\n", "")
            yaml += "headline: " + word() + "\n"
            if next(2) == 0 { yaml += "credits2:\n  - {role: \(word()), name: \(word())}\n" }
            if next(3) == 0 {
                yaml = yaml.replacingOccurrences("{role: 记者, name: 陈立峰}", "{role: \(word()), name: \(word())}")
            }
            if agree(yaml) { answered += 1 }
        }
        #expect(answered > 100)
    }

    @Test func parsedArticleIsTheSameEitherWay() throws {
        let text = ArticleFixture.text(id: "a1-heating", extra: "kicker: 民生热点\nsubheadline: ——访市供热办主任\n")
        let article = try ArticleParser.parse(text, path: "a.md")
        // The same text with a comment line, which the scanner leaves to Yams.
        let viaYams = try ArticleParser.parse(text.replacingOccurrences("kicker:", "# 注\nkicker:"), path: "a.md")
        #expect(article.frontMatter == viaYams.frontMatter)
    }
}
