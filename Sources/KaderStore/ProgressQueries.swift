import KaderCore

/// The SQL of `StoreReader.progress`, one text for both backends (each binds its own
/// placeholders): counted by the database, a row per village, so that a report over the
/// whole country reads a few hundred thousand rows of counts, not millions of tasks.
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

    /// Active workflows started by the cutoff, by village and the step each has reached:
    /// `village, step, n`.
    package static func workflows(within region: RegionCode?, cutoff: ReportCutoff, bind: (String) -> String) -> String {
        let instant = cutoff.sql(villageColumn: "w.village")
        return """
            SELECT village, step, COUNT(*) AS n FROM (
              SELECT w.village AS village, COALESCE(
                (SELECT t.step_id FROM task t WHERE t.workflow_id = w.id AND t.window_start <= \(instant)
                 ORDER BY t.window_start DESC, t.id DESC LIMIT 1),
                (SELECT t.step_id FROM task t WHERE t.workflow_id = w.id ORDER BY t.window_start, t.id LIMIT 1),
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

    /// The queries' rows, as counts. A status this kaderd does not know (written by a newer
    /// one) is left out rather than refusing the whole report.
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
        var outcomes: [Int: TaskOutcomes] = [:]
        for row in days where row.done + row.missed > 0 {
            outcomes[row.day] = TaskOutcomes(done: row.done, missed: row.missed)
        }
        return ProgressTally(villages: villages, days: outcomes)
    }

    private static func conditions(
        _ region: RegionCode?, column: String, bind: (String) -> String, and others: [String]
    ) -> String {
        let all = RegionFilter(within: region.map { [$0] } ?? []).conditions(column: column, bind: bind) + others
        return all.isEmpty ? "TRUE" : all.joined(separator: " AND ")
    }
}
