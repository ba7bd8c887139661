import MediationCore
import Synchronization

/// The mediators as last read from the database. A change bumps the generation after it
/// commits; a reader that started before the bump does not fill the cache with what it read.
final class MediatorCache: Sendable {
    private let state = Mutex<(generation: Int, mediators: [Mediator]?)>((0, nil))

    /// The cached mediators and the generation to hand back to `fill`.
    var current: (generation: Int, mediators: [Mediator]?) {
        state.withLock { $0 }
    }

    func fill(_ mediators: [Mediator], readAt generation: Int) {
        state.withLock { if $0.generation == generation { $0.mediators = mediators } }
    }

    func invalidate() {
        state.withLock {
            $0.generation += 1
            $0.mediators = nil
        }
    }
}
