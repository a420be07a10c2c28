/// A time moved off a blackout, kept so that people can see why a task opens on a day
/// other than the one its program or rule gives.
public struct BlackoutShift: Sendable, Hashable {
    /// The time the program or rule gave, which falls in `blackout`.
    public let original: LocalDateTime
    /// The same time of day on the nearest allowed day, in the policy's direction.
    public let shifted: LocalDateTime
    /// The blackout `original` falls in.
    public let blackout: Blackout
}
