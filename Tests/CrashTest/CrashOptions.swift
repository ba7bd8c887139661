import Foundation
import Glibc

/// The command line of `mediation-crash-test`.
struct CrashOptions {
    var daemon = ".build/debug/mediationd"
    /// How many times the daemon is killed with SIGKILL; the issue asks for at least 50 a run.
    var kills = 50
    var clients = 8
    /// The longest the clients work between a restart and the next kill, in milliseconds; each
    /// pause is drawn at random up to this, so kills land anywhere in a call.
    var maximumPause = 400
    var seed = UInt64.random(in: 0...UInt64.max)

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            switch flag {
            case "--daemon": daemon = rest.popFirst() ?? daemon
            case "--kills": kills = rest.popFirst().flatMap(Int.init).map { max($0, 1) } ?? kills
            case "--clients": clients = rest.popFirst().flatMap(Int.init).map { max($0, 1) } ?? clients
            case "--max-pause-ms": maximumPause = rest.popFirst().flatMap(Int.init).map { max($0, 10) } ?? maximumPause
            case "--seed": seed = rest.popFirst().flatMap { UInt64($0) } ?? seed
            default:
                FileHandle.standardError.write(Data("usage: mediation-crash-test [--daemon PATH] [--kills N] [--clients N] [--max-pause-ms N] [--seed N]\n".utf8))
                exit(64)
            }
        }
    }
}
