import Foundation

/// Where `swift build` put the executables under test: beside the test bundle.
public enum BuiltProducts {
    public static var directory: String {
        if let override = ProcessInfo.processInfo.environment["MEDIATIOND_BIN_DIR"] { return override }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("mediationd").path) { return url.path }
        }
        return FileManager.default.currentDirectoryPath + "/.build/debug"
    }

    public static var mediationd: String { directory + "/mediationd" }
    public static var mediationctl: String { directory + "/mediationctl" }

    /// The package's root, for files the tests read from the source tree.
    public static func sourceRoot(file: String = #filePath) -> String {
        var url = URL(fileURLWithPath: file)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }
}
