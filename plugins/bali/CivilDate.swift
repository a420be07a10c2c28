/// A Gregorian date and its day number (days since 1970-01-01), after Howard Hinnant's
/// civil-date algorithms, so the plugin needs nothing beyond the standard library.
struct CivilDate {
    let year: Int
    let month: Int
    let day: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    var iso: String { "\(year)-\(pad(month))-\(pad(day))" }
}

func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

/// The whole number after `key` and a colon in a flat JSON text, e.g. `"year": 2027`.
func number(after key: String, in json: String) -> Int? {
    guard let range = json.firstRange(of: key) else { return nil }
    let rest = json[range.upperBound...].drop { $0 == " " || $0 == ":" }
    return Int(String(rest.prefix { $0.isNumber }))
}

/// The string after `key` and a colon in a flat JSON text, e.g. `"village_kind": "desa"`.
func text(after key: String, in json: String) -> String? {
    guard let range = json.firstRange(of: key) else { return nil }
    let rest = json[range.upperBound...].drop { $0 == " " || $0 == ":" }
    guard rest.first == "\"" else { return nil }
    return String(rest.dropFirst().prefix { $0 != "\"" })
}
