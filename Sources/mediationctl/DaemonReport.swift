import Varlink

extension DaemonSocket {
    /// One call and what it prints: the daemon's reply as it came for --json, else `render`'s
    /// text for people. Every command that shows one reply goes through here.
    func report<Reply: Decodable>(_ method: String, _ parameters: [String: JSONValue] = [:], as type: Reply.Type, output: OutputOptions,
                                  render: (Reply) -> String) throws(CLIFailure) {
        let (raw, reply) = try call(method, parameters: parameters, as: type)
        if output.json {
            output.printJSON(.object(raw))
            return
        }
        print(render(reply))
    }
}
