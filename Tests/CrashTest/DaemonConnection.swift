import Foundation
import Glibc
import TestSupport

/// One client's connection to the daemon, made again after every kill. Deliberately plain (a
/// blocking socket, not the code under test), so that what counts as acknowledged is exactly
/// what a client received.
final class DaemonConnection: @unchecked Sendable {
    private let socketPath: String
    private var socket: RawVarlinkSocket?

    init(socketPath: String) {
        self.socketPath = socketPath
    }

    /// Calls `method` once. A call that could not be sent is sent again on a new connection (it
    /// never reached the daemon); one whose reply did not come is in doubt and is not repeated.
    func call(_ method: String, _ parameters: String) async -> CallOutcome {
        let message = #"{"method":"\#(method)","parameters":\#(parameters)}"#
        while true {
            guard let socket = await connected() else { continue }
            do {
                try await socket.send(message)
            } catch {
                self.socket = nil
                continue
            }
            // Generous: after a restart the first calls wait for the daemon's start.
            guard let reply = await socket.receiveJSON(timeout: 60) else {
                self.socket = nil
                return .inDoubt
            }
            if let error = reply.string("error") { return .refused(error) }
            return .acknowledged(reply.object("parameters") ?? reply)
        }
    }

    /// The open connection, or a new one once the daemon listens again.
    private func connected() async -> RawVarlinkSocket? {
        if let socket { return socket }
        for _ in 0..<600 {
            if let fresh = try? RawVarlinkSocket(path: socketPath) {
                socket = fresh
                return fresh
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }
}
