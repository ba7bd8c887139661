import Glibc
import NIOCore

/// One call over a plain blocking socket, for a command-line tool that makes a call and exits.
///
/// `VarlinkClient` runs on SwiftNIO's event loops, whose threads a short-lived process pays to
/// start (about a fifth of `mediationctl status`'s run time); a tool that waits for exactly one
/// reply gains nothing from them.
public enum VarlinkSingleCall {
    /// Connects to `path`, makes the call, and returns the parameters of its reply; an error
    /// reply is thrown as `VarlinkError`, a connection that fails as `VarlinkConnectError`, and
    /// one that breaks before the reply as `VarlinkClientError.connectionClosed`.
    public static func call(unixSocketPath path: String, method: String, parameters: [String: JSONValue] = [:],
                            maximumMessageSize: Int = 16 << 20) throws -> [String: JSONValue] {
        let socket = try connect(path)
        defer { close(socket) }
        var request = ByteBuffer()
        VarlinkWireFormat.encode(VarlinkCall(method: method, parameters: parameters), into: &request)
        try request.withUnsafeReadableBytes { bytes in try send(bytes, on: socket) }
        let reply = try VarlinkWireFormat.decodeReply(try receiveFrame(on: socket, maximumSize: maximumMessageSize))
        if let error = reply.error { throw VarlinkError(error, parameters: reply.parameters) }
        return reply.parameters
    }

    private static func connect(_ path: String) throws(VarlinkConnectError) -> CInt {
        let socket = Glibc.socket(AF_UNIX, CInt(SOCK_STREAM.rawValue) | CInt(SOCK_CLOEXEC.rawValue), 0)
        guard socket >= 0 else { throw VarlinkConnectError(path: path, code: errno) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let fits = withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8)
            guard bytes.count < raw.count else { return false }
            raw.copyBytes(from: bytes)
            return true
        }
        guard fits else {
            close(socket)
            throw VarlinkConnectError(path: path, code: ENAMETOOLONG)
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            close(socket)
            throw VarlinkConnectError(path: path, code: code)
        }
        return socket
    }

    private static func send(_ bytes: UnsafeRawBufferPointer, on socket: CInt) throws(VarlinkClientError) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.send(socket, bytes.baseAddress! + offset, bytes.count - offset, CInt(MSG_NOSIGNAL))
            if written < 0 {
                if errno == EINTR { continue }
                throw .connectionClosed
            }
            offset += written
        }
    }

    /// Reads up to the first NUL: the reply. Nothing else can follow it, as only one call was made.
    private static func receiveFrame(on socket: CInt, maximumSize: Int) throws -> ByteBuffer {
        var frame = ByteBuffer()
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw VarlinkClientError.connectionClosed }
            if let end = chunk[..<count].firstIndex(of: 0) {
                frame.writeBytes(chunk[..<end])
                return frame
            }
            frame.writeBytes(chunk[..<count])
            guard frame.readableBytes <= maximumSize else { throw VarlinkProtocolError.malformedMessage("the reply is longer than \(maximumSize) bytes") }
        }
    }
}
