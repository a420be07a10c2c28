import Foundation
import KaderCore

/// The SQL of `StoreReader.progress`, one text for both backends (each binds its own
/// placeholders). A report on a day gone by reads the tasks themselves, a row per village
/// (`cadres`, `workflows`, `tasks`, `days`): seconds for a province of millions of tasks.
/// A report on now reads the counts every write keeps (`counted`, `kpmdVillages`,
/// `overdue`, `months`), summed by the report's rows in the database.
package enum ProgressQueries {
    /// Registered cadres by village and status, of those registered by the cutoff:
    /// `village, status, n`.
    package static func cadres(within region: RegionCode?, cutoff: ReportCutoff, bind: (String) -> String) -> String {
        """
        SELECT village, status, COUNT(*) AS n FROM cadre
        WHERE \(conditions(region, column: "village", bind: bind, and: [
            "withdrawn_at IS NULL", "registered_at <= \(cutoff.sql(villageColumn: "village"))",
        ]))
        GROUP BY village, status
        """
    }

    /// Active workflows started by the cutoff, by village and the step each has reached (that
    /// of its latest task whose window had opened; '' before any): `village, step, n`.
    /// `stepOf` is the backend's SQL for the step id of task `t`, `taskKey` the column a task
    /// is kept by (SQLite's `key` since v17).
    package static func workflows(
        within region: RegionCode?, cutoff: ReportCutoff, stepOf: String = "t.step_id", taskKey: String = "id",
        bind: (String) -> String
    ) -> String {
        let instant = cutoff.sql(villageColumn: "w.village")
        return """
            SELECT village, step, COUNT(*) AS n FROM (
              SELECT w.village AS village, COALESCE(
                (SELECT \(stepOf) FROM task t WHERE t.workflow_id = w.id AND t.window_start <= \(instant)
                 ORDER BY t.window_start DESC, t.\(taskKey) DESC LIMIT 1),
                '') AS step
              FROM workflow w
              WHERE \(conditions(region, column: "w.village", bind: bind, and: [
                  "w.state = 'active'", "w.created_at <= \(instant)",
              ]))
            ) reached
            GROUP BY village, step
            """
    }

    /// Tasks by village: `village, done, on_time, missed, overdue`, as the cutoff saw them.
    /// A task in a final state got there at `updated_at`; before that it was open.
    package static func tasks(within region: RegionCode?, cutoff: ReportCutoff, bind: (String) -> String) -> String {
        """
        SELECT village,
          SUM(CASE WHEN state = 'done' AND updated_at <= c THEN 1 ELSE 0 END) AS done,
          SUM(CASE WHEN state = 'done' AND updated_at <= c AND updated_at <= window_end THEN 1 ELSE 0 END) AS on_time,
          SUM(CASE WHEN state = 'missed' AND updated_at <= c THEN 1 ELSE 0 END) AS missed,
          SUM(CASE WHEN window_end <= c
                    AND NOT (state IN ('done', 'missed', 'cancelled', 'failed') AND updated_at <= c)
              THEN 1 ELSE 0 END) AS overdue
        FROM (
          SELECT village, state, window_end, updated_at, \(cutoff.sql(villageColumn: "village")) AS c FROM task
          WHERE \(conditions(region, column: "village", bind: bind, and: []))
        ) counted
        GROUP BY village
        """
    }

    /// Tasks done and missed by the cutoff, by the local day their windows opened:
    /// `day, done, missed`. Every task of the region is read (days with neither come out as
    /// zeros): a condition on the state led SQLite to read every done task of the country
    /// through the state index, ten times slower for a province than the village range.
    package static func days(within region: RegionCode?, cutoff: ReportCutoff, bind: (String) -> String) -> String {
        """
        SELECT day,
          SUM(CASE WHEN state = 'done' AND updated_at <= c THEN 1 ELSE 0 END) AS done,
          SUM(CASE WHEN state = 'missed' AND updated_at <= c THEN 1 ELSE 0 END) AS missed
        FROM (
          SELECT state, updated_at, \(cutoff.sql(villageColumn: "village")) AS c,
                 \(cutoff.sql(localDayOf: "window_start", villageColumn: "village")) AS day
          FROM task
          WHERE \(conditions(region, column: "village", bind: bind, and: []))
        ) ended
        GROUP BY day
        """
    }

    /// Facilitator assignments open on `day` to `region`, to a region within it, or to the
    /// district of a village `region`: every column of `facilitator_assignment`.
    package static func assignments(within region: RegionCode?, on day: LocalDate, bind: (String) -> String) -> String {
        // Bound in the order they appear (SQLite's `?` are positional), once for each use.
        let started = bind(day.description)
        let lasting = bind(day.description)
        var places = ["TRUE"]
        if let region {
            places = [
                "region = \(bind(region.description))",
                "(region >= \(bind(region.description + ".")) AND region < \(bind(region.description + "/")))",
            ]
            if region.level == .village, let district = region.parent { places.append("region = \(bind(district.description))") }
        }
        return """
            SELECT * FROM facilitator_assignment
            WHERE from_date <= \(started) AND (until_date IS NULL OR until_date >= \(lasting))
              AND (\(places.joined(separator: " OR ")))
            ORDER BY seq
            """
    }

    /// The rows of `cadres`, `workflows`, `tasks` and `days`, as counts by village. A
    /// status this kaderd does not know (written by a newer one) is left out rather than
    /// refusing the whole report.
    package static func tally(
        cadres: [(village: String, status: String, n: Int)], workflows: [(village: String, step: String, n: Int)],
        tasks: [(village: String, done: Int, onTime: Int, missed: Int, overdue: Int)],
        days: [(day: Int, done: Int, missed: Int)]
    ) -> ProgressTally {
        var villages: [RegionCode: ProgressCounts] = [:]
        for row in cadres {
            guard let status = CadreStatus(rawValue: row.status) else { continue }
            villages[RegionCode.trusted(row.village), default: ProgressCounts()].cadres[status, default: 0] += row.n
        }
        for (village, counts) in villages {
            // Only a desa can have a KPMD: a kelurahan's cadres do not make it one.
            let kpmd = counts.cadres[.active, default: 0] + counts.cadres[.completed, default: 0] > 0
            villages[village]?.villagesWithKPMD = village.villageKind?.developsKPMD == true && kpmd ? 1 : 0
        }
        for row in workflows {
            villages[RegionCode.trusted(row.village), default: ProgressCounts()].activeWorkflows[row.step, default: 0] += row.n
        }
        for row in tasks where row.done + row.missed + row.overdue > 0 {
            let village = RegionCode.trusted(row.village)
            var counts = villages[village, default: ProgressCounts()]
            counts.tasksDone = row.done
            counts.tasksDoneOnTime = row.onTime
            counts.tasksMissed = row.missed
            counts.tasksOverdue = row.overdue
            villages[village] = counts
        }
        var months: [LocalDate: TaskOutcomes] = [:]
        for row in days where row.done + row.missed > 0 {
            let day = LocalDate(Date(timeIntervalSince1970: TimeInterval(row.day) * 86_400), in: .gmt)
            let first = day.adding(days: 1 - day.day)
            months[first, default: TaskOutcomes()].done += row.done
            months[first, default: TaskOutcomes()].missed += row.missed
        }
        return ProgressTally(regions: villages, months: months)
    }

    // MARK: Now, from the counts

    /// Active workflows by step and tasks done, on time and missed, summed by the rows'
    /// regions (the first `length` characters of a code, at most a district's): `region, key, n`.
    package static func counted(within region: RegionCode?, length: Int, bind: (String) -> String) -> String {
        """
        SELECT substr(district, 1, \(length)) AS region, key, CAST(SUM(n) AS BIGINT) AS n FROM progress_count
        WHERE \(conditions(region, column: "district", bind: bind, and: ["n <> 0"]))
        GROUP BY 1, 2
        """
    }

    /// Registered cadres by the rows' regions and status: `region, status, n`.
    package static func countedCadres(within region: RegionCode?, length: Int, bind: (String) -> String) -> String {
        """
        SELECT substr(village, 1, \(length)) AS region, status, CAST(SUM(n) AS BIGINT) AS n FROM progress_cadre
        WHERE \(conditions(region, column: "village", bind: bind, and: ["n <> 0"]))
        GROUP BY 1, 2
        """
    }

    /// Desa and desa adat with a cadre active or through the program, by the rows' regions:
    /// `region, n`.
    package static func kpmdVillages(within region: RegionCode?, length: Int, bind: (String) -> String) -> String {
        """
        SELECT substr(village, 1, \(length)) AS region, COUNT(DISTINCT village) AS n FROM progress_cadre
        WHERE \(conditions(region, column: "village", bind: bind, and: [
            "status IN ('active', 'completed')", "n > 0", "substr(village, 10, 1) IN ('2', '3')",
        ]))
        GROUP BY 1
        """
    }

    /// Tasks whose window has closed with nothing recorded, by the rows' regions, in the
    /// whole country: `region, n`. Few (the scheduler marks them missed after a grace), and
    /// found through the state index, which a condition on the village would turn away from.
    /// `taskKey` is the column a task's row is found by (SQLite's `key` since v17).
    package static func overdue(length: Int, now: Double, stateIndex: TaskStateIndex = .whole, taskKey: String = "id") -> String {
        // The overdue tasks are found in the state index alone, then only their rows read:
        // SQLite would read the row of every index entry it looks at, and most open tasks
        // are not overdue (5,000,000 tasks: 218 ms so, 7 ms this way).
        """
        SELECT substr(t.village, 1, \(length)) AS region, COUNT(*) AS n FROM (
          SELECT \(taskKey) AS hit FROM task
          WHERE \(stateIndex.condition([.scheduled, .due, .inProgress])) AND window_start <= \(now) AND window_end <= \(now)
        ) AS hits CROSS JOIN task t WHERE t.\(taskKey) = hits.hit
        GROUP BY 1
        """
    }

    /// Tasks done and missed by month: `month, key, n`.
    package static func months(within region: RegionCode?, bind: (String) -> String) -> String {
        var place = "TRUE"
        if let region, region.level == .province {
            place = "regency >= \(bind(region.description + ".")) AND regency < \(bind(region.description + "/"))"
        } else if let region {
            place = "regency = \(bind(String(region.description.prefix(5))))"
        }
        return "SELECT month, key, CAST(SUM(n) AS BIGINT) AS n FROM progress_month WHERE \(place) GROUP BY 1, 2"
    }

    /// The rows of the five queries above, as counts by the rows' regions.
    package static func tally(
        within region: RegionCode?, counted: [(region: String, key: String, n: Int)],
        cadres: [(region: String, status: String, n: Int)], kpmdVillages: [(region: String, n: Int)],
        overdue: [(region: String, n: Int)], months: [(month: String, key: String, n: Int)]
    ) -> ProgressTally {
        var regions: [RegionCode: ProgressCounts] = [:]
        for row in cadres {
            guard let status = CadreStatus(rawValue: row.status) else { continue }
            regions[RegionCode.trusted(row.region), default: ProgressCounts()].cadres[status, default: 0] += row.n
        }
        for row in counted {
            let code = RegionCode.trusted(row.region)
            let parts = row.key.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            switch (parts.first, parts.count) {
            case ("step", 2): regions[code, default: ProgressCounts()].activeWorkflows[parts[1], default: 0] += row.n
            case ("done", 1): regions[code, default: ProgressCounts()].tasksDone += row.n
            case ("done_on_time", 1): regions[code, default: ProgressCounts()].tasksDoneOnTime += row.n
            case ("missed", 1): regions[code, default: ProgressCounts()].tasksMissed += row.n
            default: continue
            }
        }
        for row in kpmdVillages { regions[RegionCode.trusted(row.region), default: ProgressCounts()].villagesWithKPMD += row.n }
        for row in overdue {
            let code = RegionCode.trusted(row.region)
            guard region.map({ $0.contains(code) }) ?? true else { continue }
            regions[code, default: ProgressCounts()].tasksOverdue += row.n
        }
        var outcomes: [LocalDate: TaskOutcomes] = [:]
        for row in months {
            guard let first = try? LocalDate(parsing: row.month + "-01") else { continue }
            switch row.key {
            case "done": outcomes[first, default: TaskOutcomes()].done += row.n
            case "missed": outcomes[first, default: TaskOutcomes()].missed += row.n
            default: continue
            }
        }
        return ProgressTally(regions: regions, months: outcomes)
    }

    private static func conditions(
        _ region: RegionCode?, column: String, bind: (String) -> String, and others: [String]
    ) -> String {
        let all = RegionFilter(within: region.map { [$0] } ?? []).conditions(column: column, bind: bind) + others
        return all.isEmpty ? "TRUE" : all.joined(separator: " AND ")
    }
}
