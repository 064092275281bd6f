import Foundation
import GalleyCore
import Testing

/// Records one test issue per failed example, pointing at the example's line in the rule file.
public func expectExamplesPass(_ type: any Rule.Type) {
    let d = type.description
    #expect(RuleDescription.isValidID(d.id), "rule id '\(d.id)' must be <plugin>.<rule> in lowercase kebab-case")
    #expect(!d.triggering.isEmpty, "\(d.id) needs triggering examples")
    #expect(!d.nonTriggering.isEmpty, "\(d.id) needs non-triggering examples")
    if type is any CorrectableRule.Type {
        #expect(!d.corrections.isEmpty, "\(d.id) is correctable and needs correction examples")
    }
    #expect(!d.summary.zh.isEmpty && !d.summary.en.isEmpty, "\(d.id) needs a summary in Chinese and English")
    // The runner finds a rule's capabilities through these accessors, not casts: they must agree.
    let rule = type.init(options: RuleOptions(defaultsOf: d))
    #expect((rule.asArticleRule != nil) == (rule is any ArticleRule), "\(d.id): asArticleRule disagrees with the conformance")
    #expect((rule.asCorrectable != nil) == (rule is any CorrectableRule), "\(d.id): asCorrectable disagrees with the conformance")
    #expect((rule.asTallying != nil) == (rule is any TallyingRule), "\(d.id): asTallying disagrees with the conformance")
    #expect((rule.asRevisionAware != nil) == (rule is any RevisionAwareRule), "\(d.id): asRevisionAware disagrees with the conformance")
    #expect((rule.asCollecting != nil) == (rule is any CollectingRule), "\(d.id): asCollecting disagrees with the conformance")
    for failure in ExampleHarness.run(type) {
        let file = failure.file.split(separator: "/").suffix(2).joined(separator: "/")
        Issue.record(Comment(rawValue: "\(failure.rule) [\(failure.variant)]: \(failure.problem)"),
                     sourceLocation: SourceLocation(fileID: file, filePath: failure.file, line: failure.line, column: 1))
    }
}

/// The rule type names declared in `*Rule.swift` files of a plugin folder, for the completeness test.
public func ruleFileNames(inPluginFolder folder: String) -> [String] {
    let dir = projectRoot() + "/Plugins/" + folder
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    return names.filter { $0.hasSuffix("Rule.swift") }.map { String($0.dropLast(".swift".count)) }.sorted()
}
