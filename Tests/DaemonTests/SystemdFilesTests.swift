import Foundation
import MediationService
import TestSupport
import Testing

/// The files operations install: the units must load cleanly in systemd, the catalog must
/// explain every MESSAGE_ID the daemon sends.
@Suite("systemd unit files and catalog", .timeLimit(.minutes(2)))
struct SystemdFilesTests {
    let root = BuiltProducts.sourceRoot()

    /// A throwaway root holding systemd's own units, the daemon binary and ours, so
    /// `systemd-analyze verify` checks them as installed without touching this machine.
    private func installedRoot() throws -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory.file("usr/bin"), withIntermediateDirectories: true)
        try manager.createDirectory(atPath: directory.file("usr/sbin"), withIntermediateDirectories: true)
        try manager.createDirectory(atPath: directory.file("usr/lib/systemd"), withIntermediateDirectories: true)
        try manager.createDirectory(atPath: directory.file("etc/systemd/system"), withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: directory.file("bin"), withDestinationPath: "usr/bin")
        try manager.copyItem(atPath: "/lib/systemd/system", toPath: directory.file("usr/lib/systemd/system"))
        try manager.copyItem(atPath: BuiltProducts.mediationd, toPath: directory.file("usr/sbin/mediationd"))
        try manager.copyItem(atPath: "/usr/bin/kill", toPath: directory.file("usr/bin/kill"))
        for unit in ["mediationd.service", "mediationd.socket"] {
            try manager.copyItem(atPath: "\(root)/systemd/\(unit)", toPath: directory.file("etc/systemd/system/\(unit)"))
        }
        return directory
    }

    @Test func theUnitsPassSystemdAnalyzeVerifyWithoutAWord() async throws {
        let directory = try installedRoot()
        let result = try await runCommand("/usr/bin/systemd-analyze", ["verify", "--man=no", "--root=\(directory.path)", "mediationd.service", "mediationd.socket"])
        #expect(result.status == 0)
        #expect(result.error.isEmpty, "\(result.error)")
    }

    @Test func theServiceIsHardenedToSafe() async throws {
        let result = try await runCommand("/usr/bin/systemd-analyze", ["security", "--offline=yes", "--no-pager", "\(root)/systemd/mediationd.service"])
        let line = try #require(result.output.split(separator: "\n").first { $0.contains("Overall exposure level") })
        let score = try #require(line.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) })
        #expect(score <= 1.0, "\(line)")
    }

    @Test func theUnitsSayHowTheDaemonRuns() throws {
        let service = try unitSettings("mediationd.service")
        #expect(service["Type"] == ["notify"])
        #expect(service["WatchdogSec"]?.isEmpty == false)
        #expect(service["StateDirectory"] == ["mediationd"])
        #expect(service["User"] == ["mediationd"])
        #expect(service["ExecStart"] == ["/usr/sbin/mediationd"], "where make install and the package put it")
        let socket = try unitSettings("mediationd.socket")
        #expect(socket["ListenStream"] == ["/run/mediationd/io.mediationd"])
        #expect(socket["SocketMode"] == ["0660"])
        #expect(socket["SocketGroup"] == ["mediation"])
        let sysusers = try String(contentsOfFile: "\(root)/systemd/mediationd.sysusers", encoding: .utf8)
        #expect(sysusers.contains("u mediationd "))
        #expect(sysusers.contains("g mediation "))
    }

    /// At every start systemd gives the service's own directories (RuntimeDirectory= and the
    /// like), with everything in them, to its User= and Group=: a socket inside one became
    /// mediationd:mediationd and the group mediation was locked out. The socket unit makes the
    /// folder; the service has none of its own around the socket.
    @Test func startingTheServiceLeavesTheSocketToTheSocketUnit() throws {
        let service = try unitSettings("mediationd.service")
        let socket = try unitSettings("mediationd.socket")
        let listen = try #require(socket["ListenStream"]?.first)
        let owned = ["RuntimeDirectory": "/run", "StateDirectory": "/var/lib", "CacheDirectory": "/var/cache", "LogsDirectory": "/var/log",
                     "ConfigurationDirectory": "/etc"]
        for (setting, base) in owned {
            for name in (service[setting] ?? []).flatMap({ $0.split(separator: " ") }) {
                let directory = "\(base)/\(name.split(separator: ":")[0])"
                #expect(!listen.hasPrefix(directory + "/"), "\(setting)=\(name) would give \(listen) to the user \(service["User"] ?? [])")
            }
        }
        #expect(socket["SocketUser"] == ["root"])
        #expect(socket["DirectoryMode"] == ["0755"])
    }

    /// The unit's limits fit what the configuration allows and what a running daemon uses: a
    /// descriptor for each of the most connections [varlink] max_connections accepts beside the
    /// daemon's own, the longest shutdown_timeout and time to close before systemd kills it, and
    /// threads and memory well above a daemon at rest (their sources are in the unit's comments).
    @Test func theLimitsFitTheConfigurationAndTheDaemon() async throws {
        let service = try unitSettings("mediationd.service")
        let descriptorLimit = try #require(service["LimitNOFILE"]?.first.flatMap { Int($0) }, "LimitNOFILE= as one number")
        let tasksMax = try #require(service["TasksMax"]?.first.flatMap { Int($0) }, "TasksMax= as a number")
        let memoryHigh = try #require(service["MemoryHigh"]?.first.flatMap(Self.bytes), "MemoryHigh= in bytes, K, M or G")
        let memoryMax = try #require(service["MemoryMax"]?.first.flatMap(Self.bytes), "MemoryMax= in bytes, K, M or G")
        let stopTimeout = try #require(service["TimeoutStopSec"]?.first.flatMap(TimeSpan.seconds), "TimeoutStopSec= as a time span")

        // The ranges as the daemon states and applies them.
        let probe = TemporaryDirectory()
        func check(_ text: String) async throws -> CommandResult {
            let file = probe.file("probe.toml")
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            return try await runCommand(BuiltProducts.mediationd, ["--check-config", "--config", file])
        }
        let tooMany = try await check("[varlink]\nmax_connections = \(Int32.max)\n")
        let range = try #require(tooMany.error.firstMatch(of: /use 1 to (\d+) connections/), "\(tooMany.error)")
        let mostConnections = try #require(Int(range.1))
        let longest = DaemonConfiguration.longestShutdownTimeoutSeconds
        let atLongest = try await check("[service]\nshutdown_timeout = \"\(TimeSpan.format(seconds: longest))\"\n")
        #expect(atLongest.status == 0, "\(atLongest.error)")
        let beyond = try await check("[service]\nshutdown_timeout = \"\(TimeSpan.format(seconds: longest + 1))\"\n")
        #expect(beyond.status == 78 && beyond.error.contains("service.shutdown_timeout"), "\(beyond.error)")
        #expect(stopTimeout >= longest + 30, "TimeoutStopSec= leaves the longest shutdown_timeout and 30 s to close")

        // A daemon at rest.
        let daemon = DaemonHarness()
        try await daemon.startDirectAndWait()
        let pid = try #require(daemon.process?.pid)
        let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        _ = await daemon.stop()
        func field(_ name: String) -> Int? {
            status.split(separator: "\n").first { $0.hasPrefix(name + ":") }?.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap { Int($0) }
        }
        let threads = try #require(field("Threads"))
        let residentPeak = try #require(field("VmHWM")) * 1024

        #expect(descriptorLimit >= mostConnections + 4 * descriptors, "\(mostConnections) connections and \(descriptors) descriptors of its own, with room")
        #expect(tasksMax >= 4 * threads, "\(threads) threads at rest")
        #expect(memoryHigh >= 4 * residentPeak, "\(residentPeak / 1_048_576) MiB resident at rest")
        #expect(memoryMax > memoryHigh, "MemoryHigh= slows the daemon down before MemoryMax= kills it")
    }

    /// A size as systemd writes it: bytes, or with K, M, G or T (powers of 1024).
    private static func bytes(_ text: String) -> Int? {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
        if let unit = text.last.flatMap({ units[$0] }) { return Int(text.dropLast()).map { $0 * unit } }
        return Int(text)
    }

    @Test func theCatalogExplainsEveryMessageTheDaemonSends() async throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.file("usr/lib/systemd/catalog"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "\(root)/systemd/mediationd.catalog", toPath: directory.file("usr/lib/systemd/catalog/mediationd.catalog"))
        let update = try await runCommand("/usr/bin/journalctl", ["--root=\(directory.path)", "--update-catalog"])
        #expect(update.status == 0, "\(update.error)")
        let listed = try await runCommand("/usr/bin/journalctl", ["--root=\(directory.path)", "--list-catalog"])
        for id in [LifecycleJournal.started, LifecycleJournal.stopped, LifecycleJournal.reloaded, LifecycleJournal.reloadRefused,
                   ReminderJournal.upcoming, ReminderJournal.dueToday, ReminderJournal.overdue, ReminderJournal.summary, ReminderJournal.session,
                   ReminderJournal.agreementUpcoming, ReminderJournal.agreementDueToday, ReminderJournal.agreementOverdue,
                   LifecycleJournal.purged, LifecycleJournal.destructionListPending, LifecycleJournal.destructionListHeld] {
            #expect(listed.output.contains("\(id.rawValue) mediationd: "), "\(id.rawValue) has a catalog entry")
        }
    }

    @Test func theShippedConfigurationChecksOut() async throws {
        let result = try await runCommand(BuiltProducts.mediationd, ["--check-config", "--config", "\(root)/Config/mediationd.toml"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("configuration OK"))
        #expect(result.output.contains("max_connections = 512"))
    }

    private func unitSettings(_ name: String) throws -> [String: [String]] {
        let text = try String(contentsOfFile: "\(root)/systemd/\(name)", encoding: .utf8)
        var settings: [String: [String]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("[") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            settings[String(line[..<equals]), default: []].append(String(line[line.index(after: equals)...]))
        }
        return settings
    }
}
