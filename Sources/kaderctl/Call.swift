import ArgumentParser
import KaderClient
import KaderRPC

struct Call: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Call any method with JSON params and print its result as JSON.",
        discussion: """
            For scripts and debugging. `kaderctl call rpc.discover` lists every method with its params.
            Example: kaderctl call daemon.status '{}'

            """ + GlobalOptions.helpNote
    )

    @ParentCommand var kaderctl: Kaderctl
    var global: GlobalOptions { kaderctl.global }

    @Argument(help: "The method, as noun.verb (e.g. daemon.status).")
    var method: String

    @Argument(help: "The params as a JSON object (default: none).")
    var params: String?

    func run() throws {
        var parsedParams: JSONValue?
        if let params {
            do {
                parsedParams = try JSONParser.parse(params)
            } catch {
                throw ValidationError("the params are not valid JSON: \(error)")
            }
        }
        let result = try global.withConnection { connection throws(ClientError) in
            try connection.call(method, params: parsedParams)
        }
        Output.json(result)
    }
}
