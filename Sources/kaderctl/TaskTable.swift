import KaderRPC

/// Tasks as people read them: each window in its village's own clock and zone; `!` marks a
/// task that did not fit its facilitator's week (`task show` says why).
enum TaskTable {
    /// A list whose tasks belong to several workflows says whose each is.
    static func table(_ tasks: [TaskInfo], showingVillage: Bool = true) -> Table {
        let showingWorkflow = Set(tasks.map(\.workflow)).count > 1
        var headers = ["ID", "STARTS", "ENDS", "STATE", "TASK"]
        if showingWorkflow { headers.append("WORKFLOW") }
        if showingVillage { headers.append("VILLAGE") }
        var table = Table(headers)
        for task in tasks {
            var row = [
                task.id, LocalTime.display(task.windowStart, zone: task.zone),
                LocalTime.display(task.windowEnd, zone: task.zone), task.state,
                task.conflict == nil ? task.label : "! " + task.label,
            ]
            if showingWorkflow { row.append(task.workflow) }
            if showingVillage { row.append(task.villageLabel) }
            table.append(row)
        }
        return table
    }
}

extension TaskInfo {
    /// The title, and which occurrence it is of a recurring step: `Kunjungan … (2/6)`.
    var label: String {
        occurrences > 1 ? "\(title) (\(occurrence)/\(occurrences))" : title
    }

    var villageLabel: String {
        villageName.isEmpty ? village : "\(villageName) (\(village))"
    }
}
