import Foundation

/// Runs blocking work (a socket read, waiting for a child) on a thread of its own, so that
/// async tests never block the few threads Swift concurrency has; on two cores a blocked pool
/// would starve the very daemon code the test is waiting for.
public func offThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: body()) }
        thread.start()
    }
}

public func offThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.start()
    }
}
