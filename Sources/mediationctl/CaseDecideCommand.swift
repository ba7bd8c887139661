import ArgumentParser
import Varlink

struct CaseDecideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Decide a complaint's track: interventie, bemiddelingsgesprek, onderzoek, doorverwijzing or niet bevoegd.",
        discussion: """
        Meets the intake deadline and starts the track's own term, counted from today. A decision \
        is final. The tracks:

        \(TrackArgument.valueList)

        A referral names the body the complainant is referred to (--referred-to); the other \
        tracks take no body.
        """
    )

    @OptionGroup var target: CaseReferenceArgument

    @Option(help: ArgumentHelp("How the complaint is handled.", valueName: "track"))
    var track: TrackArgument

    @Option(help: ArgumentHelp("Why this track, for the case's history.", valueName: "text"))
    var reason: String

    @Option(help: ArgumentHelp("With --track referral: the body the complainant is referred to.", valueName: "body"))
    var referredTo: String?

    @OptionGroup var daemon: DaemonSocket
    @OptionGroup var output: OutputOptions

    func run() async throws {
        var parameters: [String: JSONValue] = [
            "reference": .string(target.reference),
            "track": .string(track.wire.rawValue),
            "reason": .string(reason),
        ]
        parameters["referredTo"] = referredTo.map(JSONValue.string)
        try await CaseChangeReport(daemon: daemon, output: output).run("Decide", parameters) {
            "Decided case \($0.reference): \(track.rawValue) (\(track.dutch))."
        }
    }
}
