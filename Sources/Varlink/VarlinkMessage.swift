import Foundation
import NIOCore

/// A method call from a client (varlink.org, "Method Call").
public struct VarlinkCall: Sendable, Equatable {
    /// Fully qualified: `interface.Method`.
    public var method: String
    public var parameters: [String: JSONValue]
    /// The client wants no reply.
    public var oneway: Bool
    /// The client accepts several replies, each but the last with `continues: true`.
    public var more: Bool
    /// The client wants to switch to a custom protocol after the reply; we do not offer any.
    public var upgrade: Bool

    public init(method: String, parameters: [String: JSONValue] = [:], oneway: Bool = false, more: Bool = false, upgrade: Bool = false) {
        self.method = method
        self.parameters = parameters
        self.oneway = oneway
        self.more = more
        self.upgrade = upgrade
    }

    /// The interface part of `method`; empty when the name has no dot.
    public var interfaceName: Substring {
        guard let dot = method.lastIndex(of: ".") else { return "" }
        return method[..<dot]
    }

    /// The member part of `method`.
    public var memberName: Substring {
        guard let dot = method.lastIndex(of: ".") else { return method[...] }
        return method[method.index(after: dot)...]
    }
}

/// A reply from the service: parameters, or an error, possibly one of several (`continues`).
public struct VarlinkReply: Sendable, Equatable {
    public var parameters: [String: JSONValue]
    public var continues: Bool
    /// A fully qualified error name; nil for a successful reply.
    public var error: String?

    public init(parameters: [String: JSONValue] = [:], continues: Bool = false, error: String? = nil) {
        self.parameters = parameters
        self.continues = continues
        self.error = error
    }
}

/// Turns messages into their NUL-terminated wire form and back.
public enum VarlinkWireFormat {
    /// A reply as one NUL-terminated frame.
    public static func frame(_ reply: VarlinkReply) -> ByteBuffer {
        // Sized for a typical reply, so writing it does not grow the buffer step by step.
        var buffer = ByteBufferAllocator().buffer(capacity: 1024)
        encode(reply, into: &buffer)
        return buffer
    }


    public static func encode(_ reply: VarlinkReply, into buffer: inout ByteBuffer) {
        var object: [String: JSONValue] = ["parameters": .object(reply.parameters)]
        if reply.continues { object["continues"] = .bool(true) }
        if let error = reply.error { object["error"] = .string(error) }
        write(.object(object), into: &buffer)
    }

    public static func encode(_ call: VarlinkCall, into buffer: inout ByteBuffer) {
        var object: [String: JSONValue] = ["method": .string(call.method)]
        if !call.parameters.isEmpty { object["parameters"] = .object(call.parameters) }
        if call.oneway { object["oneway"] = .bool(true) }
        if call.more { object["more"] = .bool(true) }
        if call.upgrade { object["upgrade"] = .bool(true) }
        write(.object(object), into: &buffer)
    }

    public static func decodeCall(_ frame: ByteBuffer) throws(VarlinkProtocolError) -> VarlinkCall {
        let object = try parseObject(frame)
        guard case .string(let method)? = object["method"] else {
            throw .malformedMessage("a call needs a string \"method\"")
        }
        let parameters: [String: JSONValue]
        switch object["parameters"] {
        case nil, .null?: parameters = [:]
        case .object(let value)?: parameters = value
        default: throw .malformedMessage("\"parameters\" must be an object")
        }
        return VarlinkCall(
            method: method,
            parameters: parameters,
            oneway: try flag("oneway", in: object),
            more: try flag("more", in: object),
            upgrade: try flag("upgrade", in: object)
        )
    }

    public static func decodeReply(_ frame: ByteBuffer) throws(VarlinkProtocolError) -> VarlinkReply {
        let object = try parseObject(frame)
        let parameters: [String: JSONValue]
        switch object["parameters"] {
        case nil, .null?: parameters = [:]
        case .object(let value)?: parameters = value
        default: throw .malformedMessage("\"parameters\" must be an object")
        }
        var error: String?
        switch object["error"] {
        case nil, .null?: error = nil
        case .string(let value)?: error = value
        default: throw .malformedMessage("\"error\" must be a string")
        }
        return VarlinkReply(parameters: parameters, continues: try flag("continues", in: object), error: error)
    }

    private static func flag(_ name: String, in object: [String: JSONValue]) throws(VarlinkProtocolError) -> Bool {
        switch object[name] {
        case nil, .null?: return false
        case .bool(let value)?: return value
        default: throw .malformedMessage("\"\(name)\" must be a boolean")
        }
    }

    private static func parseObject(_ frame: ByteBuffer) throws(VarlinkProtocolError) -> [String: JSONValue] {
        let value: JSONValue
        do {
            value = try frame.withUnsafeReadableBytes { raw in try JSONValue(parsing: raw) }
        } catch {
            throw .invalidJSON
        }
        guard let object = value.objectValue else {
            throw .malformedMessage("a message must be a JSON object")
        }
        return object
    }

    private static func write(_ value: JSONValue, into buffer: inout ByteBuffer) {
        JSONSerializer.write(value, into: &buffer)
        buffer.writeInteger(UInt8(0))
    }
}

/// A violation of the wire protocol itself; the connection cannot go on after one, since the
/// peer and we no longer agree where messages start.
public enum VarlinkProtocolError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidJSON
    case malformedMessage(String)
    case messageTooLong(limit: Int)
    case unterminatedMessage

    public var description: String {
        switch self {
        case .invalidJSON: "the message is not valid JSON"
        case .malformedMessage(let detail): "malformed message: \(detail)"
        case .messageTooLong(let limit): "the message exceeds the limit of \(limit) bytes"
        case .unterminatedMessage: "the connection closed in the middle of a message (no NUL terminator)"
        }
    }
}
