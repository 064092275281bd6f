import GalleyCore
import BylineRules
import LayoutExport
import PeopleRules
import TermRules
import TypographyRules

/// The one place that knows which plugin families are linked into `galley` (galley-bench times the
/// gate with the same list, `CheckInSuite.gateFamilies`: change both).
let builtInFamilies: [PluginFamily] = [
    typographyPlugin,
    bylinePlugin,
    termsPlugin,
    peoplePlugin,
]

/// The exporters `galley export` offers and `galley plugins` lists.
let builtInExporters: [any Exporter.Type] = layoutExporters
