@testable import galley
import Testing

/// `galley checkin`'s quick parse must read every form it accepts exactly as swift-argument-parser
/// does, and leave everything else (help, errors, unusual spellings) to it.
@Suite struct CheckInQuickParseTests {
    func full(_ words: [String]) -> CheckInRequest? { (try? Galley.CheckIn.parse(words))?.request }

    @Test(arguments: [
        ["a.md", "-m", "msg"],
        ["-m", "改稿", "articles/2026-11-27/a.md", "articles/2026-11-27/b.md"],
        ["a.md", "--message", "x y", "--author", "陈立峰 <chen@example.com>"],
        ["a.md", "-m", "x", "--encoding", "gb18030"],
        ["a.md", "-m", "x", "--force", "--reason", "领导已审"],
        ["--force", "a.md", "--reason", "why", "-m", "x", "b.md"],
    ])
    func plainFormsReadAsTheFullParserReadsThem(words: [String]) throws {
        let quick = try #require(CheckInRequest(quick: words))
        #expect(quick == full(words))
    }

    @Test(arguments: [
        ["--help"], ["-h"], ["a.md"], ["-m", "x"], ["a.md", "-m"], ["a.md", "-m", "-x"], ["a.md", "-m", ""], [""],
        ["a.md", "--message=x"], ["a.md", "-mx"], ["a.md", "-m", "x", "-m", "y"], ["--", "a.md", "-m", "x"],
        ["a.md", "-m", "x", "--force"], ["a.md", "-m", "x", "--reason", "r"], ["a.md", "-m", "x", "--force", "--force", "--reason", "r"],
        ["a.md", "-m", "x", "--dry-run"], ["-a.md", "-m", "x"],
    ])
    func everythingElseIsLeftToTheFullParser(words: [String]) {
        #expect(CheckInRequest(quick: words) == nil)
    }

    @Test func theFullParserStillRefusesWhatTheQuickOneLeaves() {
        #expect(full(["a.md", "-m", "x", "--force"]) == nil)
        #expect(full(["a.md", "-m", "x", "--reason", "r"]) == nil)
        #expect(full(["a.md"]) == nil)
    }
}
