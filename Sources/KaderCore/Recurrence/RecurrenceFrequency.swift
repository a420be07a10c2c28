/// How often a recurrence rule's period comes round (RFC 5545 `FREQ`). Tasks are planned
/// by the day, so the sub-daily frequencies are not offered.
public enum RecurrenceFrequency: String, Sendable, Hashable, CaseIterable, Codable {
    case daily = "DAILY"
    case weekly = "WEEKLY"
    case monthly = "MONTHLY"
    case yearly = "YEARLY"
}
