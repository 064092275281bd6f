/// Reading and writing work-tree files by repository-relative path, for tools that edit articles.
extension Newsroom {
    public func readWorkingFile(_ relative: String) throws(GalleyError) -> String {
        String(decoding: try FileSystem.readFile(root + "/" + relative, limit: SourceText.maximumBytes), as: UTF8.self)
    }

    /// Writes atomically (a temporary file, then rename).
    public func writeWorkingFile(_ relative: String, _ text: String) throws(GalleyError) {
        try FileSystem.writeFile(root + "/" + relative, Array(text.utf8))
    }
}
