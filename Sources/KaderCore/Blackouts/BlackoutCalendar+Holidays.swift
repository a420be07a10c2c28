import CKaderData

extension BlackoutCalendar {
    static let holidaysFile = "holidays.csv"

    /// Indonesia's national holidays and cuti bersama as shipped in kaderd, a blackout in
    /// every province. Read on first use; the data is checked by the tests of every build,
    /// so failing to read it is a bug.
    public static let national: BlackoutCalendar = {
        let csv = UnsafeBufferPointer(start: kader_holidays_csv_bytes(), count: kader_holidays_csv_size)
        do {
            return try BlackoutCalendar(holidaysCSV: csv)
        } catch {
            fatalError("The holiday data built into kaderd is broken: \(error)")
        }
    }()

    /// A calendar of the national holidays in `csv`, in the shape of holidays.csv:
    /// `date,name`, one row per holiday.
    public init(holidaysCSV csv: String) throws(RegionDataError) {
        var csv = csv
        let parsed = csv.withUTF8 { bytes in
            Result { () throws(RegionDataError) in try BlackoutCalendar(holidaysCSV: bytes) }
        }
        self = try parsed.get()
    }

    private init(holidaysCSV csv: UnsafeBufferPointer<UInt8>) throws(RegionDataError) {
        self.init()
        var reader = ReferenceCSVReader(csv, file: Self.holidaysFile)
        var fields: [String] = []
        guard try reader.nextRecord(into: &fields), fields == ["date", "name"] else {
            throw reader.error("expected the header \"date,name\"")
        }
        while try reader.nextRecord(into: &fields) {
            guard fields.count == 2 else { throw reader.error("expected 2 fields (date,name), found \(fields.count)") }
            let date: LocalDate
            do { date = try LocalDate(parsing: fields[0]) } catch { throw reader.error(error.description) }
            guard !fields[1].isEmpty else { throw reader.error("the holiday on \(date) has no name") }
            addNational(fields[1], on: date)
        }
        coverAddedHolidays()
    }
}
