import KaderSystemd
import Testing

@Suite struct LogDestinationTests {
    @Test func writesToTheJournalWhenStderrIsTheJournalStream() {
        let destination = LogDestination.detect(
            environment: ["JOURNAL_STREAM": "8:12345"], standardErrorIdentity: (device: 8, inode: 12345))
        #expect(destination == .journal)
    }

    @Test func keepsStderrWhenItWasRedirectedAwayFromTheJournal() {
        // A child of a service inherits JOURNAL_STREAM even when its own stderr goes elsewhere.
        let destination = LogDestination.detect(
            environment: ["JOURNAL_STREAM": "8:12345"], standardErrorIdentity: (device: 8, inode: 999))
        #expect(destination == .standardError)
    }

    @Test func writesToTheJournalWhenAUnitStartedIt() {
        let destination = LogDestination.detect(
            environment: ["INVOCATION_ID": "0f5cd1c1ee0d4d0eb9e0d0b8b1b2c3d4"], standardErrorIdentity: nil)
        #expect(destination == .journal)
    }

    @Test func writesToStderrWhenRunByHand() {
        #expect(LogDestination.detect(environment: ["TERM": "xterm"], standardErrorIdentity: (1, 2)) == .standardError)
    }
}
