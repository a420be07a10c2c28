import Foundation

/// The lexical rules of RFC 5545 that a calendar file must keep for phones to read it:
/// escaped TEXT values, CRLF line ends, lines folded at 75 octets, and its forms of time.
public enum ICalendarText {
    /// The longest a content line may be, in octets, not counting its CRLF (section 3.1).
    public static let maximumLineOctets = 75

    /// A TEXT value (section 3.3.11): backslash, semicolon and comma escaped with a
    /// backslash, every line break (CRLF, CR or LF) as `\n`. Other control characters are
    /// not allowed in TEXT at all and are dropped, except the tab.
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r": result += "\\n"
            // The LF of a CRLF: its CR already made the line break.
            case "\n": if !previousWasCR { result += "\\n" }
            case "\t": result.unicodeScalars.append(scalar)
            case "\u{00}"..."\u{1F}", "\u{7F}": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A content line folded (section 3.1): after at most 75 octets a CRLF and a space,
    /// which begins the next physical line and counts toward its 75. A line is broken
    /// between characters (grapheme clusters), so a vowel sign of Javanese or Balinese
    /// script never starts a line after the fold's space, nor is an escape (`\,`) cut in
    /// two; only a character longer than a whole line (74 octets) is broken between its
    /// Unicode scalars. Never is the UTF-8 sequence of one scalar cut, so every physical
    /// line is valid UTF-8 on its own. Ends with CRLF.
    public static func folded(_ line: String) -> String {
        var result = ""
        var octets = 0
        func append(_ piece: String, length: Int) {
            if octets + length > maximumLineOctets {
                result += "\r\n "
                octets = 1
            }
            result += piece
            octets += length
        }
        var characters = line.makeIterator()
        while let character = characters.next() {
            // An escape stays whole (`\n`, `\,`): readers that unfold after unescaping, or
            // not at all, still read it.
            let piece = character == "\\" ? characters.next().map { "\\\($0)" } ?? "\\" : String(character)
            let length = piece.utf8.count
            if length < maximumLineOctets {
                append(piece, length: length)
            } else {
                for scalar in piece.unicodeScalars { append(String(scalar), length: UTF8.width(scalar)) }
            }
        }
        return result + "\r\n"
    }

    /// A DATE-TIME in UTC, `20261201T010000Z` (form 2 of section 3.3.5), for DTSTAMP,
    /// LAST-MODIFIED and the times of events in a zone no VTIMEZONE describes.
    public static func utc(_ date: Date) -> String {
        local(date, in: .gmt) + "Z"
    }

    /// A DATE-TIME on the wall clock of `zone`, `20261201T090000` (form 3, with a TZID=
    /// parameter naming the zone).
    public static func local(_ date: Date, in zone: TimeZone) -> String {
        let time = LocalDateTime(date, in: zone)
        let day = time.date
        return LocalDate.pad(day.year, 4) + LocalDate.pad(day.month, 2) + LocalDate.pad(day.day, 2) + "T"
            + LocalDate.pad(time.hour, 2) + LocalDate.pad(time.minute, 2) + LocalDate.pad(time.second, 2)
    }
}
