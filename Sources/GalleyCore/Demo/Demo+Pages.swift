/// The pages `galley demo` imports: the newsroom's own `pages/<issue>-<page>.txt`, and the real page
/// in `../shared/samples/` when this checkout has it.
extension Demo {
    public struct PageToImport: Sendable {
        /// Relative to the newsroom (`pages/…`), or absolute for the shared sample.
        public let display: String
        public let issue: CivilDate
        public let page: String
    }

    public static func pagesToImport(workspace: String, newsroomRoot: String) -> [PageToImport] {
        var out: [PageToImport] = []
        for name in FileSystem.list(newsroomRoot + "/pages") where name.hasSuffix(".txt") {
            let stem = name.dropLast(4)
            guard stem.count > 11, let issue = CivilDate(iso: String(stem.prefix(10))) else { continue }
            out.append(PageToImport(display: "pages/" + name, issue: issue,
                                    page: String(stem.dropFirst(11))))
        }
        let sample = FileSystem.lexicallyNormalized(workspace + "/../../shared/samples/000_582f17a897ff82ac.txt")
        if FileSystem.exists(sample) {
            // The page's latest dateline is 12月27日; the issue date is our assumption.
            out.append(PageToImport(display: sample, issue: CivilDate(iso: "2021-12-28")!, page: "1"))
        }
        return out
    }
}
