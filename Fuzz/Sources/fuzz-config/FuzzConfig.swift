import FuzzSupport
import MediationService

// mediationd.toml and its drop-ins, as the daemon reads them at start and on reload: TOML
// (TOMLKit over toml++), then every setting checked and applied.
//
// Properties: a refusal names the file it was given and a line inside it; what is accepted, as
// `mediationd --check-config` prints it, reads back as the same configuration; the rules the
// daemon derives from it can be built.

/// Fixed, not taken from the process: the defaults follow STATE_DIRECTORY and RUNTIME_DIRECTORY.
let defaults = DaemonConfiguration.defaults(environment: [:])

/// Made before the first input, so that they do not count as what an input leaked.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: OpaquePointer?, _ argv: OpaquePointer?) -> CInt {
    _ = defaults
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    // The loader refuses a file that is not UTF-8 before parsing it.
    guard let text = FuzzInput(start, count).text else { return 0 }
    let configuration: DaemonConfiguration
    do {
        configuration = try ConfigurationLoader.parse(text, file: "fuzz.toml", defaults: defaults)
    } catch {
        require(error.file == "fuzz.toml", "a refusal names \(error.file)")
        // Counted in bytes: "\r\n" is one Character, and toml++ counts it as a line break too.
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
        require(error.line.map { (1...max(lines, 1)).contains($0) } ?? true, "a refusal points at line \(error.line!) of \(lines): \(error)")
        return 0
    }
    let rendered = configuration.rendered
    let again = Result { () throws(ConfigurationError) in try ConfigurationLoader.parse(rendered, file: "rendered.toml", defaults: defaults) }
    require(again == .success(configuration), "the configuration in force prints as\n\(rendered)\nwhich reads back as \(again)")
    _ = configuration.bookingRules
    _ = configuration.workflow
    return 0
}
