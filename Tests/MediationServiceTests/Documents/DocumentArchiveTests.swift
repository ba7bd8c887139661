import Foundation
import Glibc
@testable import MediationService
import TestSupport
import Testing

@Suite("Document archive", .serialized)
struct DocumentArchiveTests {
    @Test func eachChangedDocumentIsANewVersionAndTheOldOnesStay() throws {
        let directory = TemporaryDirectory()
        let archive = DocumentArchive(directory: directory.path)
        #expect(archive.latestVersion(.agreements, reference: "ABC/2026.1") == 0)
        #expect(try archive.store(.agreements, reference: "ABC/2026.1", rendered: [.markdown: "one", .html: "<p>one</p>"]) == 1)
        #expect(try archive.store(.agreements, reference: "ABC/2026.1", rendered: [.markdown: "one", .html: "<p>one</p>"]) == nil,
                "the same text is not a new version")
        #expect(try archive.store(.agreements, reference: "ABC/2026.1", rendered: [.markdown: "two", .html: "<p>two</p>"]) == 2)
        let folder = directory.file("agreements/ABC%2F2026.1")
        #expect(archive.folder(.agreements, reference: "ABC/2026.1") == folder, "a / in the reference does not make a subfolder")
        #expect(try String(contentsOfFile: folder + "/v0001.md", encoding: .utf8) == "one")
        #expect(try String(contentsOfFile: folder + "/v0001.html", encoding: .utf8) == "<p>one</p>")
        #expect(try String(contentsOfFile: folder + "/v0002.md", encoding: .utf8) == "two")
        #expect(archive.latestVersion(.agreements, reference: "ABC/2026.1") == 2)
        #expect(archive.latestVersion(.conclusion, reference: "ABC/2026.1") == 0, "conclusions are kept apart")
    }

    /// A write that fails halfway (the disk fills up) leaves the previous version whole and no
    /// partial file behind: the state directory is a 64 KiB tmpfs for this test.
    @Test func aWriteThatFailsHalfwayLeavesThePreviousVersionIntact() throws {
        let directory = TemporaryDirectory()
        let mountPoint = directory.file("small")
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: false)
        try #require(mount("tmpfs", mountPoint, "tmpfs", 0, "size=64k") == 0, "mounting a tmpfs needs root: \(String(cString: strerror(errno)))")
        defer { umount(mountPoint) }

        let archive = DocumentArchive(directory: mountPoint)
        let first = String(repeating: "Afspraak 1: de gemeente belt terug.\n", count: 200)
        #expect(try archive.store(.agreements, reference: "2026-0001", rendered: [.markdown: first, .html: "<p>1</p>"]) == 1)

        let tooLarge = String(repeating: "x", count: 200 * 1024)
        #expect(throws: (any Error).self) {
            try archive.store(.agreements, reference: "2026-0001", rendered: [.markdown: tooLarge, .html: "<p>2</p>"])
        }
        let folder = archive.folder(.agreements, reference: "2026-0001")
        #expect(try String(contentsOfFile: folder + "/v0001.md", encoding: .utf8) == first)
        #expect(archive.latestVersion(.agreements, reference: "2026-0001") == 1, "the failed version does not count")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(!names.contains { $0.hasSuffix(".tmp") }, "no partial file is left: \(names)")
        #expect(!names.contains("v0002.md"))

        // With room again, the next version is written whole.
        #expect(try archive.store(.agreements, reference: "2026-0001", rendered: [.markdown: "short", .html: "<p>2</p>"]) == 2)
        #expect(try String(contentsOfFile: folder + "/v0002.md", encoding: .utf8) == "short")
    }
}
