import KaderCore

/// Whose tasks a calendar file holds. Each scope says how its tasks are found and what
/// the calendar is called; adding one (a facilitator's villages) is a case here and its
/// branch in `WorkflowService.calendar(for:from:through:)`.
public enum CalendarScope: Sendable, Hashable {
    /// Every task in one village, of every workflow there.
    case village(RegionCode)
    /// Every task of one workflow.
    case workflow(WorkflowID)
    /// Every task one facilitator attends: their agenda, for their phone.
    case facilitator(FacilitatorID)
}
