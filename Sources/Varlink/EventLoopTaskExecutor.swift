import NIOCore

/// Runs a task's jobs on one NIO event loop.
///
/// A connection's task prefers its channel's event loop, so reading a call, running its handler
/// and writing the reply happen on one thread; otherwise every call would wake two more threads
/// on the way, which on a small machine costs more than the call itself. The price is the rule
/// the whole daemon keeps anyway: a method handler never blocks; slow work awaits something
/// that runs elsewhere (the database's own queue, a thread pool).
final class EventLoopTaskExecutor: TaskExecutor, Sendable {
    let eventLoop: any EventLoop

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        eventLoop.execute {
            job.runSynchronously(on: executor)
        }
    }
}
