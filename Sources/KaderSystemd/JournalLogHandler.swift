#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CSystemd
import Logging

/// A swift-log handler that writes structured entries to the systemd journal.
///
/// Each entry carries its syslog PRIORITY, the Swift caller's CODE_FILE/CODE_LINE/CODE_FUNC
/// (not this file's), SYSLOG_IDENTIFIER, and every metadata key as a `KADERD_*` field, so a
/// sysadmin can run `journalctl -u kaderd KADERD_WORKFLOW=wf_…`. The metadata also stays
/// readable in MESSAGE, which is all plain `journalctl` shows.
///
/// When the journal refuses an entry, the line goes to stderr instead of being lost. (A
/// missing journal socket is not reported by libsystemd; `LogDestination` checks for it.)
public struct JournalLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level = .info
    private let label: String
    private let identifier: String
    private var fallback: StreamLogHandler

    /// - Parameter identifier: SYSLOG_IDENTIFIER, the name `journalctl -t` selects by.
    public init(label: String, identifier: String, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.identifier = identifier
        self.metadataProvider = metadataProvider
        self.fallback = StreamLogHandler.standardError(label: label)
        self.fallback.logLevel = .trace
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let explicit = event.metadata { merged.merge(explicit) { _, new in new } }
        let fields = Self.fields(
            level: event.level, message: event.message.description, metadata: merged, error: event.error,
            file: event.file, function: event.function, line: event.line, identifier: identifier, label: label)
        if Self.send(fields) < 0 {
            fallback.log(event: event)
        }
    }

    /// The entry as `NAME=value` fields, in the order journald shows them in `-o verbose`.
    static func fields(
        level: Logger.Level, message: String, metadata: Logger.Metadata, error: (any Error)?,
        file: String, function: String, line: UInt, identifier: String, label: String
    ) -> [String] {
        let pairs = metadata.sorted { $0.key < $1.key }
        var text = message
        for (key, value) in pairs { text += " \(key)=\(value)" }
        var fields = [
            "MESSAGE=\(text)",
            "PRIORITY=\(JournalField.priority(of: level))",
            "SYSLOG_IDENTIFIER=\(identifier)",
            "CODE_FILE=\(file)",
            "CODE_LINE=\(line)",
            "CODE_FUNC=\(function)",
            "\(JournalField.prefix)LOGGER=\(label)",
        ]
        for (key, value) in pairs { fields.append("\(JournalField.name(forMetadataKey: key))=\(value)") }
        if let error, metadata["error"] == nil { fields.append("\(JournalField.prefix)ERROR=\(error)") }
        return fields
    }

    /// Hands the fields to `sd_journal_sendv`; values may hold newlines, the native
    /// protocol carries them. Returns its result: negative errno on failure.
    static func send(_ fields: [String]) -> CInt {
        var storage: [UInt8] = []
        var spans: [(offset: Int, count: Int)] = []
        for field in fields {
            spans.append((storage.count, field.utf8.count))
            storage.append(contentsOf: field.utf8)
        }
        return storage.withUnsafeMutableBytes { raw -> CInt in
            guard let base = raw.baseAddress else { return -EINVAL }
            var vectors = spans.map { iovec(iov_base: base + $0.offset, iov_len: $0.count) }
            return sd_journal_sendv(&vectors, CInt(vectors.count))
        }
    }
}
