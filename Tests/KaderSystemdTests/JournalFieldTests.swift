import KaderSystemd
import Logging
import Testing

@Suite struct JournalFieldTests {
    @Test func namesOurMetadataKeysUnderTheKaderdPrefix() {
        #expect(JournalField.name(forMetadataKey: "workflow") == "KADERD_WORKFLOW")
        #expect(JournalField.name(forMetadataKey: "task") == "KADERD_TASK")
        #expect(JournalField.name(forMetadataKey: "plugin") == "KADERD_PLUGIN")
        #expect(JournalField.name(forMetadataKey: "peer_uid") == "KADERD_PEER_UID")
    }

    @Test func replacesWhatJournaldWouldRejectAndKeepsNamesShortEnough() {
        #expect(JournalField.name(forMetadataKey: "sl-service") == "KADERD_SL_SERVICE")
        #expect(JournalField.name(forMetadataKey: "région.code") == "KADERD_R_GION_CODE")
        #expect(JournalField.name(forMetadataKey: String(repeating: "x", count: 100)).count == 64)
    }

    @Test func mapsLevelsToSyslogPriorities() {
        let priorities = Logger.Level.allCases.map(JournalField.priority(of:))
        #expect(priorities == [7, 7, 6, 5, 4, 3, 2])
    }
}
