import KaderSystemd
import Testing

@Suite struct NotifyMessageTests {
    @Test func spellsEachMessageAsSystemdReadsIt() {
        #expect(NotifyMessage.ready.text == "READY=1")
        #expect(NotifyMessage.stopping.text == "STOPPING=1")
        #expect(NotifyMessage.watchdog.text == "WATCHDOG=1")
        #expect(NotifyMessage.reloading(monotonicMicroseconds: 42).text == "RELOADING=1\nMONOTONIC_USEC=42")
    }

    @Test func keepsAStatusOnOneLineSoItCannotSetOtherKeys() {
        #expect(NotifyMessage.status("reload failed:\nREADY=1").text == "STATUS=reload failed: READY=1")
    }
}
