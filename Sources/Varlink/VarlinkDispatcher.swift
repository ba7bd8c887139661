import Logging

/// Routes each call to its handler after the checks every call gets: the interface and method
/// exist, the caller may call it, and the parameters match the description.
public struct VarlinkDispatcher: Sendable {
    /// Decides whether a caller may make a call; the daemon's access policy plugs in here.
    public typealias Authorizer = @Sendable (VarlinkRequest) -> Bool
    /// Turns an error a handler threw that is not a `VarlinkError` into one the client can read.
    public typealias UnexpectedErrorMapper = @Sendable (any Error, VarlinkCall) -> VarlinkError

    private let interfaces: [String: VarlinkInterface]
    private let authorize: Authorizer
    private let mapUnexpected: UnexpectedErrorMapper
    private let logger: Logger

    public init(
        info: VarlinkServiceInfo,
        interfaces: [VarlinkInterface],
        logger: Logger,
        authorize: @escaping Authorizer = { _ in true },
        mapUnexpected: @escaping UnexpectedErrorMapper = { _, call in .methodNotImplemented(call.method) }
    ) {
        let service = OrgVarlinkService.interface(info: info, serving: interfaces)
        self.interfaces = Dictionary(uniqueKeysWithValues: ([service] + interfaces).map { ($0.name, $0) })
        self.authorize = authorize
        self.mapUnexpected = mapUnexpected
        self.logger = logger
    }

    /// Handles one call to the end: every outcome, error or not, is answered through `writer`
    /// (unless the call is oneway). Fails only when the reply could not be written.
    public func dispatch(_ request: VarlinkRequest, writer: VarlinkReplyWriter) async throws {
        let call = request.call
        do {
            let handler = try resolve(request)
            try await handler(request, writer)
            if !writer.hasFinished {
                // Every call ends with a reply without `continues`, or the client would take the
                // next call's reply for this one's.
                throw VarlinkReplyWriterError.noFinalReply(call.method)
            }
        } catch let error as VarlinkError where !writer.hasFinished {
            try await writer.fail(error)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            logger.error("\(call.method) failed: \(error)", metadata: ["varlink.method": .string(call.method)])
            if !writer.hasFinished {
                try await writer.fail(mapUnexpected(error, call))
            }
        }
    }

    private func resolve(_ request: VarlinkRequest) throws(VarlinkError) -> VarlinkMethodHandler {
        let call = request.call
        guard let interface = interfaces[String(call.interfaceName)] else {
            throw .interfaceNotFound(call.interfaceName)
        }
        let member = String(call.memberName)
        guard let method = interface.definition.methods[member] else {
            throw .methodNotFound(call.method)
        }
        guard let handler = interface.handlers[member], !call.upgrade else {
            throw .methodNotImplemented(call.method)
        }
        guard authorize(request) else {
            throw .permissionDenied
        }
        if let field = interface.checker.firstMismatch(in: call.parameters, against: method.input) {
            throw .invalidParameter(field)
        }
        if interface.streamingMethods.contains(member), !call.more || call.oneway {
            throw .expectedMore
        }
        return handler
    }
}
