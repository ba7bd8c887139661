import Logging
import NIOCore
import Systemd
import TOMLKit

/// One key of the configuration file: its table, its name, and how a value is checked and
/// applied. The list here is the whole vocabulary of `mediationd.toml`.
struct ConfigurationSetting: Sendable {
    struct Invalid: Error {
        let reason: String
    }

    let key: String
    let apply: @Sendable (any TOMLValueConvertible, inout DaemonConfiguration) throws(Invalid) -> Void

    static let all: [String: [ConfigurationSetting]] = [
        "service": [
            .init(key: "state_directory") { value, configuration throws(Invalid) in
                configuration.stateDirectory = try path(value)
            },
            .init(key: "socket_path") { value, configuration throws(Invalid) in
                configuration.socketPath = try path(value)
            },
            .init(key: "log_level") { value, configuration throws(Invalid) in
                configuration.logLevel = try choice(value, from: Logger.Level.allCases.map { ($0.rawValue, $0) })
            },
            .init(key: "log_target") { value, configuration throws(Invalid) in
                configuration.logTarget = try choice(value, from: LogTarget.allCases.map { ($0.rawValue, $0) })
            },
            .init(key: "shutdown_timeout") { value, configuration throws(Invalid) in
                configuration.shutdownTimeoutSeconds = try seconds(value, allowingZero: false)
            },
        ],
        "varlink": [
            .init(key: "max_message_size") { value, configuration throws(Invalid) in
                configuration.varlink.maximumMessageSize = try integer(value, in: 4096...(64 << 20), unit: "bytes")
            },
            .init(key: "max_connections") { value, configuration throws(Invalid) in
                configuration.varlink.maximumConnections = try integer(value, in: 1...65_536, unit: "connections")
            },
            .init(key: "idle_timeout") { value, configuration throws(Invalid) in
                let span = try seconds(value, allowingZero: true)
                configuration.varlink.idleTimeout = span == 0 ? nil : .milliseconds(Int64(span * 1000))
            },
        ],
    ]

    private static func string(_ value: any TOMLValueConvertible) throws(Invalid) -> String {
        guard let text = value.string else { throw Invalid(reason: "must be a string in double quotes") }
        return text
    }

    private static func path(_ value: any TOMLValueConvertible) throws(Invalid) -> String {
        let text = try string(value)
        guard !text.isEmpty else { throw Invalid(reason: "must not be empty; remove the line to use the default") }
        return text
    }

    private static func choice<T>(_ value: any TOMLValueConvertible, from options: [(String, T)]) throws(Invalid) -> T {
        let text = try string(value)
        guard let match = options.first(where: { $0.0 == text }) else {
            throw Invalid(reason: "\"\(text)\" is not one of \(options.map { "\"\($0.0)\"" }.joined(separator: ", "))")
        }
        return match.1
    }

    private static func integer(_ value: any TOMLValueConvertible, in range: ClosedRange<Int>, unit: String) throws(Invalid) -> Int {
        guard let number = value.int else { throw Invalid(reason: "must be a whole number of \(unit), without quotes") }
        guard range.contains(number) else { throw Invalid(reason: "\(number) is out of range; use \(range.lowerBound) to \(range.upperBound) \(unit)") }
        return number
    }

    private static func seconds(_ value: any TOMLValueConvertible, allowingZero: Bool) throws(Invalid) -> Double {
        let text = try string(value)
        guard let span = TimeSpan.seconds(text) else {
            throw Invalid(reason: "\"\(text)\" is not a time span; write e.g. \"30s\", \"5min\" or \"1h\"")
        }
        guard allowingZero || span > 0 else { throw Invalid(reason: "must be longer than zero") }
        guard span <= 86_400 * 365 else { throw Invalid(reason: "\"\(text)\" is longer than a year; use a shorter time span") }
        return span
    }
}
