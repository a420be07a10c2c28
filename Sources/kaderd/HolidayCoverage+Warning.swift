import Foundation
import KaderCore
import Logging

extension HolidayCoverage {
    /// The instant the warning starts: when WIT, the first of Indonesia's zones to get
    /// there, reaches the day fewer than 12 months of data remain.
    var warningInstant: Date {
        warningStarts.date(in: TimeZone(secondsFromGMT: IndonesianZone.wit.utcOffsetSeconds)!)
    }

    /// Warns in the log, at start and at each reload, once the data runs out within a year.
    static func warnIfRunningOut(logger: Logger) {
        guard let coverage = BlackoutCalendar.national.holidayCoverage, Date() >= coverage.warningInstant else { return }
        logger.warning("\(coverage.warning)", metadata: ["holiday_years": "\(coverage)"])
    }
}
