import Foundation
import GalleyCore
import GalleyTestSupport
import Testing

@Suite struct ConfigurationTests {
    @Test func unknownKeysAndBadValuesWarnThenDefault() {
        let config = Configuration.parse("newsroom: 滨江日报\nstatuses: []\nlayuot: 1\n")
        #expect(config.name == "滨江日报")
        #expect(config.statuses == Configuration.defaultStatuses)
        #expect(config.warnings.count == 2)
        #expect(config.warnings.contains { $0.contains("'layuot'") })
        #expect(config.warnings.contains { $0.contains("'statuses'") })
    }

    @Test func customStatuses() {
        let config = Configuration.parse("statuses: [采写, 一审, 二审, 签发]\n")
        #expect(config.statuses == ["采写", "一审", "二审", "签发"])
        #expect(config.warnings.isEmpty)
    }

    @Test func brokenYAMLFallsBackToDefaults() {
        let config = Configuration.parse("statuses: [unclosed\n")
        #expect(config.statuses == Configuration.defaultStatuses)
        #expect(config.warnings.count == 1)
        #expect(config.warnings.first?.hasPrefix("galley.yml:2: not valid YAML") == true, "\(config.warnings)")
    }

    /// A newsroom keeps its parsed galley.yml between runs; what the configuration says must not change.
    @Test func theKeptParseGivesTheSameConfiguration() throws {
        let text = try String(contentsOfFile: projectRoot() + "/Workspace/galley.yml", encoding: .utf8)
        let dir = TemporaryDirectory()
        let store = ParsedYAMLStore(gitDirectory: dir.path + "/.git")
        let plain = Configuration.parse(text)
        for _ in 0..<2 {
            let kept = Configuration.parse(text, store: store)
            #expect(kept.name == plain.name && kept.statuses == plain.statuses && kept.profile == plain.profile)
            #expect(kept.externalPlugins == plain.externalPlugins && kept.warnings == plain.warnings)
            #expect(kept.ruleSettings.keys.sorted() == plain.ruleSettings.keys.sorted())
        }
        #expect(plain.externalPlugins.first?.command == ["python3", "tools/house_style.py"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory).count == 1)
    }
}
