import Foundation
import KaderCore
import KaderStore
import PostgresNIO

extension PostgresReader {
    public func progress(within region: RegionCode?, rows level: RegionCode.Level, cutoff: ReportCutoff) throws
        -> ProgressTally
    {
        func rows(_ build: (_ bind: (String) -> String) -> String) throws -> [StoredRow] {
            var statement = PostgresStatement()
            let sql = build { statement.bind($0) }
            return try session.rows(statement.query(sql))
        }
        // A district's villages are few: their tasks are read even for now.
        if cutoff.isNow, level != .village {
            let length = level.codeLength
            return ProgressQueries.tally(
                within: region,
                counted: try rows { ProgressQueries.counted(within: region, length: length, bind: $0) }
                    .map { (try $0["region"], try $0["key"], try $0["n"]) },
                cadres: try rows { ProgressQueries.countedCadres(within: region, length: length, bind: $0) }
                    .map { (try $0["region"], try $0["status"], try $0["n"]) },
                kpmdVillages: try rows { ProgressQueries.kpmdVillages(within: region, length: length, bind: $0) }
                    .map { (try $0["region"], try $0["n"]) },
                overdue: try rows { _ in ProgressQueries.overdue(length: length, now: cutoff.otherwise.timeIntervalSince1970) }
                    .map { (try $0["region"], try $0["n"]) },
                months: try rows { ProgressQueries.months(within: region, bind: $0) }
                    .map { (try $0["month"], try $0["key"], try $0["n"]) })
        }
        let cadres = try rows { ProgressQueries.cadres(within: region, cutoff: cutoff, bind: $0) }
        let workflows = try rows { ProgressQueries.workflows(within: region, cutoff: cutoff, bind: $0) }
        let tasks = try rows { ProgressQueries.tasks(within: region, cutoff: cutoff, bind: $0) }
        let days = try rows { ProgressQueries.days(within: region, cutoff: cutoff, bind: $0) }
        return ProgressQueries.tally(
            cadres: try cadres.map { (try $0["village"], try $0["status"], try $0["n"]) },
            workflows: try workflows.map { (try $0["village"], try $0["step"], try $0["n"]) },
            tasks: try tasks.map {
                (try $0["village"], try $0["done"], try $0["on_time"], try $0["missed"], try $0["overdue"])
            },
            days: try days.map { (try $0["day"], try $0["done"], try $0["missed"]) })
    }

    public func assignments(openOn day: LocalDate, within region: RegionCode?) throws -> [FacilitatorAssignment] {
        var statement = PostgresStatement()
        let sql = ProgressQueries.assignments(within: region, on: day) { statement.bind($0) }
        return try session.rows(statement.query(sql)).map(Self.assignment)
    }
}
