import GalleyCore
import GalleyTestSupport
import Testing

/// Pages written for these tests: other column widths, headlines before their articles, other openings.
@Suite struct PageImportTests {
    static let options = ImportOptions(issue: CivilDate(iso: "2026-11-28")!, page: "A3")

    /// Headlines printed before their articles, a 新华社 wire story, a 本报…电 opening with two roles,
    /// a 图为 caption, and a last headline with nothing under it.
    static let headlinesBefore = """
    滨江新区启动冬季
    供暖设施改造

    本报北京11月27日电（记者 赵 敏 通讯员 钱 进）
    11月26日，滨江新区
    城市管理局召开冬季供
    暖工作推进会，部署老
    旧小区管网改造工作。

    今年全区计划改造供热
    管网 12.6 公里，涉及
    小区 38 个，惠及居民
    约 2.1 万户。目前已完
    工 9 个小区，剩余工程

    将于12月中旬前全部完
    成。

    新华社发布能源数据
    ——全国冬季用电负荷创新高

    新华社北京11月28日电（记者李文）国家能源局
    28日发布数据，11月全国最大电力负荷同比增长
    6.2%。

    湿地公园迎来候鸟

    图为市民在湿地公园观
    鸟。

    下期预告

    """

    @Test func headlinesBeforeTheirArticles() {
        let result = PageImporter.read(Self.headlinesBefore, options: Self.options)
        #expect(result.headlineSide == .before)
        #expect(result.articles.map { $0.headline?.string } == ["滨江新区启动冬季供暖设施改造", "新华社发布能源数据", "湿地公园迎来候鸟"])
        #expect(result.articles[1].subheadline?.string == "——全国冬季用电负荷创新高")
        #expect(result.articles.map(\.genre) == [.news, .news, .caption])
        #expect(result.articles.map(\.dateline) == ["本报北京11月27日电", "新华社北京11月28日电", nil])
        #expect(result.articles[0].credits == [Credit(role: "记者", name: "赵敏"), Credit(role: "通讯员", name: "钱进")])
        #expect(result.articles[1].credits == [Credit(role: "记者", name: "李文")])
        #expect(result.articles[0].paragraphs.map(\.string) == [
            "本报北京11月27日电（记者赵敏通讯员钱进）11月26日，滨江新区城市管理局召开冬季供暖工作推进会，部署老旧小区管网改造工作。",
            "今年全区计划改造供热管网12.6公里，涉及小区38个，惠及居民约2.1万户。目前已完工9个小区，剩余工程将于12月中旬前全部完成。",
        ])
        #expect(result.articles[2].body == "图为市民在湿地公园观鸟。")
        #expect(result.articles.map(\.id) == ["20261128-a3-01", "20261128-a3-02", "20261128-a3-03"])
        #expect(result.articles[0].sourceLines == 1...17)
    }

    @Test func aHeadlineWithNothingUnderItIsAWarningThatKeepsItsText() {
        let result = PageImporter.read(Self.headlinesBefore, options: Self.options)
        let unattached = result.warnings.filter { $0.text != nil }
        #expect(unattached.count == 1)
        #expect(unattached.first?.text?.string == "下期预告")
        #expect(unattached.first?.line == 31)
        expectNoLoss(page: Self.headlinesBefore, result)
    }

    /// Headlines after their articles; a name, a number and a Latin name split across lines and columns.
    static let splits = """
    本报讯（记者王海
    滔）11月26日，滨江

    新区举行冬季长跑赛，
    参赛人数达20
    26人。赛事计时由 LumiCore
    Edge 系统完成。

    长跑赛暨全民健身日启幕

    本报讯（记者周雅琴）11
    月26日，滨江新区举行冬
    季长跑赛，近三千名市民
    参加，赛事设全程半程。

    赛事分全程和半程两个组
    别。

    比赛当天气温较低，
    选手注意保暖。
    """

    @Test func splitNamesNumbersAndWordsAreRejoined() {
        let result = PageImporter.read(Self.splits, options: Self.options)
        #expect(result.headlineSide == .after)
        #expect(result.articles.count == 2)
        #expect(result.articles[0].body == "本报讯（记者王海滔）11月26日，滨江新区举行冬季长跑赛，参赛人数达2026人。赛事计时由LumiCore Edge系统完成。")
        #expect(result.articles[0].headline?.string == "长跑赛暨全民健身日启幕")
        #expect(result.articles[0].credits == [Credit(role: "记者", name: "王海滔")])
        expectNoLoss(page: Self.splits, result)
    }

    @Test func aColumnBreakAfterAFullSentenceIsAGuessedJoinWithAWarning() {
        let result = PageImporter.read(Self.splits, options: Self.options)
        let second = result.articles[1]
        // `…半程。` fills its line and the next block is not indented: carried over, and said so.
        #expect(second.paragraphs.map(\.string) == [
            "本报讯（记者周雅琴）11月26日，滨江新区举行冬季长跑赛，近三千名市民参加，赛事设全程半程。赛事分全程和半程两个组别。",
            "比赛当天气温较低，选手注意保暖。",
        ])
        let guessed = result.warnings.filter { $0.message.contains("转栏接排") }
        #expect(guessed.map(\.line) == [16])
        // The second has no headline on the page (after-mode, none follows it).
        #expect(second.headline == nil)
        #expect(result.warnings.contains { $0.line == 11 && $0.message.contains("没有标题") })
    }

    @Test func aPageWithoutOpeningsIsOnePieceWithAWarning() {
        let page = "滨江新区今年\n新建口袋公园二十\n处。\n\n市民可就近休\n闲健身。\n"
        let result = PageImporter.read(page, options: Self.options)
        #expect(result.articles.count == 1)
        #expect(result.articles[0].paragraphs.map(\.string) == ["滨江新区今年新建口袋公园二十处。", "市民可就近休闲健身。"])
        #expect(result.warnings.contains { $0.message.contains("没有可识别的稿件开头") })
        expectNoLoss(page: page, result)
    }

    @Test func aStandaloneBylineWithoutQuestionsIsAFeature() {
        let page = "本报记者 周雅琴\n\n清晨六点，江湾路早市\n已经热闹起来。\n\n摊主老陈说，今年\n的蜜橘卖得好。\n\n早市里的烟火气\n"
        let result = PageImporter.read(page, options: Self.options)
        #expect(result.articles.count == 1)
        #expect(result.articles[0].genre == .feature)
        #expect(result.articles[0].credits == [Credit(role: "记者", name: "周雅琴")])
        #expect(result.articles[0].paragraphs.first?.string == "本报记者 周雅琴")
        #expect(result.articles[0].headline?.string == "早市里的烟火气")
        expectNoLoss(page: page, result)
    }

    @Test func aPhotoCreditStaysItsOwnParagraphAndCreditsTheCaption() {
        let page = "滨江湿地迎来白鹭\n\n昨日，市民在滨\n江湿地公园观赏\n越冬的白鹭。\n\n本报记者 蒋一帆 摄\n"
        let result = PageImporter.read(page, options: Self.options)
        #expect(result.articles.count == 1)
        #expect(result.articles[0].genre == .caption)
        #expect(result.articles[0].paragraphs.map(\.string) == ["昨日，市民在滨江湿地公园观赏越冬的白鹭。", "本报记者 蒋一帆 摄"])
        #expect(result.articles[0].credits == [Credit(role: "摄影记者", name: "蒋一帆")])
        #expect(result.articles[0].headline?.string == "滨江湿地迎来白鹭")
        #expect(!result.warnings.contains { $0.message.contains("转栏") })
        expectNoLoss(page: page, result)
    }

    @Test func aBylineWithTwoRolesOrTwoNamesKeepsItsFormAndEveryCredit() {
        let page = "本报记者 王海滔 通讯员 李明\n\n清晨六点，江湾路早市\n已经热闹起来。\n\n本报记者 张三、李四\n\n老街换新颜，居民\n笑开颜。\n"
        let result = PageImporter.read(page, options: Self.options)
        #expect(result.articles.count == 2)
        #expect(result.articles[0].credits == [Credit(role: "记者", name: "王海滔"), Credit(role: "通讯员", name: "李明")])
        #expect(result.articles[0].paragraphs.first?.string == "本报记者 王海滔 通讯员 李明")
        #expect(result.articles[1].credits == [Credit(role: "记者", name: "张三"), Credit(role: "记者", name: "李四")])
        #expect(result.articles[1].paragraphs.first?.string == "本报记者 张三、李四")
        expectNoLoss(page: page, result)
    }

    @Test func pdftotextPageBreaksAreLayoutNotText() {
        let page = "本报讯（记者王海滔）11月26日，滨江\n新区举行冬季长跑赛。\n\u{0C}\n长跑赛开跑\n\u{0C}"
        let result = PageImporter.read(page, options: Self.options)
        #expect(result.articles.map { $0.headline?.string } == ["长跑赛开跑"])
        #expect(result.articles[0].body == "本报讯（记者王海滔）11月26日，滨江新区举行冬季长跑赛。")
        #expect(result.warnings.isEmpty)
    }

    @Test func unreadableCreditsAreAWarningNotAGuess() {
        let page = "本报讯（本报综合报道）近日，滨江新区\n发布冬季出行提示。\n"
        let result = PageImporter.read(page, options: Self.options)
        #expect(result.articles[0].dateline == "本报讯")
        #expect(result.articles[0].credits.isEmpty)
        #expect(result.warnings.contains { $0.message.contains("本报综合报道") })
    }

    @Test func anExplicitSideOverridesTheGuess() {
        // The same page read as `after`: the first headline has nothing before it and is kept in a warning.
        let result = PageImporter.read(Self.headlinesBefore, options: ImportOptions(issue: Self.options.issue, page: "A3", headlineSide: .after))
        #expect(result.headlineSide == .after)
        #expect(result.warnings.contains { $0.text?.string == "滨江新区启动冬季供暖设施改造" })
        expectNoLoss(page: Self.headlinesBefore, result)
    }
}

/// Pages made of shuffled pieces of the test pages and odd lines: the importer never traps, and the
/// no-loss property holds whatever it makes of them.
@Suite struct PageImportRobustnessTests {
    @Test func shuffledPagesLoseNothing() {
        let pool = (PageImportTests.headlinesBefore + "\n" + PageImportTests.splits).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            + ["", "", "——", "本报讯", "本报讯（", "（）", "本报记者", "本报记者 甲", "  ", "。。。", "”，", "a b  c", "１２３", "\u{3000}\u{3000}正文",
               "图为", "昨日，", "新华社北京1月1日电（记者）", "😀 表情 ", "\t制表\t符", "摄", "本报记者 蒋一帆 摄"]
        var rng = SeededRandom(seed: 2026)
        for _ in 0..<120 {
            let count = Int.random(in: 0...40, using: &rng)
            let page = (0..<count).map { _ in pool.randomElement(using: &rng)! }.joined(separator: "\n")
            for side in HeadlineSide.allCases {
                let result = PageImporter.read(page, options: ImportOptions(issue: PageImportTests.options.issue, headlineSide: side))
                expectNoLoss(page: page, result)
                #expect(Set(result.articles.map(\.id)).count == result.articles.count)
            }
        }
    }
}
