import Glibc

/// Round-trip times in nanoseconds, and their percentiles.
struct RoundTripSample {
    private(set) var nanoseconds: [UInt64] = []

    init() {}

    /// All the samples' values together.
    init(merging samples: [RoundTripSample]) {
        nanoseconds = samples.flatMap(\.nanoseconds)
    }

    mutating func record(_ value: UInt64) { nanoseconds.append(value) }

    func percentile(_ p: Double) -> Double {
        let sorted = nanoseconds.sorted()
        guard !sorted.isEmpty else { return 0 }
        let index = min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1)
        return Double(sorted[max(index, 0)]) / 1_000
    }

    var mean: Double { nanoseconds.isEmpty ? 0 : Double(nanoseconds.reduce(0, +)) / Double(nanoseconds.count) / 1_000 }
    var count: Int { nanoseconds.count }

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
