import GalleyCore
import GalleyTestSupport
import Testing
@testable import TermRules

@Suite struct TermExamplesTests {
    @Test(arguments: termsPlugin.rules.map { RuleCase($0) })
    func examplesPass(_ rule: RuleCase) {
        expectExamplesPass(rule.type)
    }

    @Test func everyRuleFileIsListed() {
        let listed = termsPlugin.rules.map { String(describing: $0) }.sorted()
        let files = ruleFileNames(inPluginFolder: "TermRules")
        #expect(!files.isEmpty)
        #expect(files == listed, "every *Rule.swift in Plugins/TermRules must be in termsPlugin.rules")
    }

    @Test func idsCarryThePluginPrefix() {
        for rule in termsPlugin.rules {
            #expect(rule.description.plugin == Substring(termsPlugin.id))
        }
        #expect(Set(termsPlugin.rules.map { $0.description.id }).count == termsPlugin.rules.count)
    }

    @Test func everyCategoryHasItsRule() {
        let ids = Set(termsPlugin.rules.map { $0.description.id })
        for c in TermCategory.allCases { #expect(ids.contains("terms.\(c.rawValue)")) }
    }
}
