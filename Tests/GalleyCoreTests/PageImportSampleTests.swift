import Foundation
import GalleyCore
import GalleyTestSupport
import Testing

/// `galley import` on a real page of a local daily, read from ../shared/samples (never copied here).
@Suite struct PageImportSampleTests {
    static let samplePath = projectRoot() + "/../shared/samples/000_582f17a897ff82ac.txt"
    static let present = FileManager.default.fileExists(atPath: samplePath)

    static func importSample() throws -> (page: String, result: PageImport) {
        let data = try #require(FileManager.default.contents(atPath: samplePath))
        let page = try SourceText.decode(Array(data), path: "sample").text
        return (page, PageImporter.read(page, options: ImportOptions(issue: CivilDate(iso: "2021-12-28")!, page: "1")))
    }

    @Test(.enabled(if: present, "../shared/samples is absent: sample-page import not checked"))
    func tenPiecesInPageOrderWithTheirHeadlines() throws {
        let (_, result) = try Self.importSample()
        #expect(result.headlineSide == .after)
        #expect(result.articles.map(\.genre) == Array(repeating: .news, count: 8) + [.interview, .caption])
        #expect(result.articles.map(\.id) == (1...10).map { String(format: "20211228-1-%02d", $0) })
        let headlines = result.articles.map { $0.headline?.string }
        #expect(headlines == [
            nil, "示范区党政联席会议召开", "示范区召开专题会议安排部署迎接省委生态环境保护督察工作",
            "吕沛到文昌街道北高村走访慰问受灾困难群众", "平顶山高新区考察团莅临示范区考察交流",
            "市委党校教授到阳庙镇宣讲党的十九届六中全会精神", "省科技厅专家莅临示范区考察孵化载体培育工作",
            "示范区高质量开展“万人助万企”活动为企业争取荣誉引得“金渠”", "落实“五个报备”做好“双节”防控", nil,
        ])
        #expect(result.articles[8].subheadline?.string == "——示范区卫健委党组书记、主任王小燕就做好元旦春节疫情防控工作答记者问")
        // Each article's body begins with its own opening, so no headline went to a neighbour.
        #expect(result.articles[1].body.hasPrefix("本报讯（记者郭树勋）12月27日，示范区（高新区）党工委书记吕沛主持召开党政联席会议"))
        #expect(result.articles[4].body.hasPrefix("本报讯（记者付凯明）12月27日上午，由平顶山高新区"))
        #expect(result.articles[8].body.hasPrefix("本报记者 付凯明\n\n元旦、春节的脚步越来越近"))
        #expect(result.articles[9].body.hasPrefix("昨日，示范区老农民种植专业合作社的工人在修剪火龙果枝条。"))
    }

    @Test(.enabled(if: present, "../shared/samples is absent: sample-page import not checked"))
    func everyCreditIsParsed() throws {
        let (_, result) = try Self.importSample()
        let guo = Credit(role: "记者", name: "郭树勋"), fu = Credit(role: "记者", name: "付凯明")
        #expect(result.articles.map(\.credits) == [[guo], [guo], [guo, fu], [guo], [fu], [fu], [fu], [guo], [fu], []])
        #expect(result.articles.prefix(8).allSatisfy { $0.dateline == "本报讯" })
        #expect(result.articles[8].dateline == nil)
    }

    @Test(.enabled(if: present, "../shared/samples is absent: sample-page import not checked"))
    func bodiesAreFreeOfColumnAndJustificationDamage() throws {
        let (_, result) = try Self.importSample()
        let all = result.articles.map(\.body).joined(separator: "\n\n")
        for whole in ["宫卫红", "要紧盯重点人群“防”，做好", "区属国有企业安全生产职责清单", "付凯明）12月25日上午",
                      "第三批专精特新“小巨人”企业", "省级智能车间；千年冷链、", "7.04亿元", "4070.65万元", "“焦我办”APP上"] {
            #expect(all.contains(whole), "\(whole) is not whole")
        }
        // No space is left next to a Chinese character, except in the byline line `本报记者 付凯明`.
        for paragraph in result.articles.flatMap(\.paragraphs) where !paragraph.string.hasPrefix("本报记者") {
            let c = paragraph.characters
            for i in c.indices where c[i] == " " {
                #expect(c[i - 1].isASCII && c[i + 1].isASCII, "space between \(c[i - 1]) and \(c[i + 1])")
            }
        }
        for article in result.articles {
            #expect(article.paragraphs.allSatisfy { !$0.string.contains("\n") })
        }
        #expect(result.articles.map(\.paragraphs.count) == [6, 4, 4, 4, 3, 2, 2, 3, 10, 2])
    }

    @Test(.enabled(if: present, "../shared/samples is absent: sample-page import not checked"))
    func warnsAboutTheMissingHeadlinesAndNothingElse() throws {
        let (_, result) = try Self.importSample()
        #expect(result.warnings.map(\.line) == [1, 515])
        #expect(result.warnings[0].message.contains("没有标题"))
    }

    @Test(.enabled(if: present, "../shared/samples is absent: sample-page import not checked"))
    func noTextIsLostOrDuplicated() throws {
        let (page, result) = try Self.importSample()
        expectNoLoss(page: page, result)
    }
}

/// Every non-space character of the page is used exactly once, by an article field or a warning.
func expectNoLoss(page: String, _ result: PageImport, sourceLocation: SourceLocation = #_sourceLocation) {
    var expected: Set<SourcePosition> = []
    for (n, line) in page.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        for (c, character) in line.enumerated() where !(character.isWhitespace) {
            expected.insert(SourcePosition(line: n + 1, column: c + 1))
        }
    }
    let used = result.usedPositions()
    let missing = expected.subtracting(used.keys).sorted()
    let extra = Set(used.keys).subtracting(expected)
    let twice = used.filter { $0.value > 1 }.keys.sorted()
    #expect(missing.isEmpty, "lost: \(missing.prefix(5))", sourceLocation: sourceLocation)
    #expect(extra.isEmpty, "invented: \(extra.prefix(5))", sourceLocation: sourceLocation)
    #expect(twice.isEmpty, "duplicated: \(twice.prefix(5))", sourceLocation: sourceLocation)
    // The same as characters: the page's non-space characters, as a multiset, are the output's.
    var pageCount: [Character: Int] = [:]
    for c in page where !c.isWhitespace { pageCount[c, default: 0] += 1 }
    var outCount: [Character: Int] = [:]
    for a in result.articles {
        for text in [a.kicker, a.headline, a.subheadline].compactMap({ $0 }) + a.paragraphs {
            for c in text.characters where !c.isWhitespace { outCount[c, default: 0] += 1 }
        }
    }
    for w in result.warnings { for c in w.text?.characters ?? [] where !c.isWhitespace { outCount[c, default: 0] += 1 } }
    #expect(pageCount == outCount, sourceLocation: sourceLocation)
}
