import GalleyCore
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
    }
}
