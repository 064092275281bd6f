import GalleyCore
import Testing

/// The engine on small texts whose lines were worked out by hand.
@Suite struct LayoutEngineTests {
    static func set(_ text: String, measure: Int, indent: Int = 0, level: ProhibitionLevel = .gb,
                    resolution: ProhibitionResolution = .pushOut, role: BlockRole = .body) -> TypesetStory
    {
        let settings = LayoutSettings(measure: measure, indent: indent, prohibition: level, resolution: resolution)
        return Typesetter.typeset(StoryText(blocks: [.init(role: role, text: text)]), settings: settings)
    }

    static func lines(_ story: TypesetStory) -> [String] { story.lines.map(\.text) }

    @Test func dashesEllipsesNumbersAndWordsAreOneUnit() {
        let line = Self.set("他说——好……对", measure: 20).lines[0]
        #expect(line.units.map(\.text) == ["他", "说", "——", "好", "……", "对"])
        #expect(line.units.map(\.width) == [1, 1, 2, 1, 2, 1])
        let numbers = Self.set("增长12.5%，达4,070.65亿元，¥100元，COVID-19，36.5℃", measure: 40).lines[0]
        let latin = numbers.units.filter(\.isLatin)
        #expect(latin.map(\.text) == ["12.5%", "4,070.65", "¥100", "COVID-19", "36.5℃"])
        #expect(latin.map(\.width) == [2.5, 4, 2, 4, 3])
        #expect(numbers.units.first { $0.text == "，" }?.isLatin == false)
        // A currency code and its sign go with the amount.
        let money = Self.set("融资US$450万，HK$100", measure: 40).lines[0]
        #expect(money.units.filter(\.isLatin).map(\.text) == ["US$450", "HK$100"])
    }

    @Test func bodyParagraphsStartWithTheIndentAndLinesFillTheMeasure() {
        let story = Self.set("一二三四五六七八九十甲乙丙丁", measure: 6, indent: 2)
        #expect(Self.lines(story) == ["一二三四", "五六七八九十", "甲乙丙丁"])
        #expect(story.lines[0].units.map(\.x) == [2, 3, 4, 5])
        #expect(story.lines[1].units.first?.x == 0)
        #expect(story.lines.map(\.setWidth) == [6, 6, 4])
        #expect(story.lines.map(\.isBlockEnd) == [false, false, true])
        let headline = Self.set("一二三四五六七八", measure: 6, indent: 2, role: .headline)
        // 2.2 × the body size: floor(6 / 2.2) = 2 cells, and no indent.
        #expect(Self.lines(headline) == ["一二", "三四", "五六", "七八"])
        #expect(headline.lines[0].units.first?.x == 0)
    }

    @Test func pushOutCarriesTheLastCharacterAndSpreadsTheLine() {
        let story = Self.set("一二三四五，六七", measure: 5)
        #expect(Self.lines(story) == ["一二三四", "五，六七"])
        let first = story.lines[0]
        #expect(first.flags == [.pushedOut, .loose])  // 1 em over 3 gaps: ⅓ em each
        for (unit, x) in zip(first.units, [0, 4.0 / 3, 8.0 / 3, 4]) { #expect(abs(unit.x - x) < 1e-12) }
        #expect(first.naturalWidth == 4 && first.setWidth == 5)
        // An opening mark does not end a line: it goes down with the character it opens.
        #expect(Self.lines(Self.set("一二三四“五”", measure: 5)) == ["一二三四", "“五”"])
    }

    @Test func squeezePullsTheMarkBackByCLREQPriority() {
        let story = Self.set("一二、三四，五", measure: 5, resolution: .squeeze)
        #expect(Self.lines(story) == ["一二、三四，", "五"])
        let first = story.lines[0]
        #expect(first.flags == [.squeezed])
        // The line-end `，` gives its half em first, then the `、` inside the line.
        #expect(first.units.map(\.width) == [1, 1, 0.5, 1, 1, 0.5])
        #expect(first.units.map(\.x) == [0, 1, 2, 2.5, 3.5, 4.5])
        #expect(Self.lines(Self.set("一二、三四，五", measure: 5)) == ["一二、三", "四，五"])
        // Nothing to squeeze: push out after all.
        #expect(Self.lines(Self.set("一二三四五，六", measure: 5, resolution: .squeeze)) == ["一二三四", "五，六"])
    }

    @Test func adjacentMarksTakeOneAndAHalfEmWhenCompressed() {
        let squeezed = Self.set("他说：“好。”", measure: 20, indent: 2, resolution: .squeeze).lines[0]
        #expect(squeezed.units.map(\.width) == [1, 1, 0.5, 1, 1, 0.5, 1])
        #expect(squeezed.naturalWidth == 8)
        let brackets = Self.set("（“好”）", measure: 20, resolution: .squeeze).lines[0]
        #expect(brackets.units.map(\.width) == [1, 0.5, 1, 0.5, 1])
        #expect(brackets.units.map(\.trimmedLeft) == [0, 0.5, 0, 0, 0])
        // The default follows the sample page: full width everywhere, unless asked.
        #expect(Self.set("他说：“好。”", measure: 20, indent: 2).lines[0].naturalWidth == 9)
        var settings = LayoutSettings(measure: 20, indent: 0)
        settings.compressAdjacentPunctuation = true
        let asked = Typesetter.typeset(StoryText(blocks: [.init(role: .body, text: "好。”")]), settings: settings)
        #expect(asked.lines[0].naturalWidth == 2.5)
    }

    @Test func levelsDifferOnSolidusAndDashes() {
        #expect(Self.lines(Self.set("一二三四/五", measure: 5, level: .basic)) == ["一二三四/", "五"])
        #expect(Self.lines(Self.set("一二三四/五", measure: 5, level: .gb)) == ["一二三", "四/五"])
        #expect(Self.lines(Self.set("一二三四——五", measure: 5, level: .gb)) == ["一二三四", "——五"])
        #expect(Self.lines(Self.set("一二三四——五", measure: 5, level: .strict)) == ["一二三", "四——五"])
    }

    @Test func wordSpacesHangAndLatinWordsStayWhole() {
        let story = Self.set("Hello World 你好", measure: 4)
        #expect(Self.lines(story) == ["Hello ", "World 你", "好"])
        #expect(story.lines[0].flags.contains(.loose))  // one word cannot be spread
        #expect(story.lines[1].units.map(\.x) == [0, 2.5, 3])
    }

    @Test func overlongUnitsAreOverfullAndNeverLoop() {
        let story = Self.set("汉abcdefghijklmnopqrstuvwxyz。字", measure: 10)
        #expect(Self.lines(story) == ["汉", "abcdefghijklmnopqrstuvwxyz。", "字"])
        #expect(story.lines[1].flags == [.overfull])
        #expect(story.lines[1].setWidth == 14)
        for measure in 1...4 {
            for resolution in ProhibitionResolution.allCases {
                let text = "他说：“好。”——对！《书》/（注）1,200.5%"
                let story = Self.set(text, measure: measure, indent: 2, level: .strict, resolution: resolution)
                #expect(story.lines.map(\.text).joined() == text)
                let problems = LayoutInvariants.problems(story, text: StoryText(blocks: [.init(role: .body, text: text)]))
                #expect(problems.isEmpty, "\(measure) em \(resolution): \(problems)")
            }
        }
    }

    @Test func emptySingleAndHugeTexts() {
        #expect(Typesetter.typeset(StoryText(blocks: []), settings: LayoutSettings()).lines.isEmpty)
        #expect(Self.set("", measure: 13).lines.isEmpty)
        let one = Self.set("好", measure: 13, indent: 2).lines
        #expect(one.count == 1 && one[0].units[0].x == 2 && one[0].naturalWidth == 3 && one[0].isBlockEnd)
        let huge = String(repeating: "中文排版，", count: 40_000)
        let story = Self.set(huge, measure: 13, indent: 2)
        // 200,000 cells after a 2-cell indent, 13 a line; a push-out carries one character, so no line
        // but the last holds fewer than 12.
        #expect(story.lines.map(\.text).joined() == huge)
        #expect(story.lines.count >= 200_002 / 13 + 1 && story.lines.count <= 200_002 / 12 + 1, "\(story.lines.count)")
        #expect(story.lines.dropLast().allSatisfy { $0.naturalWidth >= 12 })
        let problems = LayoutInvariants.problems(story, text: StoryText(blocks: [.init(role: .body, text: huge)]))
        #expect(problems.isEmpty, "\(problems.prefix(3))")
        let zero = Typesetter.typeset(StoryText(blocks: [.init(role: .body, text: "一二三")]), settings: LayoutSettings(measure: 0))
        #expect(zero.lines.map(\.text) == ["一", "二", "三"])
    }
}
