import BylineRules
import GalleyCore
import LayoutExport
import PeopleRules
import TermRules
import TypographyRules

/// The one place that knows which plugin families are linked into `galley` (and which galley-bench
/// runs when it times the check-in gate).
public let builtInFamilies: [PluginFamily] = [
    typographyPlugin,
    bylinePlugin,
    termsPlugin,
    peoplePlugin,
]

/// The exporters `galley export` offers and `galley plugins` lists.
public let builtInExporters: [any Exporter.Type] = layoutExporters
