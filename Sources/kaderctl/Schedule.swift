import ArgumentParser

/// Commands about when things happen: previewing recurrence rules before they go into a program.
struct Schedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Preview schedules: when a recurrence rule falls, with the blackouts of a province.",
        subcommands: [SchedulePreviewCommand.self]
    )
}
