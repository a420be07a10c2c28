import KaderSystemd
import Testing

@Suite struct LogDestinationTests {
    @Test func writesToTheJournalWhenStderrIsTheJournalStream() {
        let destination = LogDestination.detect(
            environment: ["JOURNAL_STREAM": "8:12345"], standardErrorIdentity: (device: 8, inode: 12345),
            journalAvailable: true)
        #expect(destination == .journal)
    }

    @Test func keepsStderrWhenItWasRedirectedAwayFromTheJournal() {
        // A child of a service inherits JOURNAL_STREAM even when its own stderr goes elsewhere.
        let destination = LogDestination.detect(
            environment: ["JOURNAL_STREAM": "8:12345"], standardErrorIdentity: (device: 8, inode: 999),
            journalAvailable: true)
        #expect(destination == .standardError)
    }

    @Test func writesToTheJournalWhenAUnitStartedIt() {
        let destination = LogDestination.detect(
            environment: ["INVOCATION_ID": "0f5cd1c1ee0d4d0eb9e0d0b8b1b2c3d4"], standardErrorIdentity: nil,
            journalAvailable: true)
        #expect(destination == .journal)
    }

    @Test func writesToStderrWhenRunByHand() {
        let destination = LogDestination.detect(
            environment: ["TERM": "xterm"], standardErrorIdentity: (1, 2), journalAvailable: true)
        #expect(destination == .standardError)
    }

    @Test func writesToStderrWhenJournaldIsNotThereEvenUnderAUnit() {
        // libsystemd drops entries silently when journald's socket is missing.
        let destination = LogDestination.detect(
            environment: ["INVOCATION_ID": "0f5cd1c1ee0d4d0eb9e0d0b8b1b2c3d4"], standardErrorIdentity: nil,
            journalAvailable: false)
        #expect(destination == .standardError)
    }
}
