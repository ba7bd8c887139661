import Synchronization

/// The events one watcher has yet to take, bounded in bytes as well as in number: a watcher
/// that reads slowly, or not at all, holds at most `byteLimit` of the daemon's memory however
/// long the texts in the events are. When a new event does not fit, the oldest go first; the
/// journal keeps the reminders regardless.
final class WatchBacklog: Sendable {
    private struct State {
        var events: [(event: CaseEvent, size: Int)] = []
        /// Index of the first event not yet taken; the array is compacted as it is read.
        var head = 0
        var bytes = 0
        var waiter: CheckedContinuation<CaseEvent?, Never>?
        var finished = false
    }

    private let state = Mutex(State())
    let byteLimit: Int
    let countLimit: Int

    init(byteLimit: Int, countLimit: Int) {
        self.byteLimit = byteLimit
        self.countLimit = countLimit
    }

    /// The bytes the waiting events take, by their estimate.
    var bytes: Int { state.withLock { $0.bytes } }

    func push(_ event: CaseEvent, size: Int) {
        let waiter: CheckedContinuation<CaseEvent?, Never>? = state.withLock { state in
            guard !state.finished else { return nil }
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.events.append((event, size))
            state.bytes += size
            while state.bytes > byteLimit || state.events.count - state.head > countLimit {
                state.bytes -= state.events[state.head].size
                state.head += 1
            }
            if state.head > 64, state.head * 2 > state.events.count {
                state.events.removeFirst(state.head)
                state.head = 0
            }
            return nil
        }
        waiter?.resume(returning: event)
    }

    /// The next event, or nil once finished.
    func next() async -> CaseEvent? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<CaseEvent?, Never>) in
                let ready: CaseEvent?? = state.withLock { state in
                    if state.head < state.events.count {
                        let (event, size) = state.events[state.head]
                        state.head += 1
                        state.bytes -= size
                        return .some(event)
                    }
                    if state.finished || Task.isCancelled { return .some(nil) }
                    state.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            finish()
        }
    }

    func finish() {
        let waiter = state.withLock { state in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
    }
}

/// One watcher's events, as `for await` reads them. The subscription ends when the last copy
/// of it and of its iterator is gone, however the loop that read it ended.
public struct CaseEventSubscription: AsyncSequence, Sendable {
    let backlog: WatchBacklog
    private let ending: Ending

    init(backlog: WatchBacklog, end: @escaping @Sendable () -> Void) {
        self.backlog = backlog
        self.ending = Ending(backlog: backlog, end: end)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let backlog: WatchBacklog
        fileprivate let ending: Ending

        public mutating func next() async -> CaseEvent? {
            await backlog.next()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(backlog: backlog, ending: ending)
    }

    fileprivate final class Ending: Sendable {
        let backlog: WatchBacklog
        let end: @Sendable () -> Void

        init(backlog: WatchBacklog, end: @escaping @Sendable () -> Void) {
            self.backlog = backlog
            self.end = end
        }

        deinit {
            backlog.finish()
            end()
        }
    }
}
