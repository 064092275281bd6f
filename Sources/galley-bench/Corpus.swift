#if canImport(Glibc)
import Glibc
#endif
import GalleyCore

/// SplitMix64: a small, fast generator whose sequence is fixed by its seed on every platform.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n`.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    mutating func inRange(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }
}

/// A deterministic corpus of realistic Chinese article files, about 2,000 bytes each.
///
/// Article `n` lives in issue folder `n / perIssue` (one issue a day from 2026-01-01), with id
/// `<yyyymmdd>-<nnn>`. Revision 0 is the original; revision r > 0 rewrites one paragraph and moves the
/// status along, as an editor would. The same (article, revision) always gives the same bytes.
struct Corpus {
    static let seed: UInt64 = 0x6761_6C6C_6579_2026  // "galley" 2026
    static let targetBytes = 2_000

    let perIssue: Int

    init(perIssue: Int = 100) { self.perIssue = perIssue }

    /// About 500 of the most common characters of written Chinese, without 等: after an ellipsis the
    /// each bench introduces, a random 等 is a finding (typography.deng-after-ellipsis) its history does not book.
    static let common = Array("""
        的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行\
        学法所民得经十三之进着部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外\
        天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情\
        者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角\
        期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交\
        受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节\
        话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备\
        半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片\
        始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞居民城镇供暖服务项目企业投资社区医院学校交通铁路港口农村
        """.filter { !$0.isWhitespace }).map { Array(String($0).utf8) }

    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程").map { Array(String($0).utf8) }
    static let sections = ["要闻", "经济", "社会", "文化", "体育", "国际", "评论", "科技", "城市", "民生"]
    static let roles = ["记者", "通讯员", "实习生"]
    static let statuses = ["draft", "submitted", "edited", "proofread", "approved", "published"]
    static let units = ["万元", "万人", "亿元", "公里", "平方米", "个", "家", "项", "%"]

    /// The newsroom's people who write: 150 reporters (记者), 40 correspondents (通讯员) and 10 interns
    /// (实习生), distinct names of one surname and one or two given characters. Each article's byline
    /// is one of them, and `rosterYAML` lists them all, as a newsroom's staff.yml does.
    static let staff: [(name: [UInt8], role: String)] = {
        var rng = SplitMix64(seed: seed ^ 0x7374_6166_66)  // "staff"
        var seen: Set<[UInt8]> = []
        var out: [([UInt8], String)] = []
        while out.count < 200 {
            let name = surnames[rng.below(surnames.count)] + han(&rng, 1...2)
            guard seen.insert(name).inserted else { continue }
            out.append((name, out.count < 150 ? roles[0] : out.count < 190 ? roles[1] : roles[2]))
        }
        return out
    }()

    /// staff.yml for the corpus's bylines, in the shape of Workspace/staff.yml.
    static func rosterYAML() -> String {
        var out = "# The bench's newsroom: the people whose bylines the generated articles carry.\nstaff:\n"
        for (name, role) in staff {
            out += "  - name: \(String(decoding: name, as: UTF8.self))\n    roles: [\(role)]\n"
            if role != "通讯员" { out += "    desk: \(role == "实习生" ? "社会新闻部" : "要闻部")\n" }
            out += "    aliases: []\n    active: {from: 2015-01-01, to: null}\n"
        }
        return out
    }

    static let firstIssueDay = CivilDate(year: 2026, month: 1, day: 1)!.daysSinceEpoch

    func issue(of article: Int) -> String {
        CivilDate(daysSinceEpoch: Corpus.firstIssueDay + article / perIssue).iso
    }

    func id(of article: Int) -> String {
        let date = issue(of: article).filter { $0 != "-" }
        let n = article % perIssue
        return date + "-" + (n < 10 ? "00" : n < 100 ? "0" : "") + "\(n)"
    }

    /// `articles/<issue>/<id>.md`, relative to the newsroom root.
    func path(of article: Int) -> String { "articles/\(issue(of: article))/\(id(of: article)).md" }

    /// The file's bytes at `revision` (0: as first written).
    func text(of article: Int, revision: Int = 0) -> [UInt8] {
        var rng = SplitMix64(seed: Corpus.seed ^ (UInt64(article) &* 0x100_0000_01B3))
        let issueDate = CivilDate(daysSinceEpoch: Corpus.firstIssueDay + article / perIssue)
        let (reporter, role) = Corpus.staff[rng.below(Corpus.staff.count)]
        let section = Corpus.sections[rng.below(Corpus.sections.count)]
        let page = "A\(1 + rng.below(16))"
        let headline = Self.han(&rng, 8...14)
        let paragraphs = rng.inRange(4...6)

        var out: [UInt8] = []
        out.reserveCapacity(Corpus.targetBytes + 400)
        func put(_ s: String) { out += Array(s.utf8) }
        put("---\nid: \(id(of: article))\nissue: \(issueDate.iso)\npage: \(page)\nsection: \(section)\n")
        put("genre: news\nstatus: \(Corpus.statuses[min(revision, Corpus.statuses.count - 1)])\nheadline: ")
        out += headline
        put("\ndateline: 本报讯\ncredits:\n  - {role: \(role), name: ")
        out += reporter
        put("}\n---\n")

        // Leave room for the opening 本报讯（…）日， and for each paragraph's last clause running past its share.
        let perParagraph = max(120, (Corpus.targetBytes - out.count - 50) / paragraphs - 40)
        // The paragraph a revision rewrites; every other paragraph keeps its original text.
        let revised = revision > 0 ? (revision - 1) % paragraphs : -1
        for p in 0..<paragraphs {
            var local = SplitMix64(seed: rng.next() ^ (p == revised ? UInt64(revision) &* 0xD6E8_FEB8_6659_FD93 : 0))
            if p == 0 {
                put("本报讯（\(role)")
                out += reporter
                put("）\(issueDate.month)月\(issueDate.day)日，")
            }
            Self.paragraph(into: &out, &local, bytes: perParagraph, month: issueDate.month)
            out.append(10)
            if p < paragraphs - 1 { out.append(10) }
        }
        return out
    }

    static func han(_ rng: inout SplitMix64, _ count: ClosedRange<Int>) -> [UInt8] {
        var out: [UInt8] = []
        for _ in 0..<rng.inRange(count) { out += common[rng.below(common.count)] }
        return out
    }

    /// Sentences of common characters with ，、。 and the odd quotation, date or figure, until the
    /// paragraph holds about `bytes` bytes.
    static func paragraph(into out: inout [UInt8], _ rng: inout SplitMix64, bytes: Int, month: Int) {
        let start = out.count
        while out.count - start < bytes {
            let clauses = rng.inRange(1...4)
            for c in 0..<clauses {
                // End the sentence early once the paragraph is long enough, so files stay near the target size.
                let last = c == clauses - 1 || out.count - start >= bytes - 40
                switch rng.below(10) {
                case 0: out += Array("\(month)月\(1 + rng.below(28))日".utf8)
                case 1: out += Array("\(1 + rng.below(999))\(units[rng.below(units.count)])".utf8)
                case 2:
                    out += Array("“".utf8)
                    out += han(&rng, 4...10)
                    out += Array("”".utf8)
                default: break
                }
                out += han(&rng, 2...4)
                if rng.below(4) == 0 {
                    out += Array("、".utf8)
                    out += han(&rng, 2...4)
                }
                out += han(&rng, 3...9)
                out += Array((last ? "。" : "，").utf8)
                if last { break }
            }
        }
    }
}

/// The few file operations the bench needs, on plain POSIX.
enum Disk {
    static func write(_ path: String, _ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BenchError("\(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw BenchError("\(path): \(String(cString: strerror(errno)))") }
                done += n
            }
        }
    }

    /// The whole file, or nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { return out }
            out += chunk[..<n]
        }
    }

    static func makeDirectories(_ path: String) throws {
        var current = ""
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw BenchError("\(current): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Writes `corpus` article `n` at `revision` under `root`, making its issue folder as needed.
    static func writeArticle(_ corpus: Corpus, _ n: Int, revision: Int = 0, root: String) throws {
        let path = root + "/" + corpus.path(of: n)
        if n % corpus.perIssue == 0 || revision > 0 {
            try makeDirectories(String(path[..<path.lastIndex(of: "/")!]))
        }
        try write(path, corpus.text(of: n, revision: revision))
    }

    /// A new, empty folder `/tmp/galley-bench-XXXXXX`.
    static func makeScratch() throws -> String {
        var template = Array("/tmp/galley-bench-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw BenchError("mkdtemp: \(String(cString: strerror(errno)))") }
        return String(cString: made)
    }

    /// Removes a scratch folder (refuses anything outside `/tmp/galley-bench-`), unless GALLEY_BENCH_KEEP asks to keep them all for profiling.
    static func removeScratch(_ path: String) {
        guard getenv("GALLEY_BENCH_KEEP") == nil, path.hasPrefix("/tmp/galley-bench-"), !path.contains("/../") else { return }
        removeTree(path)
    }

    private static func removeTree(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            for name in list(path) { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// The names in a folder (without . and ..), empty when it cannot be read.
    static func list(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
