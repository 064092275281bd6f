import GalleyCore
import GalleyTestSupport
import Testing

@Suite struct ArticleParserTests {
    @Test func parsesEveryField() throws {
        let text = ArticleFixture.text(id: "a1-heating", extra: "kicker: 民生热点\nsubheadline: ——访市供热办主任\n")
        let article = try ArticleParser.parse(text, path: "a.md")
        let fm = try #require(article.frontMatter)
        #expect(fm.id == "a1-heating")
        #expect(fm.issue == CivilDate(year: 2026, month: 11, day: 27))
        #expect(fm.page == "A1")
        #expect(fm.genre == .news)
        #expect(fm.kicker == "民生热点")
        #expect(fm.subheadline == "——访市供热办主任")
        #expect(fm.dateline == "本报讯")
        #expect(fm.credits == [Credit(role: "记者", name: "陈立峰")])
        #expect(article.bodyStartLine == 15)
        #expect(article.body.hasPrefix("本报讯（记者陈立峰）"))
    }

    /// `check --each` hands the parser the file's last version: the same front matter is taken over, a changed one read.
    @Test func anEarlierVersionsFrontMatterIsTakenOnlyWhenTheSame() throws {
        let text = ArticleFixture.text(id: "a1-heating", extra: "kicker: 民生热点\n")
        let earlier = try ArticleParser.parse(text, path: "a.md")
        let edited = try ArticleParser.parse(text + "又一段。\n", path: "a.md", earlier: earlier)
        #expect(edited.frontMatter == earlier.frontMatter)
        #expect(edited.body.hasSuffix("又一段。\n"))
        let retitled = try ArticleParser.parse(text.replacingOccurrences(of: "民生热点", with: "民生关注"), path: "a.md", earlier: earlier)
        #expect(retitled.frontMatter?.kicker == "民生关注")
        // Same bytes up to the body, but the earlier version ended its front matter elsewhere.
        let shorter = try ArticleParser.parse(text.replacingOccurrences(of: "kicker: 民生热点\n", with: ""), path: "a.md", earlier: earlier)
        #expect(shorter.frontMatter?.kicker == nil)
    }

    @Test func missingRequiredField() {
        let text = ArticleFixture.text(id: "a").replacingOccurrences("headline: 滨江今冬供暖提前启动\n", "")
        #expect(throws: GalleyError.missingField(path: "a.md", field: "headline")) { try ArticleParser.parse(text, path: "a.md") }
    }

    @Test func brokenYAMLNamesFileLineAndColumn() throws {
        let text = "---\nid: a\nheadline: [未闭合\nissue: 2026-11-27\n---\n正文\n"
        do {
            _ = try ArticleParser.parse(text, path: "a.md")
            Issue.record("expected a YAML error")
        } catch let error {
            guard case .yaml(let path, let line, _, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(path == "a.md")
            #expect(line >= 3 && line <= 5)
        }
    }

    @Test func noFrontMatterOrUnclosed() {
        #expect(throws: GalleyError.noFrontMatter(path: "a.md")) { try ArticleParser.parse("正文\n", path: "a.md") }
        #expect(throws: GalleyError.unterminatedFrontMatter(path: "a.md")) { try ArticleParser.parse("---\nid: a\n", path: "a.md") }
    }

    @Test func plainTextAllowedWhenAsked() throws {
        let article = try ArticleParser.parse("只有正文。\n", path: "a.txt", requireFrontMatter: false)
        #expect(article.frontMatter == nil)
        #expect(article.body == "只有正文。\n")
    }

    @Test(arguments: [
        ("id: 供暖", "id"), ("issue: 2026-02-30", "issue"), ("genre: novel", "genre"),
    ])
    func invalidValues(_ line: String, _ field: String) {
        var text = ArticleFixture.text(id: "a")
        let key = line.split(separator: ":")[0]
        text = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(key + ":") ? Substring(line) : $0 }.joined(separator: "\n")
        do {
            _ = try ArticleParser.parse(text, path: "a.md")
            Issue.record("expected \(field) to be refused")
        } catch let error {
            guard case .invalidField(_, let f, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(f == field)
        }
    }

    @Test func slugs() {
        #expect(ArticleParser.isSlug("a1-winter-heating"))
        #expect(!ArticleParser.isSlug("A1"))
        #expect(!ArticleParser.isSlug("-a"))
        #expect(!ArticleParser.isSlug("../etc"))
    }
}

extension String {
    func replacingOccurrences(_ a: String, _ b: String) -> String {
        var out = ""
        var rest = self[...]
        while let r = rest.range(of: a) {
            out += rest[..<r.lowerBound] + b
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
