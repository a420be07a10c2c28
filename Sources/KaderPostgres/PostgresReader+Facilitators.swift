import Foundation
import KaderCore
import KaderStore
import PostgresNIO

extension PostgresReader {
    public func facilitator(_ id: FacilitatorID) throws -> Facilitator? {
        try session.rows("SELECT * FROM facilitator WHERE id = \(id.rawValue)").first.map(Self.facilitator)
    }

    public func facilitators(role: FacilitatorRole?) throws -> [Facilitator] {
        let rows =
            if let role {
                try session.rows("SELECT * FROM facilitator WHERE role = \(role.rawValue) ORDER BY seq")
            } else {
                try session.rows("SELECT * FROM facilitator ORDER BY seq")
            }
        return try rows.map(Self.facilitator)
    }

    public func assignments(of facilitator: FacilitatorID) throws -> [FacilitatorAssignment] {
        try session.rows("SELECT * FROM facilitator_assignment WHERE facilitator_id = \(facilitator.rawValue) ORDER BY seq")
            .map(Self.assignment)
    }

    public func assignments(of region: RegionCode) throws -> [FacilitatorAssignment] {
        try session.rows("SELECT * FROM facilitator_assignment WHERE region = \(region.description) ORDER BY seq")
            .map(Self.assignment)
    }

    public func facilitator(covering village: RegionCode, on day: LocalDate) throws -> FacilitatorID? {
        var candidates = try assignments(of: village)
        if let district = village.parent { candidates += try assignments(of: district) }
        return FacilitatorAssignment.deciding(candidates, for: village, on: day)?.facilitator
    }

    public func attendance(of facilitator: FacilitatorID, opening range: Range<Date>) throws -> [Attendance] {
        let from = Int64(range.lowerBound.timeIntervalSince1970)
        let until = Int64(range.upperBound.timeIntervalSince1970.rounded(.up))
        return try session.rows(
            """
            SELECT DISTINCT village, zone, window_start FROM task
            WHERE facilitator_id = \(facilitator.rawValue) AND window_start >= \(from) AND window_start < \(until)
              AND state IN ('scheduled', 'due', 'in_progress')
            """
        ).map { row in
            let start = Date(timeIntervalSince1970: TimeInterval(try row[2] as Int64))
            return Attendance(
                village: RegionCode.trusted(try row[0]), day: LocalDate(start, in: TimeZone(identifier: try row[1]) ?? .gmt))
        }
    }
}
