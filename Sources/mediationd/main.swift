import ArgumentParser
import Foundation
import Logging
import MediationService

/// `mediationd`: loads the configuration, sets up logging, starts the daemon and serves until
/// told to stop. Everything else lives in MediationService.
@main
struct MediationdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mediationd",
        abstract: "Keeps an ombudsman office's complaint process on time.",
        discussion: """
        Serves io.mediationd.* over Varlink on a Unix socket: the one systemd passes \
        (mediationd.socket), or service.socket_path from the configuration. The database lives in \
        service.state_directory. SIGHUP reloads the configuration; SIGTERM finishes the calls in \
        progress and stops.

        Exit status: 0 after a clean stop, 78 for an unusable configuration, 1 when the database or \
        socket cannot be opened.
        """,
        version: MediationVersion.string
    )

    @Option(name: .long, help: ArgumentHelp("The configuration file. Without it, \(ConfigurationLoader.defaultPath) if it exists, else the built-in defaults.", valueName: "path"))
    var config: String?

    @Flag(name: .long, help: "Check the configuration, print the settings in force and exit.")
    var checkConfig = false

    func run() async throws {
        let configuration: DaemonConfiguration
        let origin: ConfigurationLoader.Origin
        do {
            (configuration, origin) = try ConfigurationLoader.load(path: config)
        } catch {
            FileHandle.standardError.write(Data("mediationd: configuration not usable: \(error)\n".utf8))
            throw ExitCode(78)
        }
        let templates: DocumentTemplates
        do {
            templates = try DocumentTemplates.load(from: configuration.templatesDirectory)
        } catch {
            FileHandle.standardError.write(Data("mediationd: document template not usable: \(error)\n".utf8))
            throw ExitCode(78)
        }
        if checkConfig {
            print("configuration OK (\(origin)); templates OK (\(templates.directory))")
            print(configuration.rendered)
            return
        }
        DaemonLogging.bootstrap(target: configuration.logTarget, level: configuration.logLevel)
        let logger = Logger(label: "mediationd")
        logger.info("configuration from \(origin)")
        let daemon: MediationDaemon
        do {
            daemon = try await MediationDaemon.start(configuration: configuration, templates: templates, configurationPath: config, logger: logger)
        } catch {
            logger.critical("cannot start: \(error)")
            throw ExitCode.failure
        }
        try await daemon.run()
    }
}
