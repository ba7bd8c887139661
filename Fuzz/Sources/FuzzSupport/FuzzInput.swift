/// The bytes libFuzzer hands a target, copied out of its buffer (which is only valid during the
/// call) into the forms the targets read.
public struct FuzzInput: Sendable {
    public let bytes: [UInt8]

    public init(_ start: UnsafePointer<UInt8>?, _ count: Int) {
        bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The input as text when it is valid UTF-8; the parsers under test take Strings, and
    /// Swift's String would repair invalid bytes rather than pass them on.
    public var text: String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// A number derived from the whole input (FNV-1a), for choices a target makes about an input,
    /// such as where to cut it, that must be the same every time the input is run again.
    public var hash: UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}

/// A small deterministic generator (SplitMix64) for those choices.
public struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
