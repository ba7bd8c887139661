import MediationCore
import Synchronization

/// The mediators as the booking writer last read them. Filled and emptied only inside write
/// transactions, which run one at a time: a change to a mediator empties it before it commits,
/// so the next booking reads the mediators again.
final class MediatorCache: Sendable {
    private let state = Mutex<[Mediator]?>(nil)

    var current: [Mediator]? {
        state.withLock { $0 }
    }

    func fill(_ mediators: [Mediator]) {
        state.withLock { $0 = mediators }
    }

    func invalidate() {
        state.withLock { $0 = nil }
    }
}
