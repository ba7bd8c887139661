import Varlink

extension DaemonConfiguration {
    /// The settings in force as TOML, for `mediationd --check-config`.
    public var rendered: String {
        let idle = varlink.idleTimeout.map { TimeSpan.format(seconds: Double($0.nanoseconds) / 1e9) } ?? "0"
        return """
        [service]
        state_directory = "\(stateDirectory)"
        socket_path = "\(socketPath)"
        log_level = "\(logLevel.rawValue)"
        log_target = "\(logTarget.rawValue)"
        shutdown_timeout = "\(TimeSpan.format(seconds: shutdownTimeoutSeconds))"

        [varlink]
        max_message_size = \(varlink.maximumMessageSize)
        max_connections = \(varlink.maximumConnections)
        idle_timeout = "\(idle)"
        """
    }
}
