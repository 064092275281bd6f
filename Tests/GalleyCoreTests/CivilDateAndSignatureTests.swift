import GalleyCore
import Testing

@Suite struct CivilDateAndSignatureTests {
    @Test func roundTripsThroughDays() throws {
        let d = try #require(CivilDate(iso: "2026-11-27"))
        #expect(CivilDate(daysSinceEpoch: d.daysSinceEpoch) == d)
        #expect(CivilDate(daysSinceEpoch: 0).iso == "1970-01-01")
        #expect(CivilDate(iso: "2024-02-29") != nil)
        #expect(CivilDate(iso: "2026-02-29") == nil)
        #expect(CivilDate(iso: "2026-1-5") == nil)
    }

    @Test func parsesAuthor() throws {
        let s = try #require(Signature.parse("冯静怡 <feng@example.com>", time: 0, offsetMinutes: 480))
        #expect(s.name == "冯静怡")
        #expect(s.email == "feng@example.com")
        #expect(Signature.parse("no email", time: 0, offsetMinutes: 0) == nil)
        #expect(Signature.parse("<x@y>", time: 0, offsetMinutes: 0) == nil)
    }

    @Test func iso8601UsesTheSignatureOffset() {
        let s = Signature(name: "a", email: "b", time: 1_795_500_000, offsetMinutes: 480)
        #expect(s.iso8601 == "2026-11-24T14:00:00+08:00")
    }
}
