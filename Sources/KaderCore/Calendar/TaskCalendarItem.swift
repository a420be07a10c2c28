import Foundation

/// A task with what a calendar event about it shows: where the village is, who the cadres
/// are, how often it was moved. Made by whoever reads the store; turned into an event here,
/// so every export (a village's, a workflow's, a facilitator's) words its events alike.
public struct TaskCalendarItem: Sendable, Hashable {
    public var task: WorkflowTask
    /// The regions from the province down to the task's village (`RegionDirectory.path`);
    /// empty when the village is not in the directory.
    public var place: [Region]
    /// The workflow the task belongs to, for its program and facilitator.
    public var workflow: Workflow?
    /// The workflow's cadres; withdrawn registrations are left out of the event.
    public var cadres: [Cadre]
    /// How many times the task was rescheduled: its `rescheduled` history entries.
    public var reschedules: Int

    public init(task: WorkflowTask, place: [Region], workflow: Workflow?, cadres: [Cadre], reschedules: Int) {
        self.task = task
        self.place = place
        self.workflow = workflow
        self.cadres = cadres
        self.reschedules = reschedules
    }

    /// The UID of a task's event: its id, which never changes, at kaderd. Another export of
    /// the same task, by village or by workflow, names the same event.
    public static func uid(of task: TaskID) -> String {
        task.rawValue + "@kaderd"
    }

    public var event: CalendarEvent {
        CalendarEvent(
            uid: Self.uid(of: task.id), start: task.windowStart, end: task.windowEnd,
            zoneIdentifier: task.zoneIdentifier, summary: summary, location: location, description: details,
            status: status, sequence: sequence, lastModified: task.updatedAt)
    }

    /// Cancelled, or confirmed whatever else its state (see `CalendarEventStatus`).
    public var status: CalendarEventStatus {
        task.state == .cancelled ? .cancelled : .confirmed
    }

    /// Raised by every reschedule, and once more when the task is cancelled: a phone that
    /// compares revisions keeps the copy with the higher one, so a cancellation must count
    /// as one for it to replace the event it had.
    public var sequence: Int {
        reschedules + (task.state == .cancelled ? 1 : 0)
    }

    /// `Pendampingan KPMD 2/6 – Munggu`: what it is and where, for a glance at the agenda.
    public var summary: String {
        "\(stepTitle) – \(villageName)"
    }

    /// `Munggu, Mengwi, Kabupaten Badung, Bali (51.03.02.2001)`: the village up to its
    /// province, as the names are registered, and its code.
    public var location: String {
        let names = place.reversed().map(\.name).filter { !$0.isEmpty }
        return names.isEmpty ? task.village.description : names.joined(separator: ", ") + " (\(task.village))"
    }

    /// The step, the workflow, the cadres, the state and kaderd's task id, one a line, so the
    /// event says which task to name to kaderctl.
    public var details: String {
        var lines = ["Step: \(stepTitle) (\(task.stepID)\(workflow.map { " of program \($0.programID)" } ?? ""))"]
        lines.append("Workflow: \(task.workflowID)")
        let named = cadres.filter { $0.withdrawal == nil }.map { "\($0.name) (\($0.id))" }
        if !named.isEmpty { lines.append("Cadres: " + named.joined(separator: ", ")) }
        if let facilitator = workflow?.facilitator, !facilitator.isEmpty { lines.append("Facilitator: \(facilitator)") }
        lines.append("State: \(task.state.rawValue)")
        lines.append("Task: \(task.id) (kaderd)")
        return lines.joined(separator: "\n")
    }

    /// The step's title, and which occurrence when the step repeats.
    private var stepTitle: String {
        task.occurrences > 1 ? "\(task.title) \(task.occurrence)/\(task.occurrences)" : task.title
    }

    private var villageName: String {
        place.last(where: { $0.code == task.village })?.name ?? task.village.description
    }
}
