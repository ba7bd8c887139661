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
        guard let dot = lastDot else { return "" }
        return method[..<dot]
    }

    /// The member part of `method`.
    public var memberName: Substring {
        guard let dot = lastDot else { return method[...] }
        return method[method.utf8.index(after: dot)...]
    }

    /// Searched for as a byte: a dot is ASCII, so its index is also a character boundary.
    private var lastDot: String.Index? {
        method.utf8.lastIndex(of: UInt8(ascii: "."))
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
    /// Sized for a typical reply, so writing one does not grow the text step by step.
    static let typicalReplySize = 1024

    /// A reply as one NUL-terminated frame.
    public static func frame(_ reply: VarlinkReply) -> ByteBuffer {
        var text = JSONText(capacity: typicalReplySize)
        write(reply, into: &text)
        return ByteBuffer(text)
    }

    /// A successful reply whose parameters are `parameters`, encoded straight to text; they must
    /// encode as a JSON object (a struct, or a dictionary keyed by strings).
    public static func frame(encoding parameters: some Encodable, continues: Bool = false) throws -> ByteBuffer {
        var text = JSONText(capacity: typicalReplySize)
        text.append(#"{"parameters":"#)
        try JSONTextEncoder.encodeObject(parameters, into: &text)
        if continues { text.append(#","continues":true"#) }
        text.append("}\0")
        return ByteBuffer(text)
    }

    public static func encode(_ reply: VarlinkReply, into buffer: inout ByteBuffer) {
        var text = JSONText(capacity: typicalReplySize)
        write(reply, into: &text)
        buffer.writeJSONText(text)
    }

    public static func encode(_ call: VarlinkCall, into buffer: inout ByteBuffer) {
        var text = JSONText(capacity: 128)
        text.append(#"{"method":"#)
        text.appendString(call.method)
        if !call.parameters.isEmpty {
            text.append(#","parameters":"#)
            JSONSerializer.writeObject(call.parameters, into: &text)
        }
        if call.oneway { text.append(#","oneway":true"#) }
        if call.more { text.append(#","more":true"#) }
        if call.upgrade { text.append(#","upgrade":true"#) }
        text.append("}\0")
        buffer.writeJSONText(text)
    }

    /// The members in a fixed order: the error's name first, where a reader looks first.
    private static func write(_ reply: VarlinkReply, into text: inout JSONText) {
        text.append(UInt8(ascii: "{"))
        if let error = reply.error {
            text.append(#""error":"#)
            text.appendString(error)
            text.append(UInt8(ascii: ","))
        }
        text.append(#""parameters":"#)
        JSONSerializer.writeObject(reply.parameters, into: &text)
        if reply.continues { text.append(#","continues":true"#) }
        text.append("}\0")
    }

    public static func decodeCall(_ frame: ByteBuffer) throws(VarlinkProtocolError) -> VarlinkCall {
        let envelope = try Envelope(frame)
        guard case .string(let method)? = envelope.method else {
            throw .malformedMessage("a call needs a string \"method\"")
        }
        return VarlinkCall(
            method: method,
            parameters: try envelope.parameterObject(),
            oneway: try Envelope.flag("oneway", envelope.oneway),
            more: try Envelope.flag("more", envelope.more),
            upgrade: try Envelope.flag("upgrade", envelope.upgrade)
        )
    }

    public static func decodeReply(_ frame: ByteBuffer) throws(VarlinkProtocolError) -> VarlinkReply {
        let envelope = try Envelope(frame)
        let parameters = try envelope.parameterObject()
        var error: String?
        switch envelope.error {
        case nil, .null?: error = nil
        case .string(let value)?: error = value
        default: throw .malformedMessage("\"error\" must be a string")
        }
        return VarlinkReply(parameters: parameters, continues: try Envelope.flag("continues", envelope.continues), error: error)
    }

    /// The members of a message that the protocol defines, read straight from the text; others
    /// are checked as JSON and left out.
    private struct Envelope {
        var method: JSONValue?
        var parameters: JSONValue?
        var oneway: JSONValue?
        var more: JSONValue?
        var upgrade: JSONValue?
        var continues: JSONValue?
        var error: JSONValue?

        init(_ frame: ByteBuffer) throws(VarlinkProtocolError) {
            var envelope = Envelope()
            let isObject: Bool
            do {
                isObject = try frame.withUnsafeReadableBytes { raw throws(JSONParser.Failure) in
                    try JSONParser.parseMembers(raw) { key, value in
                        switch key {
                        case "method": envelope.method = value
                        case "parameters": envelope.parameters = value
                        case "oneway": envelope.oneway = value
                        case "more": envelope.more = value
                        case "upgrade": envelope.upgrade = value
                        case "continues": envelope.continues = value
                        case "error": envelope.error = value
                        default: break
                        }
                    }
                }
            } catch {
                throw .invalidJSON
            }
            guard isObject else {
                throw .malformedMessage("a message must be a JSON object")
            }
            self = envelope
        }

        private init() {}

        func parameterObject() throws(VarlinkProtocolError) -> [String: JSONValue] {
            switch parameters {
            case nil, .null?: return [:]
            case .object(let value)?: return value
            default: throw .malformedMessage("\"parameters\" must be an object")
            }
        }

        static func flag(_ name: String, _ value: JSONValue?) throws(VarlinkProtocolError) -> Bool {
            switch value {
            case nil, .null?: return false
            case .bool(let value)?: return value
            default: throw .malformedMessage("\"\(name)\" must be a boolean")
            }
        }
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
