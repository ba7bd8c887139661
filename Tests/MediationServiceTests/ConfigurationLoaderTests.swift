import Foundation
import MediationCore
import MediationService
import Systemd
import TestSupport
import Testing
import Varlink

@Suite("Configuration file")
struct ConfigurationLoaderTests {
    let defaults = DaemonConfiguration.defaults(environment: [:])

    private func parse(_ text: String) throws(ConfigurationError) -> DaemonConfiguration {
        try ConfigurationLoader.parse(text, file: "test.toml", defaults: defaults)
    }

    @Test func theShippedFileDocumentsExactlyTheBuiltInDefaults() throws {
        let shipped = try String(contentsOfFile: BuiltProducts.sourceRoot() + "/Config/mediationd.toml", encoding: .utf8)
        #expect(try parse(shipped) == defaults, "the shipped file, as shipped, changes nothing")
        let uncommented = shipped.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("#") && $0.contains(" = ") && !$0.hasPrefix("# ") ? String($0.dropFirst()) : String($0) }
            .joined(separator: "\n")
        #expect(uncommented != shipped)
        #expect(try parse(uncommented) == defaults, "every commented value is the built-in default")
        for section in ["service", "varlink", "terms", "scheduling", "calendar", "reminders"] {
            #expect(shipped.contains("[\(section)]"))
        }
        for key in ["state_directory", "socket_path", "log_level", "log_target", "shutdown_timeout", "max_message_size", "max_connections", "max_connections_per_user", "idle_timeout", "send_timeout",
                    "intake", "intervention", "mediation", "investigation", "referral", "not_competent", "extra_holidays",
                    "time", "before", "on_due_date", "overdue_every", "session_length", "buffer", "minimum_notice", "office_hours"] {
            #expect(uncommented.contains("\n\(key) = "), "\(key) is documented")
        }
    }

    @Test func everySettingIsApplied() throws {
        let configuration = try parse("""
        [service]
        state_directory = "/srv/state"
        socket_path = "/srv/run/io.mediationd"
        log_level = "debug"
        log_target = "journal"
        shutdown_timeout = "1min 30s"

        [varlink]
        max_message_size = 65536
        max_connections = 16
        max_connections_per_user = 4
        idle_timeout = "0"
        send_timeout = "2.5s"
        """)
        #expect(configuration.stateDirectory == "/srv/state")
        #expect(configuration.socketPath == "/srv/run/io.mediationd")
        #expect(configuration.logLevel == .debug)
        #expect(configuration.logTarget == .journal)
        #expect(configuration.shutdownTimeoutSeconds == 90)
        #expect(configuration.varlink == VarlinkServerLimits(
            maximumMessageSize: 65536, maximumConnections: 16, maximumConnectionsPerUser: 4, idleTimeout: nil, sendTimeout: .milliseconds(2500)))
    }

    @Test func termsHolidaysAndRemindersPerKindAreRead() throws {
        let configuration = try parse("""
        [terms]
        intake = "15wd"
        mediation = "6w"
        referral = "none"

        [calendar]
        extra_holidays = ["2025-05-05", "2030-12-24"]

        [reminders]
        time = "08:30"
        before = [3]

        [reminders.mediation]
        before = [10, 5, 1]
        overdue_every = 0
        """)
        #expect(configuration.terms.intake == Term("15wd"))
        #expect(configuration.terms.tracks[.mediation] == Term("6w"))
        #expect(configuration.terms.tracks[.referral] == nil)
        #expect(configuration.terms.tracks[.intervention] == Term("2w"), "unset terms keep their default")
        #expect(configuration.extraHolidays == [CalendarDate(iso: "2025-05-05")!, CalendarDate(iso: "2030-12-24")!])
        let standard = configuration.reminders.policy(for: .intake)
        #expect(standard.time == LocalTime("08:30"))
        #expect(standard.workingDaysBefore == [3])
        #expect(standard.overdueEvery == 5)
        let mediation = configuration.reminders.policy(for: .track(.mediation))
        #expect(mediation.workingDaysBefore == [10, 5, 1])
        #expect(mediation.time == LocalTime("08:30"), "a kind takes what it does not set from [reminders]")
        #expect(mediation.overdueEvery == nil)
        #expect(configuration.workflow.calendar.isHoliday(CalendarDate(iso: "2030-12-24")!))
    }

    @Test func theRenderedConfigurationReadsBackTheSame() throws {
        var changed = defaults
        changed.varlink.idleTimeout = .seconds(90)
        changed.logLevel = .warning
        changed.terms.tracks[.referral] = nil
        changed.terms.intake = Term("15wd")!
        changed.extraHolidays = [CalendarDate(iso: "2025-05-05")!]
        changed.scheduling = OfficeRules(defaultDuration: 3600, buffer: 0, minimumNoticeWorkingDays: 2, officeHours: DailyHours("09:00-12:00,13:00-16:00")!)
        changed.reminders.overrides[.track(.mediation)] = ReminderPolicy(workingDaysBefore: [10], onDueDate: false, overdueEvery: nil, time: LocalTime("08:30")!)
        #expect(try parse(changed.rendered) == changed)
        #expect(try parse(defaults.rendered) == defaults)
    }

    /// Found by Fuzz/fuzz-config's read-back property: paths were printed between quotes as they
    /// were, so C:\state printed as "C:\state", which is not TOML.
    @Test func pathsWithQuotesBackslashesAndControlCharactersReadBackTheSame() throws {
        var changed = defaults
        changed.stateDirectory = #"C:\state"#
        changed.socketPath = "run/\"quoted\"/io.mediationd"
        changed.templatesDirectory = "tem\tplates\nand\u{7}bell"
        #expect(try parse(changed.rendered) == changed)
    }

    /// Found with Fuzz/fuzz-config's read-back property: spans were printed to the second, so a
    /// shutdown timeout of 1.5 s printed as 2s.
    @Test func spansWithFractionsOfASecondReadBackTheSame() throws {
        let configuration = try parse("[service]\nshutdown_timeout = \"1.5s\"\n[varlink]\nidle_timeout = \"90.125s\"")
        #expect(configuration.shutdownTimeoutSeconds == 1.5)
        #expect(configuration.varlink.idleTimeout == .milliseconds(90_125))
        #expect(try parse(configuration.rendered) == configuration)
        #expect(throws: ConfigurationError.self, "less than a millisecond is no time") { try parse("[service]\nshutdown_timeout = \"0.0001s\"") }
    }

    @Test(arguments: [
        ("[service]\nlog_level = \"loud\"", 2, "service.log_level", "is not one of"),
        ("[service]\n\nlog_levle = \"info\"", 3, "service.log_levle", "unknown setting"),
        // Found with fuzz-config: a file written with CRLF counted as one line.
        ("[service]\r\n\r\nlog_levle = \"info\"\r\n", 3, "service.log_levle", "unknown setting"),
        ("[varlink]\r\nmax_connections = 0\r\n", 2, "varlink.max_connections", "out of range"),
        ("[servic]\nlog_level = \"info\"", 1, "servic", "unknown section"),
        ("[varlink]\nmax_connections = \"5\"", 2, "varlink.max_connections", "whole number"),
        ("[terms]\nintake = \"0w\"", 2, "terms.intake", "is not a term"),
        ("[scheduling]\nsession_length = \"0\"", 2, "scheduling.session_length", "longer than zero"),
        ("[scheduling]\nsession_length = \"90s\"", 2, "scheduling.session_length", "whole minutes"),
        ("[scheduling]\noffice_hours = \"17:00-09:00\"", 2, "scheduling.office_hours", "not a set of hours"),
        ("[terms]\nintake = \"none\"", 2, "terms.intake", "is not a term"),
        ("[calendar]\nextra_holidays = [\"2025-02-30\"]", 2, "calendar.extra_holidays", "is not a date"),
        ("[calendar]\nextra_holidays = \"2025-05-05\"", 2, "calendar.extra_holidays", "list of dates"),
        ("[reminders]\ntime = \"9:00\"", 2, "reminders.time", "not a time of day"),
        ("[reminders]\nbefore = [0]", 2, "reminders.before", "from 1 to 60"),
        ("[reminders]\non_due_date = \"yes\"", 2, "reminders.on_due_date", "true or false"),
        ("[reminders.appeal]\ntime = \"09:00\"", 1, "reminders.appeal", "unknown setting"),
        ("[reminders.mediation]\noverdue_every = -1", 2, "reminders.mediation.overdue_every", "out of range"),
        ("[varlink]\nmax_connections = 0", 2, "varlink.max_connections", "out of range"),
        ("[varlink]\nmax_message_size = 100", 2, "varlink.max_message_size", "out of range"),
        ("[varlink]\nmax_connections_per_user = 0", 2, "varlink.max_connections_per_user", "out of range"),
        ("[varlink]\nsend_timeout = \"0\"", 2, "varlink.send_timeout", "longer than zero"),
        ("[varlink]\nidle_timeout = \"soon\"", 2, "varlink.idle_timeout", "not a time span"),
        ("[service]\nshutdown_timeout = \"0\"", 2, "service.shutdown_timeout", "longer than zero"),
        ("[varlink]\nidle_timeout = \"10000000000000000s\"", 2, "varlink.idle_timeout", "longer than a year"),
        ("[service]\nstate_directory = \"\"", 2, "service.state_directory", "must not be empty"),
        ("[service]\nstate_directory = 5", 2, "service.state_directory", "must be a string"),
        ("service = 1", 1, "service", "must be a table"),
    ])
    func mistakesNameTheFileLineAndKey(text: String, line: Int, key: String, reason: String) {
        #expect {
            _ = try parse(text)
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.file == "test.toml" && error.line == line && error.key == key && error.reason.contains(reason)
                && error.description.hasPrefix("test.toml:\(line): \(key): ")
        }
    }

    @Test func aSyntaxErrorNamesItsLine() {
        #expect {
            _ = try parse("[service]\nlog_level = \"info\"\nlog_target = \n")
        } throws: { error in
            (error as? ConfigurationError)?.line == 3
        }
    }

    /// Found by Fuzz/fuzz-config: toml++ 3.4.0 aborted the process on these.
    @Test(arguments: [
        ("[$", 1), ("[service]\nlog_level = \"info\"\n[ =x]\n", 3), ("\u{FEFF}[$ervice]", 1), ("[[#]]", 1), ("  [\n", 1), ("[[ .a]]", 1),
        ("[reminders]\nbefore = [10, }5, 1]", 2), ("[reminders]\nbefore = [\n  # soon\n  }\n]", 4), ("a = [[1], [}]]", 1),
        ("n=1979-05-27T:", 1), ("[calendar]\nextra_holidays = [2025-05-05]", 2), ("[varlink]\nmax_connections = 5.5", 2), ("a = inf", 1),
    ])
    func whatTheTOMLParserWouldAbortOnIsRefused(text: String, line: Int) {
        #expect {
            _ = try parse(text)
        } throws: { error in
            (error as? ConfigurationError)?.line == line
        }
    }

    @Test func headersAndListsThatLookAlikeStillRead() throws {
        let configuration = try parse("""
            [ service ]
            state_directory = \"\"\"
            [$HOME}]\"\"\"
            socket_path = "[}, #"
            [varlink]
            max_connections = 1_024
            max_message_size = 0x10000
            \t["reminders" . 'mediation']
            before = [ # soon
              2, +1,
            ]
            on_due_date = false
            """)
        #expect(configuration.stateDirectory == "[$HOME}]")
        #expect(configuration.socketPath == "[}, #")
        #expect(configuration.varlink.maximumConnections == 1024 && configuration.varlink.maximumMessageSize == 65536)
        #expect(configuration.reminders.policy(for: .track(.mediation)).workingDaysBefore == [2, 1])
        #expect(configuration.reminders.policy(for: .track(.mediation)).onDueDate == false)
    }

    @Test func aMissingDefaultFileMeansBuiltInDefaultsButANamedOneIsAnError() throws {
        let directory = TemporaryDirectory()
        #expect(throws: ConfigurationError(file: directory.file("absent.toml"), reason: "no such file; check --config")) {
            _ = try ConfigurationLoader.load(path: directory.file("absent.toml"), environment: [:])
        }
        let path = directory.write("present.toml", "[varlink]\nmax_connections = 3\n")
        let (configuration, origin) = try ConfigurationLoader.load(path: path, environment: [:])
        #expect(configuration.varlink.maximumConnections == 3)
        #expect(origin == ConfigurationLoader.Origin(file: path, dropIns: []))
    }

    @Test func dropInsOverrideTheMainFileInNameOrderAndAMistakeInOneRefusesAll() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("mediationd.toml", "[varlink]\nmax_connections = 3\nmax_message_size = 8192\n")
        try FileManager.default.createDirectory(atPath: directory.file("mediationd.toml.d"), withIntermediateDirectories: false)
        let second = directory.write("mediationd.toml.d/20-more.toml", "[varlink]\nmax_connections = 20\n")
        let first = directory.write("mediationd.toml.d/10-site.toml", "[varlink]\nmax_connections = 10\n[terms]\nintake = \"4w\"\n")
        directory.write("mediationd.toml.d/README", "not a drop-in")
        directory.write("mediationd.toml.d/30-old.toml~", "[nonsense]")
        let (configuration, origin) = try ConfigurationLoader.load(path: path, environment: [:])
        #expect(configuration.varlink.maximumConnections == 20, "the later drop-in wins")
        #expect(configuration.varlink.maximumMessageSize == 8192, "what no drop-in sets stays as the main file says")
        #expect(configuration.terms.intake == Term("4w"))
        #expect(origin.dropIns == [first, second])
        #expect(origin.description == "\(path) with \(first), \(second)")

        let broken = directory.write("mediationd.toml.d/15-typo.toml", "[varlink]\nmax_conections = 4\n")
        #expect {
            _ = try ConfigurationLoader.load(path: path, environment: [:])
        } throws: { error in
            let error = error as? ConfigurationError
            return error?.file == broken && error?.line == 2 && error?.key == "varlink.max_conections"
        }
    }

    @Test func defaultPathsFollowSystemdsDirectories() {
        let managed = DaemonConfiguration.defaults(environment: ["STATE_DIRECTORY": "/var/lib/mediationd", "RUNTIME_DIRECTORY": "/run/mediationd:/run/other"])
        #expect(managed.stateDirectory == "/var/lib/mediationd")
        #expect(managed.socketPath == "/run/mediationd/io.mediationd")
        #expect(defaults.stateDirectory == "state")
        #expect(defaults.socketPath == "run/io.mediationd")
    }

    @Test func settingsReadOnlyAtStartAreNamedWhenAReloadChangesThem() {
        var changed = defaults
        changed.socketPath = "/elsewhere"
        changed.logLevel = .debug
        changed.logTarget = .journal
        #expect(changed.restartOnlyDifferences(from: defaults) == ["service.socket_path", "service.log_target"])
    }
}
