import KaderRPC

/// The append-only history of an entity, as `show` commands print it: who changed what, when.
enum HistoryTable {
    static func render(_ history: [HistoryInfo]) -> String {
        var table = Table(["WHEN", "BY", "ACTION", "DETAIL"])
        for entry in history {
            let by = EntityNames.user(entry.uid) ?? entry.uid.map { "uid \($0)" } ?? entry.agent
            let detail = entry.detail.sorted { $0.key < $1.key }.map { "\($0.key)=\(LocalTime.display(any: $0.value))" }
                .joined(separator: " ")
            table.append([MachineTime.display(entry.at), by, entry.action, detail])
        }
        return table.render()
    }
}
