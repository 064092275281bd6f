extension Checker {
    /// Makes the newsroom's rosters and term lists on a second thread, for a `galley checkin` about to
    /// parse its arguments and open the newsroom: they go into the process-wide caches the built-in
    /// families load them through (`ResultCache`, which holds its lock while it makes a value), so the
    /// gate finds them made, or waits for them rather than making them twice. Only the built-in
    /// families: no external plugin is started. Anything that fails here fails again, and is
    /// reported, where the gate does it.
    public static func warmNewsroomLists(from directory: String, families: [PluginFamily]) {
        HelperThread.start {
            guard let newsroom = try? Newsroom.open(from: directory) else { return }
            let checker = Checker(newsroom: newsroom, families: families)
            guard let resources = checker.resources(tree: nil) else { return }
            for plugin in checker.ruleSet.plugins where !plugin.rules.isEmpty {
                _ = plugin.family.checkResources(resources)
                plugin.family.warm(resources)
            }
        }
    }
}
