import Logging

/// Wraps a handler so its threshold follows a `LiveLogLevel`, unless code sets a level on
/// its own logger, which then holds for that logger only (swift-log's value semantics).
public struct LiveLevelLogHandler<Base: LogHandler>: LogHandler {
    private var base: Base
    private let live: LiveLogLevel
    private var ownLevel: Logger.Level?

    public init(_ base: Base, level: LiveLogLevel) {
        self.base = base
        self.live = level
    }

    public var logLevel: Logger.Level {
        get { ownLevel ?? live.level }
        set { ownLevel = newValue }
    }

    public var metadata: Logger.Metadata {
        get { base.metadata }
        set { base.metadata = newValue }
    }

    public var metadataProvider: Logger.MetadataProvider? {
        get { base.metadataProvider }
        set { base.metadataProvider = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { base[metadataKey: key] }
        set { base[metadataKey: key] = newValue }
    }

    public func log(event: LogEvent) {
        base.log(event: event)
    }
}
