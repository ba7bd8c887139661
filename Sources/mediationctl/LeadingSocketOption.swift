/// `mediationctl --socket PATH status` as well as `mediationctl status --socket PATH`: the socket
/// is an option of every command that talks to the daemon, and ArgumentParser takes a command's
/// options only after its name, so one given before the first command name is moved after the
/// last. Only the arguments before that first name are looked at: a value such as a subject
/// that reads "--socket" is never touched.
enum LeadingSocketOption {
    static let flag = "--socket"

    static func moved(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex, arguments[index].hasPrefix("-") {
            if arguments[index] == flag, index + 1 < arguments.endIndex {
                leading += arguments[index...index + 1]
                index += 2
            } else if arguments[index].hasPrefix(flag + "=") {
                leading.append(arguments[index])
                index += 1
            } else {
                // --help, --version: left where they are, with what follows.
                return arguments
            }
        }
        guard !leading.isEmpty, index < arguments.endIndex else { return arguments }
        return Array(arguments[index...]) + leading
    }
}
