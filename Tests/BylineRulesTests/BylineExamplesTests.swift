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
}
