import Logging

/// Routes each call to its handler after the checks every call gets: the interface and method
/// exist, the caller may call it, and the parameters match the description.
public struct VarlinkDispatcher: Sendable {
    /// Decides whether a caller may make a call; the daemon's access policy plugs in here.
    public typealias Authorizer = @Sendable (VarlinkRequest) -> Bool
    /// Turns an error a handler threw that is not a `VarlinkError` into one the client can read.
    public typealias UnexpectedErrorMapper = @Sendable (any Error, VarlinkCall) -> VarlinkError
    /// Checks parameters that match the description against the service's own rules (such as
    /// the longest text it takes) before the handler runs.
    public typealias ParameterValidator = @Sendable (VarlinkCall) throws(VarlinkError) -> Void

    private let interfaces: [String: VarlinkInterface]
    /// Every declared method by its fully qualified name, as calls name them: one lookup per call.
    private let routes: [String: Route]
    private let authorize: Authorizer
    private let mapUnexpected: UnexpectedErrorMapper
    private let validate: ParameterValidator
    private let logger: Logger

    public init(
        info: VarlinkServiceInfo,
        interfaces: [VarlinkInterface],
        logger: Logger,
        authorize: @escaping Authorizer = { _ in true },
        mapUnexpected: @escaping UnexpectedErrorMapper = { _, call in .methodNotImplemented(call.method) },
        validate: @escaping ParameterValidator = { _ in }
    ) {
        self.validate = validate
        let service = OrgVarlinkService.interface(info: info, serving: interfaces)
        self.interfaces = Dictionary(uniqueKeysWithValues: ([service] + interfaces).map { ($0.name, $0) })
        var routes: [String: Route] = [:]
        for interface in self.interfaces.values {
            for (name, method) in interface.definition.methods {
                routes["\(interface.name).\(name)"] = Route(
                    method: method,
                    handler: interface.handlers[name],
                    decodeParameters: interface.parameterDecoders[name],
                    checker: interface.checker,
                    streaming: interface.streamingMethods.contains(name)
                )
            }
        }
        self.routes = routes
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
        let route = try self.route(call)
        guard let handler = route.handler, !call.upgrade else {
            throw .methodNotImplemented(call.method)
        }
        guard authorize(request) else {
            throw .permissionDenied
        }
        if let field = route.firstMismatch(in: call.parameters) {
            throw .invalidParameter(field)
        }
        try validate(call)
        if route.streaming, !call.more || call.oneway {
            throw .expectedMore
        }
        return handler
    }

    private func route(_ call: VarlinkCall) throws(VarlinkError) -> Route {
        guard let route = routes[call.method] else {
            // Which part of the name is unknown decides the error.
            guard interfaces[String(call.interfaceName)] != nil else {
                throw .interfaceNotFound(call.interfaceName)
            }
            throw .methodNotFound(call.method)
        }
        return route
    }

    // MARK: Parameters alone
    //
    // What happens to a call's parameters before a handler's own code runs, without the access
    // check or the handler: tests and the fuzz targets (Fuzz/) check the daemon's handling of
    // any parameters a client can send without its services doing anything.

    /// Every method served, fully qualified, sorted.
    public var methodNames: [String] {
        routes.keys.sorted()
    }

    /// The parameter `dispatch` would refuse with InvalidParameter before the handler runs; nil
    /// when all fit the method's description. Throws as `dispatch` answers an unknown method.
    public func firstMismatch(in call: VarlinkCall) throws(VarlinkError) -> String? {
        try route(call).firstMismatch(in: call.parameters)
    }

    /// Decodes the parameters into the Swift type the method's handler takes, as the handler
    /// first does; a method without a handler decodes nothing.
    public func decodeParameters(of call: VarlinkCall) throws(VarlinkError) {
        try route(call).decodeParameters?(VarlinkRequest(call: call, peer: nil))
    }

    /// What a call to one method needs: its declaration, its handler (if one is registered), the
    /// handler's parameter decoding on its own, and the checker for its interface's types.
    private struct Route: Sendable {
        let method: VarlinkInterfaceDefinition.Method
        let handler: VarlinkMethodHandler?
        let decodeParameters: VarlinkParameterDecoder?
        let checker: VarlinkTypeChecker
        let streaming: Bool

        func firstMismatch(in parameters: [String: JSONValue]) -> String? {
            checker.firstMismatch(in: parameters, against: method.input)
        }
    }
}
