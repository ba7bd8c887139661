import NIOPosix

/// Work that holds its thread: a file written and fsynced, a user looked up in NSS (which may
/// ask LDAP or SSSD), a long text through the anonymiser's expressions. A call's handler runs
/// on its connection's event loop, where such work would stall every other connection on that
/// loop; it runs here, on NIO's thread pool, and the handler awaits it.
enum BlockingWork {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(body)
    }
}
