import Foundation
import GRDB
import KaderCore
import KaderStore

extension SQLiteReader {
    public func progress(within region: RegionCode?, rows level: RegionCode.Level, cutoff: ReportCutoff) throws
        -> ProgressTally
    {
        func rows(_ build: (_ bind: (String) -> String) -> String) throws -> [Row] {
            var arguments: [String] = []
            let sql = build { value in
                arguments.append(value)
                return "?"
            }
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
        }
        // A district's villages are few: their tasks are read even for now.
        if cutoff.isNow, level != .village {
            let length = level.codeLength
            return ProgressQueries.tally(
                within: region,
                counted: try rows { ProgressQueries.counted(within: region, length: length, bind: $0) }
                    .map { ($0["region"], $0["key"], $0["n"]) },
                cadres: try rows { ProgressQueries.countedCadres(within: region, length: length, bind: $0) }
                    .map { ($0["region"], $0["status"], $0["n"]) },
                kpmdVillages: try rows { ProgressQueries.kpmdVillages(within: region, length: length, bind: $0) }
                    .map { ($0["region"], $0["n"]) },
                overdue: try rows { _ in ProgressQueries.overdue(
                    length: length, now: cutoff.otherwise.timeIntervalSince1970, stateIndex: Self.stateIndex, taskKey: "key") }
                    .map { ($0["region"], $0["n"]) },
                months: try rows { ProgressQueries.months(within: region, bind: $0) }.map { ($0["month"], $0["key"], $0["n"]) })
        }
        let cadres = try rows { ProgressQueries.cadres(within: region, cutoff: cutoff, bind: $0) }
        let workflows = try rows { ProgressQueries.workflows(
                within: region, cutoff: cutoff, stepOf: Self.stepOfTask, taskKey: "key", bind: $0) }
        let tasks = try rows { ProgressQueries.tasks(within: region, cutoff: cutoff, bind: $0) }
        let days = try rows { ProgressQueries.days(within: region, cutoff: cutoff, bind: $0) }
        return ProgressQueries.tally(
            cadres: cadres.map { ($0["village"], $0["status"], $0["n"]) },
            workflows: workflows.map { ($0["village"], $0["step"], $0["n"]) },
            tasks: tasks.map { ($0["village"], $0["done"], $0["on_time"], $0["missed"], $0["overdue"]) },
            days: days.map { ($0["day"], $0["done"], $0["missed"]) })
    }

    public func assignments(openOn day: LocalDate, within region: RegionCode?) throws -> [FacilitatorAssignment] {
        var arguments: [String] = []
        let sql = ProgressQueries.assignments(within: region, on: day) { value in
            arguments.append(value)
            return "?"
        }
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map(Self.assignment)
    }
}
