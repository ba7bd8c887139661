import Foundation
import MediationCore
import Testing

@Suite("Session UIDs")
struct SessionUIDTests {
    @Test func aUIDIsAVersion7UUIDWithTheBookingsMillisecondsFirst() throws {
        let bookedAt = Date(timeIntervalSince1970: 1_796_000_000.123)
        let uid = SessionUID(bookedAt: bookedAt).description
        let match = try #require(uid.wholeMatch(of: /([0-9a-f]{8})-([0-9a-f]{4})-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}@mediationd/))
        // 48 bits of milliseconds: the first eight and the next four hex digits.
        #expect(UInt64(match.1 + match.2, radix: 16) == 1_796_000_000_123)
    }

    @Test func uidsMadeLaterSortLaterAndUIDsOfOneMomentDiffer() {
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        let same = (0..<1000).map { _ in SessionUID(bookedAt: now).description }
        #expect(Set(same).count == 1000, "the random part keeps UIDs of one millisecond apart")
        let later = SessionUID(bookedAt: now.addingTimeInterval(0.001)).description
        #expect(same.allSatisfy { $0 < later })
    }

    @Test func theRandomPartIsKeptApartFromVersionAndVariant() {
        let allOnes = UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255))
        let uid = SessionUID(bookedAt: Date(timeIntervalSince1970: 0), random: allOnes)
        #expect(uid.description == "00000000-0000-7fff-bfff-ffffffffffff@mediationd")
    }
}
