import Foundation

/// What a program's order and the calendar allow of a task, before anything is recorded:
/// the checks that keep the register from holding what cannot have happened.
public enum TaskRules {
    /// The tasks of the steps `step` comes `after` that have not ended. A task may not start
    /// or be done before them (a training before its decree) unless forced; a task that
    /// ended any way (done, missed, cancelled, failed) no longer holds the next one back.
    public static func unfinishedPredecessors(of step: ProgramStep, among tasks: [WorkflowTask]) -> [WorkflowTask] {
        guard !step.after.isEmpty else { return [] }
        return tasks.filter { step.after.contains($0.stepID) && !$0.state.isFinal }
    }

    /// The key every task may record besides its step's own: a remark.
    public static let noteKey = "note"

    /// What is wrong with the records given to complete a task of `step`: a key the step
    /// does not record (a typo such as `decree_nmber`), a required one missing, a date
    /// that is not one or lies after `today` (the village's today). A step the program does
    /// not know (a plugin's follow-up) has its dates checked only.
    public static func recordProblems(
        _ records: [String: String], step: ProgramStep?, stepID: String, today: LocalDate, place: String
    ) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if let step {
            let allowed = step.records + [noteKey]
            for key in records.keys.sorted() where !allowed.contains(key) {
                let known = step.records.isEmpty ? "it records nothing but a note" : "it records \(step.records.joined(separator: ", "))"
                let hint = closest(to: key, in: step.records).map { "; did you mean \($0)?" } ?? ""
                problems.append(FieldProblem(field: "records.\(key)", message: "is not recorded by \(stepID): \(known)\(hint)"))
            }
            for name in step.records where (records[name]?.trimmingCharacters(in: .whitespaces) ?? "").isEmpty {
                problems.append(FieldProblem(field: "records.\(name)", message: "is required to complete \(stepID)"))
            }
        }
        for (key, value) in records.sorted(by: { $0.key < $1.key }) where key.hasSuffix("_date") {
            let text = value.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            guard let date = try? LocalDate(parsing: text) else {
                problems.append(FieldProblem(field: "records.\(key)", message: "'\(text)' is not a date (YYYY-MM-DD)"))
                continue
            }
            if date > today {
                problems.append(
                    FieldProblem(field: "records.\(key)", message: "\(date) is in the future: it is \(today) in \(place)"))
            }
        }
        return problems
    }

    /// The occurrences of `task`'s own step just before and after it (cancelled ones aside):
    /// a rescheduled visit 2 of 6 must still open after visit 1 and before visit 3.
    public static func neighbours(of task: WorkflowTask, among tasks: [WorkflowTask]) -> (
        previous: WorkflowTask?, next: WorkflowTask?
    ) {
        let siblings = tasks.filter { $0.stepID == task.stepID && $0.id != task.id && $0.state != .cancelled }
        return (
            siblings.filter { $0.occurrence < task.occurrence }.max { $0.occurrence < $1.occurrence },
            siblings.filter { $0.occurrence > task.occurrence }.min { $0.occurrence < $1.occurrence }
        )
    }

    /// The name in `names` within two edits of `word`, for a "did you mean".
    static func closest(to word: String, in names: [String]) -> String? {
        names.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        guard !a.isEmpty else { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
