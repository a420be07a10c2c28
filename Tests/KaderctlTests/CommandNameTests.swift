import ArgumentParser
import Testing

@testable import kaderctl

@Suite struct CommandNameTests {
    /// Named by hand, so starting never derives a name by reflection (see `Kaderctl`).
    @Test func everyCommandSpellsOutItsName() {
        var pending: [any ParsableCommand.Type] = [Kaderctl.self]
        while let command = pending.popLast() {
            #expect(command.configuration.commandName != nil, "\(command)")
            pending += command.configuration.subcommands
        }
    }
}
