import Foundation
import KaderCore
import Testing

/// The calendar file phones import: RFC 5545's lexical rules (CRLF, folding at 75 octets
/// without breaking a UTF-8 sequence, escaped TEXT), a VTIMEZONE for exactly the zones
/// used, and events whose identity and revision let a newer file update an older one.
///
/// The writer is pure (the moment of writing is given), so fixed instants are safe here.
@Suite struct ICalendarWriterTests {
    /// 2026-12-01T01:00:00Z: 08:00 WIB, 09:00 WITA, 10:00 WIT.
    static let instant = Date(timeIntervalSince1970: 1_796_086_800)
    static let stamp = Date(timeIntervalSince1970: 1_795_000_000.75)
    static let writer = ICalendarWriter(productID: "-//kaderd//kaderd 9.9.9//EN")

    static func event(
        _ uid: String = "tsk_a@kaderd", zone: String = "Asia/Makassar", summary: String = "Identifikasi calon KPMD – Munggu",
        location: String = "Munggu", description: String = "Task: tsk_a", status: CalendarEventStatus = .confirmed,
        sequence: Int = 0
    ) -> CalendarEvent {
        CalendarEvent(
            uid: uid, start: instant, end: instant.addingTimeInterval(2 * 3600), zoneIdentifier: zone, summary: summary,
            location: location, description: description, status: status, sequence: sequence,
            lastModified: instant.addingTimeInterval(-86_400))
    }

    /// The logical lines: folds undone, CRLFs taken off. Unfolded in octets, as RFC 5545
    /// says, not in characters: a fold's space may combine with a mark after it.
    static func unfolded(_ text: String) -> [String] {
        var lines: [[UInt8]] = []
        for line in physicalLines(text).dropLast() {
            if line.first == UInt8(ascii: " "), !lines.isEmpty {
                lines[lines.count - 1] += line.dropFirst()
            } else {
                lines.append(line)
            }
        }
        return lines.map { String(decoding: $0, as: UTF8.self) }
    }

    static func physicalLines(_ text: String) -> [[UInt8]] {
        var lines: [[UInt8]] = [[]]
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
                lines.append([])
                index += 2
            } else {
                lines[lines.count - 1].append(bytes[index])
                index += 1
            }
        }
        return lines
    }

    @Test func writesAPublishedCalendarWithItsNameAndProduct() {
        let text = Self.writer.write(name: "kaderd – Munggu (51.03.02.2001)", events: [Self.event()], stamp: Self.stamp)
        let lines = Self.unfolded(text)
        #expect(Array(lines.prefix(7)) == [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//kaderd//kaderd 9.9.9//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "NAME:kaderd – Munggu (51.03.02.2001)", "X-WR-CALNAME:kaderd – Munggu (51.03.02.2001)",
        ])
        #expect(lines.last == "END:VCALENDAR")
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
    }

    @Test func endsEveryLineWithCRLFAndNothingElse() {
        let text = Self.writer.write(
            name: "a\nb", events: [Self.event(description: "one\ntwo\r\nthree\rfour")], stamp: Self.stamp)
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() {
            if byte == 10 { #expect(index > 0 && bytes[index - 1] == 13, "a bare LF at \(index)") }
            if byte == 13 { #expect(index + 1 < bytes.count && bytes[index + 1] == 10, "a bare CR at \(index)") }
        }
        #expect(Self.unfolded(text).contains("DESCRIPTION:one\\ntwo\\nthree\\nfour"))
    }

    @Test func writesAnEventInTheVillagesOwnTimeWithItsRevision() {
        let text = Self.writer.write(
            name: "x", events: [Self.event(status: .cancelled, sequence: 3)], stamp: Self.stamp)
        let lines = Self.unfolded(text)
        let event = Array(lines.drop(while: { $0 != "BEGIN:VEVENT" }).prefix(while: { $0 != "END:VEVENT" }))
        #expect(event == [
            "BEGIN:VEVENT",
            "UID:tsk_a@kaderd",
            "DTSTAMP:20261118T110640Z",
            "DTSTART;TZID=Asia/Makassar:20261201T090000",
            "DTEND;TZID=Asia/Makassar:20261201T110000",
            "SEQUENCE:3",
            "STATUS:CANCELLED",
            "LAST-MODIFIED:20261130T010000Z",
            "SUMMARY:Identifikasi calon KPMD – Munggu",
            "LOCATION:Munggu",
            "DESCRIPTION:Task: tsk_a",
            "TRANSP:OPAQUE",
        ])
    }

    @Test(arguments: [("Asia/Jakarta", "080000", "+0700", "WIB"), ("Asia/Makassar", "090000", "+0800", "WITA"),
                      ("Asia/Jayapura", "100000", "+0900", "WIT"), ("Asia/Pontianak", "080000", "+0700", "WIB")])
    func describesEachZoneWithOneStandardRule(zone: String, local: String, offset: String, name: String) {
        let lines = Self.unfolded(Self.writer.write(name: "x", events: [Self.event(zone: zone)], stamp: Self.stamp))
        let timeZone = Array(lines.drop(while: { $0 != "BEGIN:VTIMEZONE" }).prefix(while: { $0 != "END:VTIMEZONE" }))
        #expect(timeZone == [
            "BEGIN:VTIMEZONE", "TZID:\(zone)", "X-LIC-LOCATION:\(zone)", "BEGIN:STANDARD", "DTSTART:19700101T000000",
            "TZOFFSETFROM:\(offset)", "TZOFFSETTO:\(offset)", "TZNAME:\(name)", "END:STANDARD",
        ])
        #expect(lines.contains("DTSTART;TZID=\(zone):20261201T\(local)"))
    }

    @Test func carriesATimeZoneForExactlyTheZonesItsEventsUse() {
        let events = [
            Self.event("tsk_1@kaderd", zone: "Asia/Jayapura"), Self.event("tsk_2@kaderd", zone: "Asia/Jakarta"),
            Self.event("tsk_3@kaderd", zone: "Asia/Jayapura"), Self.event("tsk_4@kaderd", zone: "Asia/Jakarta"),
        ]
        let lines = Self.unfolded(Self.writer.write(name: "x", events: events, stamp: Self.stamp))
        #expect(lines.filter { $0.hasPrefix("TZID:") } == ["TZID:Asia/Jakarta", "TZID:Asia/Jayapura"])
        #expect(lines.count { $0 == "BEGIN:VTIMEZONE" } == 2)
        #expect(lines.count { $0 == "BEGIN:VEVENT" } == 4)
        // Zones come before the events that name them.
        #expect(lines.lastIndex(of: "END:VTIMEZONE")! < lines.firstIndex(of: "BEGIN:VEVENT")!)

        let none = Self.unfolded(Self.writer.write(name: "x", events: [], stamp: Self.stamp))
        #expect(!none.contains("BEGIN:VTIMEZONE"))
        #expect(none.last == "END:VCALENDAR")
    }

    /// A zone no VTIMEZONE describes (no Indonesian zone) is written in UTC, which every reader takes.
    @Test func writesAnEventOfAnotherZoneInUTC() {
        let lines = Self.unfolded(
            Self.writer.write(name: "x", events: [Self.event(zone: "Europe/Amsterdam"), Self.event(zone: "Nowhere/Else")],
                              stamp: Self.stamp))
        #expect(!lines.contains("BEGIN:VTIMEZONE"))
        #expect(lines.filter { $0.hasPrefix("DTSTART") } == ["DTSTART:20261201T010000Z", "DTSTART:20261201T010000Z"])
        #expect(lines.filter { $0.hasPrefix("DTEND") } == ["DTEND:20261201T030000Z", "DTEND:20261201T030000Z"])
    }

    @Test func escapesTextValues() {
        #expect(ICalendarText.escaped(#"a\b;c,d"#) == #"a\\b\;c\,d"#)
        #expect(ICalendarText.escaped("one\ntwo\r\nthree\rfour\n\n") == #"one\ntwo\nthree\nfour\n\n"#)
        #expect(ICalendarText.escaped("tab\there\u{7}bell\u{0}nul\u{7F}") == "tab\therebellnul")
        #expect(ICalendarText.escaped("Ni Luh Ayu: \"Kepala\"") == "Ni Luh Ayu: \"Kepala\"")
        let lines = Self.unfolded(
            Self.writer.write(
                name: "Desa A, B; C", events: [Self.event(summary: #"Rapat, desa; \ dusun"#, location: "Munggu, Mengwi")],
                stamp: Self.stamp))
        #expect(lines.contains(#"X-WR-CALNAME:Desa A\, B\; C"#))
        #expect(lines.contains(#"SUMMARY:Rapat\, desa\; \\ dusun"#))
        #expect(lines.contains(#"LOCATION:Munggu\, Mengwi"#))
    }

    /// Names in Javanese or Balinese script, accented Latin and emoji are 2 to 4 octets a
    /// character: no fold may cut one, and every physical line stays within 75 octets.
    @Test(arguments: [
        String(repeating: "ꦥꦤꦕꦱꦶꦭ", count: 12), String(repeating: "Ñoño Ayu ", count: 20),
        String(repeating: "🌾", count: 40),
        String(repeating: "ᬩᬮᬶ", count: 30) + "x", String(repeating: "a", count: 200),
        "e\u{301}" + String(repeating: "é", count: 80),
    ])
    func foldsLongLinesWithoutSplittingACharacter(_ name: String) throws {
        let text = Self.writer.write(name: name, events: [Self.event(summary: name, description: name)], stamp: Self.stamp)
        for line in Self.physicalLines(text) {
            #expect(line.count <= 75, "\(line.count) octets")
            #expect(String(validating: line, as: UTF8.self) != nil, "a physical line is not valid UTF-8 on its own")
        }
        let lines = Self.unfolded(text)
        #expect(lines.contains("SUMMARY:" + name))
        #expect(lines.contains("X-WR-CALNAME:" + name))
        // A fold goes on with one space, and only where it must: the next character did not fit.
        let physical = Self.physicalLines(text)
        for (line, next) in zip(physical, physical.dropFirst()) where next.first == UInt8(ascii: " ") {
            let character = try #require(String(validating: next.dropFirst(), as: UTF8.self)?.first)
            #expect(line.count + character.utf8.count > 75, "folded before it had to")
        }
    }

    /// A vowel sign belongs to the letter before it: the fold goes before the letter, so no
    /// line starts with a mark that would combine with the fold's space.
    @Test func foldsBetweenCharactersNotInsideOne() {
        let line = String(repeating: "a", count: 72) + "ꦱꦶ"
        #expect(ICalendarText.folded(line) == String(repeating: "a", count: 72) + "\r\n ꦱꦶ\r\n")
        // A character longer than a line is cut between its scalars, never inside one.
        let long = "e" + String(repeating: "\u{301}", count: 40)
        let folded = ICalendarText.folded(long)
        #expect(Self.physicalLines(folded).allSatisfy { $0.count <= 75 && String(validating: $0, as: UTF8.self) != nil })
        #expect(Self.unfolded(folded) == [long])
        // An escape is not cut in two either.
        let escaped = String(repeating: "a", count: 74) + "\\,b"
        #expect(ICalendarText.folded(escaped) == String(repeating: "a", count: 74) + "\r\n \\,b\r\n")
    }

    @Test func foldsAtExactly75Octets() {
        #expect(ICalendarText.folded(String(repeating: "a", count: 75)) == String(repeating: "a", count: 75) + "\r\n")
        #expect(
            ICalendarText.folded(String(repeating: "a", count: 76))
                == String(repeating: "a", count: 75) + "\r\n a\r\n")
        #expect(
            ICalendarText.folded(String(repeating: "a", count: 75 + 74 + 1))
                == String(repeating: "a", count: 75) + "\r\n " + String(repeating: "a", count: 74) + "\r\n a\r\n")
        // A two-octet character that would end at octet 76 goes to the next line whole.
        #expect(
            ICalendarText.folded(String(repeating: "a", count: 74) + "é")
                == String(repeating: "a", count: 74) + "\r\n é\r\n")
    }

    @Test func writesTimesInUTCAndOnTheVillagesClockToTheSecond() throws {
        #expect(ICalendarText.utc(Self.stamp) == "20261118T110640Z")
        let jayapura = try #require(TimeZone(identifier: "Asia/Jayapura"))
        #expect(ICalendarText.local(Self.instant, in: jayapura) == "20261201T100000")
    }

    /// A newer file differs from an older one of the same tasks only where something changed:
    /// the same UIDs, so a phone updates its events instead of adding them again.
    @Test func keepsEveryEventsIdentityAcrossExports() {
        let events = [Self.event("tsk_1@kaderd"), Self.event("tsk_2@kaderd", zone: "Asia/Jayapura")]
        let first = Self.unfolded(Self.writer.write(name: "x", events: events, stamp: Self.stamp))
        let later = Self.unfolded(
            Self.writer.write(name: "x", events: events, stamp: Self.stamp.addingTimeInterval(86_400 * 3)))
        #expect(first.filter { $0.hasPrefix("UID:") } == ["UID:tsk_1@kaderd", "UID:tsk_2@kaderd"])
        #expect(later.filter { $0.hasPrefix("UID:") } == first.filter { $0.hasPrefix("UID:") })
        #expect(zip(first, later).filter { $0 != $1 }.allSatisfy { $0.0.hasPrefix("DTSTAMP:") })
        #expect(Self.writer.write(name: "x", events: events, stamp: Self.stamp)
            == Self.writer.write(name: "x", events: events, stamp: Self.stamp))
    }
}
