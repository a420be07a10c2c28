/// Why a recurrence rule is refused. Every refusal names the RRULE part at fault, so the
/// user can fix the rule; nothing in a rule is ever silently ignored, because a mentoring
/// schedule that quietly differs from what was written is worse than no schedule.
public enum RecurrenceRuleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The rule has no `FREQ` part (or no parts at all).
    case missingFrequency
    /// Two `;` in a row, or one at the end.
    case emptyPart
    /// A part that is not `NAME=VALUE`.
    case malformedPart(String)
    /// A part RFC 5545 does not define.
    case unknownPart(String)
    /// A part RFC 5545 defines but kaderd does not support (BYHOUR, BYWEEKNO…).
    case unsupportedPart(String)
    /// `FREQ=HOURLY`, `MINUTELY` or `SECONDLY`.
    case unsupportedFrequency(String)
    case duplicatePart(String)
    case countWithUntil
    /// A value the part does not accept; `reason` says what it expects.
    case invalidValue(part: String, value: String, reason: String)
    /// A well-formed part that makes no sense with the rest of the rule.
    case conflict(part: String, reason: String)

    /// The RRULE part at fault (FREQ when it is missing), for field-level error detail.
    public var part: String? {
        switch self {
        case .missingFrequency, .unsupportedFrequency: "FREQ"
        case .emptyPart, .malformedPart: nil
        case .unknownPart(let part), .unsupportedPart(let part), .duplicatePart(let part): part
        case .countWithUntil: "COUNT"
        case .invalidValue(let part, _, _), .conflict(let part, _): part
        }
    }

    public var description: String {
        switch self {
        case .missingFrequency:
            "the recurrence rule has no FREQ part: say how often it repeats, e.g. FREQ=MONTHLY"
        case .emptyPart:
            "the recurrence rule has an empty part: remove the extra ';'"
        case .malformedPart(let text):
            "RRULE part \"\(text)\" is not of the form NAME=VALUE"
        case .unknownPart(let name):
            "RRULE part \(name) is not an RFC 5545 recurrence rule part"
        case .unsupportedPart(let name):
            "RRULE part \(name) is not supported: \(Self.alternative(to: name))"
        case .unsupportedFrequency(let value):
            "RRULE part FREQ=\(value) is not supported: tasks recur by the day, so use DAILY, WEEKLY, MONTHLY or YEARLY"
        case .duplicatePart(let name):
            "RRULE part \(name) appears more than once"
        case .countWithUntil:
            "RRULE parts COUNT and UNTIL cannot both be given (RFC 5545): keep one of them"
        case .invalidValue(let part, let value, let reason):
            "RRULE part \(part) has an invalid value \"\(value)\": \(reason)"
        case .conflict(let part, let reason):
            "RRULE part \(part) \(reason)"
        }
    }

    private static func alternative(to part: String) -> String {
        switch part {
        case "BYHOUR", "BYMINUTE", "BYSECOND":
            "a task recurs by the day, at the start's time of day"
        case "BYYEARDAY":
            "name the days with BYMONTH and BYMONTHDAY instead"
        case "BYWEEKNO":
            "name the days with BYMONTH and BYDAY instead"
        default:
            "the supported parts are FREQ, INTERVAL, COUNT, UNTIL, BYMONTH, BYMONTHDAY, BYDAY, BYSETPOS and WKST"
        }
    }
}
