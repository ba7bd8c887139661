import Foundation
import MediationCore
import TestSupport

/// One mediator's desk, as fast as it can go: registers cases (some already overdue, so their
/// reminders fall due at once), decides them for mediation, books and moves their sessions, and
/// records agreements made in sessions that took place. Whatever the daemon acknowledges goes
/// into the ledger.
final class CrashClient: @unchecked Sendable {
    private let index: Int
    private let run: String
    private let connection: DaemonConnection
    private let ledger: Ledger
    private let office: CrashOffice
    private var random: SeededRandom
    private var counter = 0
    /// This client's mediation cases without a session yet.
    private var unbooked: [String] = []
    /// This client's sessions by id, with the start the client last asked for.
    private var booked: [Int64] = []
    /// Sessions that took place, seeded for this client: agreements are recorded for them.
    private let heldSessions: [Int64]

    init(index: Int, run: String, socketPath: String, ledger: Ledger, office: CrashOffice, heldSessions: [Int64], seed: UInt64) {
        self.index = index
        self.run = run
        self.connection = DaemonConnection(socketPath: socketPath)
        self.ledger = ledger
        self.office = office
        self.heldSessions = heldSessions
        self.random = SeededRandom(seed: seed &+ UInt64(index))
    }

    /// Works until `stop` says so.
    func work(until stop: @escaping @Sendable () -> Bool) async {
        while !stop() {
            switch random.next(upTo: 100) {
            case 0..<25: await registerOverdue()
            case 25..<45: await registerForMediation()
            case 45..<75: await book()
            case 75..<90: await reschedule()
            default: await recordAgreement()
            }
        }
    }

    private func nextReference(_ prefix: String) -> String {
        counter += 1
        return "\(prefix)-\(run)-\(index)-\(counter)"
    }

    /// Makes a call and counts its outcome.
    private func outcome(_ method: String, _ parameters: String) async -> CallOutcome {
        let outcome = await connection.call(method, parameters)
        switch outcome {
        case .acknowledged: await ledger.acknowledged()
        case .refused(let error): await ledger.refused(error)
        case .inDoubt: await ledger.inDoubt()
        }
        return outcome
    }

    /// The reply of a call the daemon acknowledged; nil otherwise.
    private func call(_ method: String, _ parameters: String) async -> JSONObject? {
        if case .acknowledged(let reply) = await outcome(method, parameters) { return reply }
        return nil
    }

    private func register(_ reference: String, received: CalendarDate) async -> Bool {
        await call("io.mediationd.Cases.Register", """
            {"reference":"\(reference)","received":"\(received)","agency":"UWV","subject":"Uitkering te laat",\
            "complainant":{"name":"Client \(index)","contact":"desk\(index)@example.nl"}}
            """) != nil
    }

    private func registerOverdue() async {
        let reference = nextReference("CO")
        // Received two months ago: the three-week intake term is long past, so the overdue
        // reminder falls due the moment the case is stored.
        if await register(reference, received: office.today.adding(days: -60)) {
            await ledger.registeredOverdue(reference)
        }
    }

    private func registerForMediation() async {
        let reference = nextReference("CM")
        guard await register(reference, received: office.today) else { return }
        if await call("io.mediationd.Cases.Decide", #"{"reference":"\#(reference)","track":"mediation","reason":"Partijen willen praten"}"#) != nil {
            await ledger.decidedForMediation(reference)
            unbooked.append(reference)
        }
    }

    private func book() async {
        guard !unbooked.isEmpty else { return await registerForMediation() }
        let reference = unbooked.removeLast()
        let slot = office.randomSlot(&random)
        switch await outcome("io.mediationd.Scheduling.Book", """
            {"case":"\(reference)","mediator":"\(slot.mediator)","place":"\(slot.place)","start":"\(slot.start.local)","afterDeadline":"crash test"}
            """) {
        case .acknowledged(let reply):
            guard let id = reply.object("session")?.int("id") else { return }
            booked.append(Int64(id))
            await ledger.booked(Int64(id), reference: reference, mediator: slot.mediator, place: slot.place, start: slot.start.instant)
        case .refused:
            // The slot was taken, most likely: another time, later.
            unbooked.insert(reference, at: 0)
        case .inDoubt:
            // The case may hold a session now, of an id nobody knows: it is not booked again.
            break
        }
    }

    private func reschedule() async {
        guard !booked.isEmpty else { return await book() }
        let id = booked[random.next(upTo: booked.count)]
        // The session keeps its mediator and room; only the time moves.
        let start = office.randomStart(&random)
        switch await outcome("io.mediationd.Scheduling.Reschedule", #"{"id":\#(id),"start":"\#(start.local)","afterDeadline":"crash test"}"#) {
        case .acknowledged: await ledger.moved(id, to: start.instant)
        case .refused: break
        case .inDoubt: await ledger.mayHaveMoved(id, to: start.instant)
        }
    }

    private func recordAgreement() async {
        guard !heldSessions.isEmpty else { return }
        let session = heldSessions[random.next(upTo: heldSessions.count)]
        counter += 1
        let text = "Afspraak \(run)-\(index)-\(counter): de dienst belt verzoeker binnen twee weken terug"
        let due = office.today.adding(days: 30)
        let reply = await call("io.mediationd.Agreements.Add", #"{"session":\#(session),"party":"agency","text":"\#(text)","due":"\#(due)"}"#)
        if let id = reply?.object("agreement")?.int("id") {
            await ledger.recordedAgreement(Int64(id), text: text)
        }
    }
}
