import GalleyCore

extension TypesetStory {
    /// The story with its headline-block lines set solid (密排) instead of justified: a headline line is
    /// centred over the columns, and the even spacing (均排) a push-out leaves in body lines would only
    /// letter-space it. Body lines are untouched.
    func headlinesSetSolid() -> TypesetStory {
        var copy = self
        for i in copy.lines.indices where copy.lines[i].role.isHeadlineBlock {
            var x = 0.0
            for u in copy.lines[i].units.indices {
                copy.lines[i].units[u].x = x
                x += copy.lines[i].units[u].width
            }
            copy.lines[i].setWidth = x
        }
        return copy
    }
}
