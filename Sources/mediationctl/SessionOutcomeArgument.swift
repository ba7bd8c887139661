import ArgumentParser

/// How a session ended, as staff type it. The wire spells `no_show` because Varlink enum values
/// cannot contain `-`.
enum SessionOutcomeArgument: String, CaseIterable, ExpressibleByArgument {
    case held
    case noShow = "no-show"
    case settled

    var wire: String {
        self == .noShow ? "no_show" : rawValue
    }
}
