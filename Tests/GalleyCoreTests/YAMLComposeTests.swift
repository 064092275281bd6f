@testable import GalleyCore
import Foundation
import GalleyTestSupport
import Testing
import Yams

/// `YAML.compose` picks a cheaper resolver when the text has no tags; what Galley reads must not change.
@Suite struct YAMLComposeTests {
    /// Scalars' text, sequences and mappings with their lines: everything Galley reads from a node.
    func render(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        switch node {
        case .scalar(let s, let line): return "\(line):'\(s)'"
        case .sequence(let items, let line): return "\(line):[" + items.map { render($0) }.joined(separator: ",") + "]"
        case .mapping(let pairs, let line): return "\(line):{" + pairs.map { "\($0.key)=" + render($0.value) }.joined(separator: ",") + "}"
        }
    }

    func outcome(_ body: () throws -> Node?) -> String {
        do { return render(try body().map(YAMLNode.convert)) } catch { return "error: \(error)" }
    }

    static let documents = [
        "newsroom: 滨江日报\nstatuses: [draft, submitted]\n",
        "rules:\n  typography.dash-form: {severity: warning}\n  typography.ellipsis-form: false\n  1: x\n  0x1: y\n  1.0: z\n",
        "a: 1\na: 2\n", "true: 1\nyes: 2\nTrue: 3\n", "~: a\nnull: b\n'': c\n", "<<: {a: 1}\nb: 2\n", "<<: {a: 1}\n<<: {b: 2}\n",
        "x: &a [1, 2]\ny: *a\n", "k: 2026-11-27\nk2: 2026-11-27T10:00:00Z\n", "'a': 1\na: 2\n", "\"1\": x\n1: y\n",
        "plugins:\n  external:\n    - name: house-style\n      command: [\"python3\", \"tools/house_style.py\"]\n      timeout: 10\n",
        "a: [1, 2\n", "- a\n- b\n", "a:\n  - {role: 记者, name: 陈立峰}\n  - {role: 记者, name: 陈立峰}\n", "=: v\n=: w\n",
        "!!str 1: x\n1: y\n", "a: !!int 5\n", "!!str true: a\ntrue: b\n", "? |\n  1\n: x\n1: y\n", "? >\n  1\n: x\n1: y\n",
        "'1': x\n1: y\n", "# it's a comment\n'1': x\n1: y\n", "a: x # it's\n'1': x\n1: y\n", "a: b#'c\n1: x\n'1': y\n", "? [1]\n: a\n? [\"1\"]\n: b\n", "? [1]\n: a\n? [1]\n: b\n",
        "- {wrong: x, followed-by: [<数字>, 目前]}\n", "a: b 'c'\n'1': x\n1: y\n", "? &k '1'\n: x\n1: y\n", "a: [x, '1']\n'1': x\n1: y\n",
        "{'1': x, 1: y}\n", "1: a\r\"1\": b\n", "1: a\u{2028}\"1\": b\n", "1: a\u{2029}\"1\": b\n", "1: a\u{85}\"1\": b\n",
        "# c\r\"1\": a\n1: b\n", "a: “引号”\n\"1\": x\n1: y\n", "- 'a'\n- a\n", "a: foo\n  '1'\n'1': x\n1: y\n", "a:\t'1'\n'1': x\n1: y\n",
    ]

    @Test func commentsDoNotCount() {
        #expect(!YAML.hasTypedScalars("# The newsroom's configuration.\nnewsroom: x # it's\nstatuses: [a, b]\n"))
        #expect(!YAML.hasTypedScalars("a: b#'c\n"))  // the quote is text inside the plain scalar b#'c
        #expect(YAML.hasTypedScalars("a: 'b' # c\n"))
        #expect(!YAML.hasTypedScalars(Configuration.template))
        #expect(!YAML.hasTypedScalars("terms:\n  - {wrong: 截止, followed-by: [<数字>, 目前]}\n  - {wrong: a, note: it's b}\n"))
        #expect(YAML.hasTypedScalars("a: [x, 'y']\n"))
        #expect(YAML.hasTypedScalars("? &k x\n: y\n"))
        #expect(YAML.hasTypedScalars("- >\n  folded\n"))
    }

    @Test(arguments: documents)
    func sameAsTheDefaultResolver(_ text: String) {
        let reference = outcome { try Yams.compose(yaml: text, .default, .default, .utf8) }
        #expect(outcome { try YAML.compose(text) } == reference)
    }

    /// The roster, people and term lists Galley ships are read at every check-in: they must take the
    /// cheap path, and give what the default resolver gives.
    @Test func theShippedFilesNeedNoRegularExpressions() throws {
        let workspace = projectRoot() + "/Workspace/"
        let terms = try FileManager.default.contentsOfDirectory(atPath: workspace + "terms").filter { $0.hasSuffix(".yml") }.map { "terms/" + $0 }
        #expect(terms.count >= 5)
        for name in ["galley.yml", "staff.yml", "people.yml"] + terms {
            let text = try String(contentsOfFile: workspace + name, encoding: .utf8)
            // galley.yml quotes the external plugin's command line, as the README shows it.
            #expect(YAML.hasTypedScalars(text) == (name == "galley.yml"), "\(name)")
            #expect(outcome { try YAML.compose(text) } == outcome { try Yams.compose(yaml: text, .default, .default, .utf8) }, "\(name)")
        }
    }
}
