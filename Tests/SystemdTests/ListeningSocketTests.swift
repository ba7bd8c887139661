import Foundation
import Glibc
import Systemd
import TestSupport
import Testing

@Suite("Listening socket")
struct ListeningSocketTests {
    @Test func bindingCreatesTheDirectoryAndSetsTheMode() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("run/sub/io.test")
        let socket = try ListeningSocket.bind(path: path, mode: 0o660)
        defer { close(socket.descriptor) }
        var info = stat()
        #expect(lstat(path, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFSOCK)
        #expect(info.st_mode & 0o777 == 0o660)
        #expect(socket.origin == .selfBound)
        _ = try RawVarlinkSocket(path: path)
    }

    @Test func aStaleSocketFileIsReplaced() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("io.test")
        let first = try ListeningSocket.bind(path: path, mode: 0o660)
        close(first.descriptor)
        let second = try ListeningSocket.bind(path: path, mode: 0o660)
        defer { close(second.descriptor) }
        _ = try RawVarlinkSocket(path: path)
    }

    @Test func aLiveSocketIsNotTakenOver() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("io.test")
        let live = try ListeningSocket.bind(path: path, mode: 0o660)
        defer { close(live.descriptor) }
        #expect {
            _ = try ListeningSocket.bind(path: path, mode: 0o660)
        } throws: { error in
            "\(error)".contains("another mediationd is already listening")
        }
    }

    @Test func aRegularFileInTheWayIsNotRemoved() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("io.test", "precious")
        #expect {
            _ = try ListeningSocket.bind(path: path, mode: 0o660)
        } throws: { error in
            "\(error)".contains("not a socket")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "precious")
    }

    @Test func aPathTooLongForSockaddrIsRefusedClearly() {
        #expect {
            _ = try ListeningSocket.bind(path: "/tmp/" + String(repeating: "x", count: 200), mode: 0o660)
        } throws: { error in
            "\(error)".contains("shorter socket_path")
        }
    }

    @Test func withoutSocketActivationNothingIsInherited() throws {
        unsetenv("LISTEN_FDS")
        #expect(try ListeningSocket.inherited() == nil)
    }
}
