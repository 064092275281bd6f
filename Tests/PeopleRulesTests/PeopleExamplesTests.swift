import GalleyCore
import GalleyTestSupport
import Testing
@testable import PeopleRules

@Suite struct PeopleExamplesTests {
    @Test(arguments: peoplePlugin.rules.map { RuleCase($0) })
    func examplesPass(_ rule: RuleCase) {
        expectExamplesPass(rule.type)
    }

    @Test func everyRuleFileIsListed() {
        let listed = peoplePlugin.rules.map { String(describing: $0) }.sorted()
        let files = ruleFileNames(inPluginFolder: "PeopleRules")
        #expect(!files.isEmpty)
        #expect(files == listed, "every *Rule.swift in Plugins/PeopleRules must be in peoplePlugin.rules")
    }

    @Test func idsCarryThePluginPrefix() {
        for rule in peoplePlugin.rules {
            #expect(rule.description.plugin == Substring(peoplePlugin.id))
        }
        #expect(Set(peoplePlugin.rules.map { $0.description.id }).count == peoplePlugin.rules.count)
    }
}
