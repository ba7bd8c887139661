import Foundation
import Glibc
import TestSupport

/// The daemon under test: started the way systemd starts it (READY=1 on a notification socket),
/// killed with SIGKILL, started again on the same state directory.
final class CrashDaemon: @unchecked Sendable {
    let executable: String
    let directory = TemporaryDirectory()
    let notify: NotifyListener
    let configuration: String
    private(set) var process: ChildProcess?
    private(set) var starts = 0

    init(executable: String, templates: String) throws {
        self.executable = executable
        try FileManager.default.createDirectory(atPath: directory.file("state"), withIntermediateDirectories: true)
        notify = NotifyListener(path: directory.file("notify"))
        configuration = directory.write("mediationd.toml", """
        [service]
        state_directory = "\(directory.file("state"))"
        socket_path = "\(directory.file("io.mediationd"))"
        log_target = "stderr"
        log_level = "warning"

        [documents]
        templates = "\(templates)"
        """)
    }

    var database: String { directory.file("state/mediationd.sqlite") }
    var socketPath: String { directory.file("io.mediationd") }

    /// Starts it and returns once it said READY=1.
    func start() throws {
        starts += 1
        let process = try ChildProcess(executable, ["--config", configuration], environment: ["NOTIFY_SOCKET": notify.path],
                                       directory: directory, name: "daemon-\(starts)")
        self.process = process
        guard notify.blockingWait(for: "READY", value: "1", timeout: 60) != nil else {
            throw TestSetupError("mediationd did not become ready after start \(starts): \(process.standardError)")
        }
    }

    /// SIGKILL, as a power cut or the OOM killer would end it, and waits until it is gone.
    func kill() {
        process?.signal(SIGKILL)
        _ = process?.blockingWaitForExit(timeout: 30)
    }

    /// SIGTERM; its exit status.
    func stop() -> Int32? {
        process?.signal(SIGTERM)
        return process?.blockingWaitForExit(timeout: 60)
    }
}
