import GalleyCore
import GalleyTestSupport
import Testing
@testable import BylineRules

@Suite struct BylineExamplesTests {
    @Test(arguments: bylinePlugin.rules.map { RuleCase($0) })
    func examplesPass(_ rule: RuleCase) {
        expectExamplesPass(rule.type)
    }

    @Test func everyRuleFileIsListed() {
        let listed = bylinePlugin.rules.map { String(describing: $0) }.sorted()
        let files = ruleFileNames(inPluginFolder: "BylineRules")
        #expect(!files.isEmpty)
        #expect(files == listed, "every *Rule.swift in Plugins/BylineRules must be in bylinePlugin.rules")
    }

    @Test func idsCarryThePluginPrefix() {
        for rule in bylinePlugin.rules {
            #expect(rule.description.plugin == Substring(bylinePlugin.id))
        }
        #expect(Set(bylinePlugin.rules.map { $0.description.id }).count == bylinePlugin.rules.count)
    }

    /// The byline parser converts only the start of a body when nobody prepared the whole body's
    /// scalars (the collecting rules over an issue): it must read the same byline either way.
    @Test(arguments: [
        "新华社北京11月26日电（记者高晨阳）应急管理部提醒，各地要做好防范。",
        "新华社北京11月26日电" + String(repeating: " ", count: 600) + "（记者高晨阳）应急管理部提醒。",
        "本报评论员" + String(repeating: " ", count: 600) + "文\n\n正文。",
        "本报讯（记者陈立峰\n通讯员许可欣）全文" + String(repeating: "很长的正文，", count: 300),
        "\n\n\u{3000}\u{3000}本报记者 林晓岚 实习生 许可欣\n" + String(repeating: "正文。", count: 400),
        String(repeating: "没有电头的长段落，", count: 200) + "本报讯（记者陈立峰）",
    ])
    func bylineFromTheStartOfABodyIsTheWholeBodysByline(_ body: String) throws {
        let context = ArticleContext(path: "a.md", article: try ArticleParser.parse(article("news", body), path: "a.md"))
        let start = PrintedByline.parse(context)
        let whole = PrintedByline.parse(context.withBodyScalars())
        #expect(start?.kind == whole?.kind && start?.dateline == whole?.dateline)
        #expect(start?.credits.map(\.name) == whole?.credits.map(\.name))
        #expect(start?.open?.1 == whole?.open?.1 && start?.close?.1 == whole?.close?.1)
    }
}
