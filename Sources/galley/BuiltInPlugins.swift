import GalleyCore
import BylineRules
import PeopleRules
import TermRules
import TypographyRules

/// The one place that knows which plugin families are linked into `galley`.
let builtInFamilies: [PluginFamily] = [
    typographyPlugin,
    bylinePlugin,
    termsPlugin,
    peoplePlugin,
]
