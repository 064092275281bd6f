import Foundation
import GalleyTestSupport
import Testing

/// `galley export` through the built binary: every format, files inside and outside a newsroom, bad input.
@Suite struct ExportCommandTests {
    static let article = projectRoot() + "/Workspace/articles/2026-11-27/a1-hightech-park.md"
    static var hasPoppler: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") }

    func galley(_ arguments: [String], in dir: TemporaryDirectory, environment: [String: String] = [:]) throws -> CommandResult {
        try run(galleyExecutable(), arguments, in: dir.path, environment: environment)
    }

    @Test func articleToEveryFormat() throws {
        let dir = TemporaryDirectory("export")
        for format in ["txt", "pdf", "icml", "html"] {
            let r = try galley(["export", Self.article, "-o", "a1.\(format)", "--columns", "3", "--lines", "30"], in: dir)
            #expect(r.status == 0 && r.stderr.isEmpty && r.stdout.isEmpty, "\(format): \(r.stderr)")
            let bytes = try #require(FileManager.default.contents(atPath: dir.path + "/a1.\(format)"), "\(format) written")
            #expect(bytes.count > 500)
        }
        #expect(dir.read("a1.pdf")?.hasPrefix("%PDF-") == true, "the format comes from -o's extension")
        #expect(dir.read("a1.icml")?.contains("ParagraphStyle/正文") == true)
        #expect(dir.read("a1.html")?.contains("column-count: 3") == true)
        let txt = try #require(dir.read("a1.txt"))
        #expect(txt.hasPrefix("总投资126.8亿元，涉及芯片设计、封装测试、新型显示等领域\n"), "kicker on one line across 3 columns: \(txt.prefix(80))")
    }

    @Test func textToStdoutAtTheMeasure() throws {
        let dir = TemporaryDirectory("export")
        let file = dir.write("plain.txt", "第一段文字，内容较长一些，需要折行排版才能放下。\n\n第二段。\n")
        let r = try galley(["export", file, "--measure", "8"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "第一段文字，", "2-cell indent + 6 cells: \(r.stdout)")
        #expect(lines.filter { $0.isEmpty }.count == 2, "a blank line between the blocks and the final newline")
        #expect(r.stdout.replacingOccurrences(of: "\n", with: "") == "第一段文字，内容较长一些，需要折行排版才能放下。第二段。")
    }

    @Test func pdfIntoAPipe() throws {
        let dir = TemporaryDirectory("export")
        let r = try galley(["export", Self.article, "--format", "pdf", "--option", "page=fit", "--option", "grid=on"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("%PDF-"))
    }

    /// cairo and fontconfig are opened only for a PDF (or copyfitting): without them the other
    /// formats still work, and a PDF gets one message saying what to install, not a crash.
    @Test func pdfWithoutCairoSaysWhatToInstall() throws {
        let dir = TemporaryDirectory("export")
        // The dynamic loader looks in LD_LIBRARY_PATH first: an empty libcairo.so.2 cannot be opened.
        _ = dir.write("lib/libcairo.so.2", "")
        let broken = ["LD_LIBRARY_PATH": dir.path + "/lib"]
        let pdf = try galley(["export", Self.article, "-o", "a1.pdf"], in: dir, environment: broken)
        #expect(pdf.status == 2, "\(pdf.stderr)")
        #expect(pdf.stderr.contains("libcairo.so.2") && pdf.stderr.contains("apt-get install libcairo2 libfontconfig1"), "\(pdf.stderr)")
        #expect(pdf.stderr.split(separator: "\n").count == 1, "one message: \(pdf.stderr)")
        #expect(dir.read("a1.pdf") == nil)
        let html = try galley(["export", Self.article, "-o", "a1.html"], in: dir, environment: broken)
        #expect(html.status == 0 && dir.read("a1.html")?.contains("<html") == true, "\(html.stderr)")
    }

    static let sample = projectRoot() + "/../shared/samples/000_582f17a897ff82ac.txt"

    @Test(.enabled(if: hasPoppler, "poppler-utils is not installed"),
          .enabled(if: FileManager.default.fileExists(atPath: sample), "../shared/samples is absent: the sample page is not exported"))
    func samplePageAsAnEightColumnPage() throws {
        let sample = Self.sample
        let dir = TemporaryDirectory("export")
        let r = try galley(["export", sample, "-o", "seed.pdf", "--columns", "8", "--lines", "70", "--measure", "14", "--option", "page=fit"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let text = try run("/usr/bin/pdftotext", ["seed.pdf", "-"], in: dir.path)
        let ink = { (s: String) in String(s.filter { !$0.isWhitespace }) }
        let original = try String(contentsOfFile: sample, encoding: .utf8)
        #expect(ink(text.stdout) == ink(original), "every character of the page, in column order")
    }

    @Test func refusals() throws {
        let dir = TemporaryDirectory("export")
        expectRefusal(try galley(["export", Self.article, "--format", "docx"], in: dir), mentioning: ["unknown format 'docx'", "txt, pdf, icml, html"])
        expectRefusal(try galley(["export", Self.article, "--format", "pdf", "--option", "grid=maybe", "-o", "x.pdf"], in: dir),
                      mentioning: ["option 'grid'", "true or false"])
        expectRefusal(try galley(["export", Self.article, "--format", "pdf", "--option", "page=letter", "-o", "x.pdf"], in: dir),
                      mentioning: ["option 'page'", "'letter'"])
        expectRefusal(try galley(["export", Self.article, "--format", "html", "--option", "size=9"], in: dir), mentioning: ["no option 'size'"])
        expectRefusal(try galley(["export", Self.article, "-o", "/nonexistent-dir/a.pdf"], in: dir), mentioning: ["/nonexistent-dir/a.pdf"])
        expectRefusal(try galley(["export", "missing.md"], in: dir), mentioning: ["missing.md", "no such file"])
        let gb = dir.write("gb.txt", bytes: [0xD6, 0xD0, 0xCE, 0xC4, 0xB8, 0xE5, 0xBC, 0xFE, 0x0A])  // 中文稿件 in GB18030
        expectRefusal(try galley(["export", gb], in: dir), mentioning: ["gb.txt", "GB18030"])
        let binary = dir.write("b.txt", bytes: [0x41, 0x00, 0x42])
        expectRefusal(try galley(["export", binary], in: dir), mentioning: ["binary"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".pdf") }.isEmpty)
    }

    @Test func noFontIsOneClearMessage() throws {
        let dir = TemporaryDirectory("export")
        // A fontconfig configuration without any font folder: nothing covers Chinese.
        let conf = dir.write("fonts.conf", "<?xml version=\"1.0\"?>\n<fontconfig><cachedir>\(dir.path)/cache</cachedir></fontconfig>\n")
        let r = try galley(["export", Self.article, "-o", "a.pdf"], in: dir, environment: ["FONTCONFIG_FILE": conf])
        expectRefusal(r, mentioning: ["no font with Chinese characters", "Noto Serif CJK SC"])
        #expect(r.stderr.contains("fonts-noto-cjk"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/a.pdf"))
    }

    @Test func pluginsListTheExporters() throws {
        let dir = TemporaryDirectory("export")
        let r = try galley(["plugins"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        for line in ["  pdf    layout.pdf", "  icml   layout.icml", "  txt    layout.txt", "  html   layout.html",
                     "--option page=a4", "--option grid=false", "--option cjk-attributes=false"] {
            #expect(r.stdout.contains(line), "missing '\(line)' in:\n\(r.stdout)")
        }
    }
}
