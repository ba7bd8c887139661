import FuzzSupport
import NIOCore
import Varlink

// The parameters of every method the daemon serves, put through what the daemon does with them
// before a handler's own code runs: the type check against the interface description, then the
// decoding into the Swift type the handler takes. The dispatcher is the daemon's own
// (ServedInterfaces), over services that are never called.
//
// An input is a Varlink call, as a client sends it. A method the daemon does not serve (the
// fuzzer mutating the name) stands for one it does, chosen by the name, so no input is wasted.
//
// Properties: parameters the description accepts decode into the handler's type (the two agree);
// a refusal names a parameter that was sent or that the method declares.

let dispatcher = ServedInterfaces.shared.dispatcher
let methods = dispatcher.methodNames
let served = Set(methods)

/// Builds the dispatcher before the first input: what an input allocates and does not free counts
/// as a leak, and LeakSanitizer cannot follow the pointers Swift keeps in enums with payloads.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: OpaquePointer?, _ argv: OpaquePointer?) -> CInt {
    _ = served
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParameters(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = FuzzInput(start, count)
    guard var call = try? VarlinkWireFormat.decodeCall(ByteBuffer(bytes: input.bytes)) else { return 0 }
    if !served.contains(call.method) {
        call.method = methods[Int(FuzzInput(bytes: Array(call.method.utf8)).hash % UInt64(methods.count))]
    }
    let mismatch: String?
    do {
        mismatch = try dispatcher.firstMismatch(in: call)
    } catch {
        require(false, "\(call.method) is served, yet checking its parameters fails with \(error)")
        return 0
    }
    var refusal: VarlinkError?
    do {
        try dispatcher.decodeParameters(of: call)
    } catch {
        require(error.name == "org.varlink.service.InvalidParameter", "decoding \(call.method)'s parameters fails with \(error)")
        refusal = error
    }
    guard let mismatch else {
        require(refusal == nil, "\(call.method) accepts \(call.parameters) by its description, but its handler's type refuses them: \(refusal!)")
        return 0
    }
    guard let declared = ServedInterfaces.shared.inputs[call.method] else {
        require(false, "\(call.method) is served but missing from the declared parameters")
        return 0
    }
    require(call.parameters[mismatch] != nil || declared.contains(mismatch),
            "\(call.method) refuses \(call.parameters) for \(mismatch), which was neither sent nor declared")
    return 0
}
