/// Reads the ISO 8601 extended forms of local dates and date-times, strictly: the text is
/// exchanged with scripts and stored, so one spelling per value keeps it comparable.
struct LocalTimeScanner {
    private let text: String
    private let bytes: [UInt8]
    private let expected: String
    private let format: String
    private var position = 0
    private var hasTimeOfDay = false

    init(_ text: String, expected: String, format: String) {
        self.text = text
        self.bytes = Array(text.utf8)
        self.expected = expected
        self.format = format
    }

    /// `YYYY-MM-DD`, or a sign and at least four digits for years outside 0000–9999.
    mutating func scanDate() throws(LocalTimeError) -> LocalDate {
        let year: Int
        if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            position += 1
            let magnitude = try scanNumber(minimumDigits: 4, maximumDigits: 9)
            year = sign == UInt8(ascii: "-") ? -magnitude : magnitude
        } else {
            year = try scanNumber(minimumDigits: 4, maximumDigits: 4)
        }
        try expect("-")
        let month = try scanNumber(minimumDigits: 2, maximumDigits: 2)
        try expect("-")
        let day = try scanNumber(minimumDigits: 2, maximumDigits: 2)
        do {
            return try LocalDate(year: year, month: month, day: day)
        } catch {
            throw malformed(error.reason)
        }
    }

    /// `THH:MM:SS` or `THH:MM`, as seconds since midnight.
    mutating func scanTimeOfDay() throws(LocalTimeError) -> Int {
        try expect("T")
        let hour = try scanNumber(minimumDigits: 2, maximumDigits: 2)
        try expect(":")
        let minute = try scanNumber(minimumDigits: 2, maximumDigits: 2)
        var second = 0
        if peek() == UInt8(ascii: ":") {
            position += 1
            second = try scanNumber(minimumDigits: 2, maximumDigits: 2)
        }
        guard hour < 24 else { throw malformed("hour \(hour) is not 00 to 23") }
        guard minute < 60 else { throw malformed("minute \(minute) is not 00 to 59") }
        guard second < 60 else { throw malformed("second \(second) is not 00 to 59") }
        hasTimeOfDay = true
        return (hour * 60 + minute) * 60 + second
    }

    func expectEnd() throws(LocalTimeError) {
        guard let next = peek() else { return }
        if hasTimeOfDay {
            if [UInt8(ascii: "Z"), UInt8(ascii: "+"), UInt8(ascii: "-")].contains(next) {
                throw malformed("it has a zone offset, which a \(expected) never has: the village's time zone gives it")
            }
            if [UInt8(ascii: "."), UInt8(ascii: ",")].contains(next) {
                throw malformed("it has fractions of a second; times are kept to the second")
            }
        }
        throw malformed("expected \(format)")
    }

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private mutating func expect(_ character: Unicode.Scalar) throws(LocalTimeError) {
        guard peek() == UInt8(ascii: character) else { throw malformed("expected \(format)") }
        position += 1
    }

    private mutating func scanNumber(minimumDigits: Int, maximumDigits: Int) throws(LocalTimeError) -> Int {
        var value = 0
        var digits = 0
        while digits < maximumDigits, let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            position += 1
        }
        guard digits >= minimumDigits else { throw malformed("expected \(format)") }
        return value
    }

    private func malformed(_ reason: String) -> LocalTimeError {
        LocalTimeError(text: text, expected: expected, reason: reason)
    }
}
