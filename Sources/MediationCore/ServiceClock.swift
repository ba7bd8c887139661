import Foundation

/// Where the domain gets the current time, so tests can set it and move it.
public protocol ServiceClock: Sendable {
    var now: Date { get }
}

/// The wall clock.
public struct SystemClock: ServiceClock {
    public init() {}
    public var now: Date { Date() }
}
