import KaderSystemd
import Logging

/// Sets up swift-log once, for the whole process: to the journal under systemd, to stderr
/// otherwise, with a level that a reload can change.
enum DaemonLogging {
    static let syslogIdentifier = "kaderd"

    static func bootstrap(level: LiveLogLevel, environment: [String: String]) -> LogDestination {
        let destination = LogDestination.detect(environment: environment)
        LoggingSystem.bootstrap { label in
            switch destination {
            case .journal:
                var journal = JournalLogHandler(label: label, identifier: syslogIdentifier)
                journal.logLevel = .trace  // the live level below decides
                return LiveLevelLogHandler(journal, level: level)
            case .standardError:
                var stream = StreamLogHandler.standardError(label: label)
                stream.logLevel = .trace
                return LiveLevelLogHandler(stream, level: level)
            }
        }
        return destination
    }
}
