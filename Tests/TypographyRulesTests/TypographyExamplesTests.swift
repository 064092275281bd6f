import GalleyCore
import GalleyTestSupport
import Testing
@testable import TypographyRules

@Suite struct TypographyExamplesTests {
    @Test(arguments: typographyPlugin.rules.map { RuleCase($0) })
    func examplesPass(_ rule: RuleCase) {
        expectExamplesPass(rule.type)
    }

    @Test func everyRuleFileIsListed() {
        let listed = typographyPlugin.rules.map { String(describing: $0) }.sorted()
        let files = ruleFileNames(inPluginFolder: "TypographyRules")
        #expect(!files.isEmpty)
        #expect(files == listed, "every *Rule.swift in Plugins/TypographyRules must be in typographyPlugin.rules")
    }

    @Test func idsCarryThePluginPrefix() {
        for rule in typographyPlugin.rules {
            #expect(rule.description.plugin == Substring(typographyPlugin.id))
        }
        #expect(Set(typographyPlugin.rules.map { $0.description.id }).count == typographyPlugin.rules.count)
    }
}
