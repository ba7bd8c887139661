import MediationService
import Testing

@Suite("Time spans")
struct TimeSpanTests {
    @Test(arguments: [
        ("30s", 30.0), ("30", 30), ("5min", 300), ("5m", 300), ("1h 30min", 5_400), ("1h30min", 5_400),
        ("500ms", 0.5), ("2d", 172_800), ("0", 0), ("1.5h", 5_400),
    ])
    func systemdNotationIsUnderstood(text: String, seconds: Double) {
        #expect(TimeSpan.seconds(text) == seconds)
    }

    @Test(arguments: ["", "soon", "5 fortnights", "min", "1h x"])
    func anythingElseIsRefused(text: String) {
        #expect(TimeSpan.seconds(text) == nil)
    }

    @Test func formattingReadsBack() {
        for seconds in [0.0, 0.25, 1, 1.5, 59, 60, 90, 3_600, 86_461] {
            #expect(TimeSpan.seconds(TimeSpan.format(seconds: seconds)) == seconds)
        }
        #expect(TimeSpan.format(seconds: 5_400) == "1h 30min")
        #expect(TimeSpan.format(seconds: 1.5) == "1s 500ms", "was 2s: a second's fraction was rounded away")
    }
}
