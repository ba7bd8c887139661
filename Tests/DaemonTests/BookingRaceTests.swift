import Foundation
import TestSupport
import Testing

/// Many mediators' clients booking at once: the daemon must never hand out a slot twice.
@Suite("Booking races", .timeLimit(.minutes(3)))
struct BookingRaceTests {
    private func call(_ daemon: DaemonHarness, _ method: String, _ parameters: String) async throws -> JSONObject {
        let socket = try RawVarlinkSocket(path: daemon.socketPath)
        try await socket.send(#"{"method":"\#(method)","parameters":\#(parameters)}"#)
        return try #require(await socket.receiveJSON(timeout: 60))
    }

    @Test func sixteenClientsBookingOverlappingSlotsGetExactlyOneSession() async throws {
        let daemon = DaemonHarness()
        try await daemon.startDirectAndWait()
        _ = try await call(daemon, "io.mediationd.Scheduling.AddMediator", #"{"login":"anna","displayName":"Anna","hours":["mon-fri 08:30-17:30"],"maximumSessionsPerDay":8}"#)
        _ = try await call(daemon, "io.mediationd.Scheduling.AddPlace", #"{"name":"Kamer 1","kind":"room","capacity":6}"#)
        for index in 1...16 {
            _ = try await call(daemon, "io.mediationd.Cases.Register", #"{"reference":"RACE-\#(index)","agency":"UWV","subject":"s","complainant":{"name":"n","contact":"c"}}"#)
            let decided = try await call(daemon, "io.mediationd.Cases.Decide", #"{"reference":"RACE-\#(index)","track":"mediation","reason":"r"}"#)
            #expect(decided.string("error") == nil)
        }
        let suggestion = try await call(daemon, "io.mediationd.Scheduling.Suggest", #"{"case":"RACE-1","count":1}"#)
        let slot = try #require((suggestion.object("parameters")?.values["slots"] as? [[String: Any]])?.first)
        let first = try #require(slot["startLocal"] as? String)
        // Every client asks for a time that overlaps every other's: the first slot or 15, 30 or
        // 45 minutes after it, each for its own case, same mediator and room.
        let day = String(first.prefix(10))
        let minutes = Int(first.suffix(5).prefix(2))! * 60 + Int(first.suffix(2))!
        let replies = try await withThrowingTaskGroup(of: (Int, JSONObject).self) { group in
            for index in 1...16 {
                let start = minutes + (index % 4) * 15
                let text = String(format: "%@ %02d:%02d", day, start / 60, start % 60)
                group.addTask {
                    (index, try await call(daemon, "io.mediationd.Scheduling.Book", #"{"case":"RACE-\#(index)","mediator":"anna","place":"Kamer 1","start":"\#(text)"}"#))
                }
            }
            var all: [(Int, JSONObject)] = []
            for try await reply in group { all.append(reply) }
            return all
        }
        let won = replies.filter { $0.1.string("error") == nil }
        #expect(won.count == 1, "exactly one booking wins")
        let winner = try #require(won.first?.1.object("parameters")?.object("session")?.int("id"))
        let lost = replies.filter { $0.1.string("error") != nil }
        #expect(lost.count == 15)
        for (_, reply) in lost {
            #expect(reply.string("error") == "io.mediationd.Scheduling.SlotTaken", "\(reply.values)")
            #expect(reply.object("parameters")?.int("session") == winner, "the refusal names the winner")
        }
        let listed = try await call(daemon, "io.mediationd.Scheduling.ListSessions", #"{"mediator":"anna"}"#)
        #expect((listed.object("parameters")?.values["sessions"] as? [[String: Any]])?.count == 1, "no double booking was stored")
        #expect(await daemon.stop() == 0)
    }
}
