/// The counts `report.progress` reads when it reports on now: kept by triggers in the
/// transaction of every change (as `state_count` is), so that a report on the whole
/// country reads about a hundred thousand rows of counts instead of millions of tasks.
///
/// - `progress_cadre (village, status, n)`: registered cadres by village, which also
///   tells the villages with KPMD.
/// - `progress_count (district, key, n)`: active workflows by the step they reached
///   (`step:training`; `step:` before any), tasks `done`, `done_on_time` and `missed`. By
///   district, not village: a country's worth of villages was half a million rows to sum.
/// - `progress_month (regency, month, key, n)`: tasks `done` and `missed` by the month
///   (village time) their windows opened.
/// - `workflow.reached_step`, `reached_start`: the step of the workflow's latest task
///   that turned due or ended, and when that task's window opened.
package enum ProgressCounters {
    /// The UTC offset in seconds of the zone (an IANA name) in `column`: Indonesia keeps no
    /// summer time.
    package static func zoneOffset(_ column: String) -> String {
        """
        (CASE \(column) WHEN 'Asia/Jayapura' THEN 32400 WHEN 'Asia/Makassar' THEN 28800 \
        WHEN 'Asia/Ujung_Pandang' THEN 28800 ELSE 25200 END)
        """
    }

    /// The states after which a workflow has reached a task's step.
    package static let reachingStates = "('due', 'in_progress', 'done', 'missed')"

    /// Statements that make the counts from the tables, into empty count tables.
    /// `month(instant)` is the backend's SQL for the `YYYY-MM` of an instant in seconds since 1970;
    /// `stepOf` its SQL for the step id of task `t`, `taskKey` the column a task is kept by
    /// (SQLite's `key` since v17).
    package static func rebuild(month: (String) -> String, stepOf: String = "t.step_id", taskKey: String = "id") -> [String] {
        [
            """
            UPDATE workflow SET (reached_step, reached_start) = (
              SELECT \(stepOf), t.window_start FROM task t
              WHERE t.workflow_id = workflow.id AND t.state IN \(reachingStates)
              ORDER BY t.window_start DESC, t.\(taskKey) DESC LIMIT 1)
            """,
            "DELETE FROM progress_cadre",
            "DELETE FROM progress_count",
            "DELETE FROM progress_month",
            """
            INSERT INTO progress_cadre (village, status, n)
            SELECT village, status, COUNT(*) FROM cadre WHERE withdrawn_at IS NULL GROUP BY village, status
            """,
            """
            INSERT INTO progress_count (district, key, n)
            SELECT substr(village, 1, 8), 'step:' || COALESCE(reached_step, ''), COUNT(*) FROM workflow
            WHERE state = 'active' GROUP BY 1, 2
            """,
            """
            INSERT INTO progress_count (district, key, n)
            SELECT substr(village, 1, 8), state, COUNT(*) FROM task WHERE state IN ('done', 'missed') GROUP BY 1, 2
            """,
            """
            INSERT INTO progress_count (district, key, n)
            SELECT substr(village, 1, 8), 'done_on_time', COUNT(*) FROM task
            WHERE state = 'done' AND updated_at <= window_end GROUP BY 1
            """,
            """
            INSERT INTO progress_month (regency, month, key, n)
            SELECT substr(village, 1, 5), \(month("window_start + \(zoneOffset("zone"))")), state, COUNT(*) FROM task
            WHERE state IN ('done', 'missed') GROUP BY 1, 2, 3
            """,
        ]
    }
}
