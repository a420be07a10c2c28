import KaderPostgres
import KaderStore
import Logging
import TOMLKit

/// The settings `kaderd.toml` may hold. Every key is optional: a missing file or key means
/// the default.
struct ConfigFile: Equatable {
    var socket: String?
    var stateDir: String?
    var logLevel: Logger.Level?
    var durability: Durability?
    /// Which database holds the store: the SQLite file in the state folder, or PostgreSQL.
    var store: StoreBackend?
    /// The PostgreSQL database, as a libpq-style URL without a password.
    var postgresql: PostgresLocation?
    /// A file holding the PostgreSQL password (0600 or 0640).
    var postgresqlPasswordFile: String?
    /// This kaderd's name among those sharing a PostgreSQL database.
    var nodeName: String?
    /// How long the leader's lease lasts unless renewed (every third of it).
    var leaderLeaseSeconds: Double?
    /// Folders of program files (`*.toml`) beside the built-in program.
    var programDirs: [String]?
    /// Folders of plugins (`*.so`).
    var pluginDirs: [String]?
    /// How long a plugin's call may take before its helper is killed.
    var pluginTimeoutSeconds: Double?
    /// Each plugin helper's address-space limit; 0 for none.
    var pluginMemoryLimitMiB: Int?
    /// Folders of blackout files (`*.toml`): days added, shipped holidays taken back.
    var blackoutDirs: [String]?
    /// The group and mode of a socket kaderd binds itself (not one systemd passes).
    var socketGroup: String?
    var socketMode: UInt32?
    /// Names of the groups whose members may change things, and only read.
    var adminGroup: String?
    var readGroup: String?
    var maxLineBytes: Int?
    var maxNestingDepth: Int?
    var maxConnections: Int?
    var maxPipelinedRequests: Int?
    var idleTimeoutSeconds: Int?
    var maxSubscribers: Int?

    /// Every key a file may hold, in the order kaderd.toml(5) describes them.
    static var knownKeys: [String] { ConfigKey.allCases.map(\.name) }

    /// A configuration problem, worded for the sysadmin who has to fix the file.
    struct Problem: Error, Equatable, CustomStringConvertible {
        var file: String
        var line: Int?
        var message: String

        var description: String {
            if let line { return "\(file):\(line): \(message)" }
            return "\(file): \(message)"
        }
    }

    /// Reads and checks a config file; unknown keys and wrong types are refused, not ignored,
    /// so a misspelt setting never silently falls back to its default.
    static func load(path: String) throws(Problem) -> ConfigFile {
        let text: String
        do {
            text = try FileSystem.readText(path)
        } catch {
            throw Problem(file: path, line: nil, message: "cannot read the file: \(error.reason)")
        }
        return try parse(text, file: path)
    }

    static func parse(_ text: String, file: String) throws(Problem) -> ConfigFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Problem(file: file, line: error.source.begin.line, message: "not valid TOML: \(error.description)")
        } catch {
            throw Problem(file: file, line: nil, message: "not valid TOML: \(error)")
        }
        for key in table.keys where !knownKeys.contains(key) {
            throw Problem(
                file: file, line: line(of: key, in: text),
                message: "unknown key '\(key)' (known keys: \(knownKeys.joined(separator: ", ")))")
        }
        // Each reads one ConfigKey, checked as its kind says.
        func string(_ configKey: ConfigKey) throws(Problem) -> String? {
            let key = configKey.name
            guard let value = table[key] else { return nil }
            guard let string = value.string else {
                throw Problem(file: file, line: line(of: key, in: text), message: "'\(key)' must be a string")
            }
            return string
        }
        func choice<Value: RawRepresentable & CaseIterable>(_ configKey: ConfigKey, _ type: Value.Type) throws(Problem) -> Value?
        where Value.RawValue == String {
            let key = configKey.name
            guard let raw = try string(configKey) else { return nil }
            guard let value = Value(rawValue: raw.lowercased()) else {
                let choices = Value.allCases.map(\.rawValue).joined(separator: ", ")
                throw Problem(file: file, line: line(of: key, in: text), message: "'\(key)' must be one of \(choices), not '\(raw)'")
            }
            return value
        }
        func strings(_ configKey: ConfigKey) throws(Problem) -> [String]? {
            let key = configKey.name
            guard let value = table[key] else { return nil }
            guard let array = value.array, array.allSatisfy({ $0.string != nil }) else {
                throw Problem(file: file, line: line(of: key, in: text), message: "'\(key)' must be a list of strings")
            }
            return array.compactMap(\.string)
        }
        func groupName(_ configKey: ConfigKey) throws(Problem) -> String? {
            let key = configKey.name
            guard let name = try string(configKey) else { return nil }
            guard !name.isEmpty, !name.contains(where: { $0 == ":" || $0 == "\n" || $0 == " " }) else {
                throw Problem(file: file, line: line(of: key, in: text), message: "'\(key)' must be a group name, not '\(name)'")
            }
            return name
        }
        func integer(_ configKey: ConfigKey) throws(Problem) -> Int? {
            let key = configKey.name
            guard case .integer(let range) = configKey.kind else { preconditionFailure("\(key) is not a whole number") }
            guard let value = table[key] else { return nil }
            guard let number = value.int, range.contains(number) else {
                throw Problem(
                    file: file, line: line(of: key, in: text),
                    message: "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return number
        }
        func seconds(_ configKey: ConfigKey) throws(Problem) -> Double? {
            let key = configKey.name
            guard case .seconds(let range) = configKey.kind else { preconditionFailure("\(key) is not seconds") }
            guard let value = table[key] else { return nil }
            guard let number = value.double ?? value.int.map(Double.init), range.contains(number) else {
                throw Problem(
                    file: file, line: line(of: key, in: text),
                    message: "'\(key)' must be a number of seconds from \(range.lowerBound) to \(range.upperBound)")
            }
            return number
        }
        func mode(_ configKey: ConfigKey) throws(Problem) -> UInt32? {
            let key = configKey.name
            guard let value = table[key] else { return nil }
            let number: Int? = value.string.flatMap { Int($0, radix: 8) } ?? value.int
            guard let number, (0...0o777).contains(number) else {
                throw Problem(
                    file: file, line: line(of: key, in: text),
                    message: "'\(key)' must be a file mode, as \"0660\" or 0o660")
            }
            return UInt32(number)
        }
        let memoryLimit = try integer(.pluginMemoryLimitMiB)
        if let memoryLimit, memoryLimit != 0, memoryLimit < 512 {
            throw Problem(
                file: file, line: line(of: ConfigKey.pluginMemoryLimitMiB.name, in: text),
                message: "'plugin_memory_limit_mib' must be 0 (no limit) or at least 512: a helper maps about 240 MiB before the plugin runs")
        }
        let store = try choice(.store, StoreBackend.self)
        var postgresql: PostgresLocation?
        if let url = try string(.postgresql) {
            do {
                postgresql = try PostgresLocation(url: url, defaultUser: StoreBackend.processUser)
            } catch {
                throw Problem(file: file, line: line(of: "postgresql", in: text), message: "'postgresql': \(error)")
            }
        }
        let passwordFile = try string(.postgresqlPasswordFile)
        let nodeName = try string(.nodeName)
        if let nodeName, !StoreBackend.isNodeName(nodeName) {
            throw Problem(
                file: file, line: line(of: ConfigKey.nodeName.name, in: text),
                message: "'node_name' must be 1 to 63 letters, digits, '.', '-' or '_', starting with a letter or digit, not '\(nodeName)'")
        }
        let leaderLease = try seconds(.leaderLeaseSeconds)
        for key in [ConfigKey.postgresql, .postgresqlPasswordFile, .nodeName, .leaderLeaseSeconds].map(\.name) where table[key] != nil && store != .postgresql {
            throw Problem(
                file: file, line: line(of: key, in: text),
                message: "'\(key)' is set, but the store is SQLite: add store = \"postgresql\" to use it, or remove it")
        }
        return ConfigFile(
            socket: try string(.socket), stateDir: try string(.stateDir),
            logLevel: try choice(.logLevel, Logger.Level.self), durability: try choice(.durability, Durability.self),
            store: store, postgresql: postgresql, postgresqlPasswordFile: passwordFile, nodeName: nodeName,
            leaderLeaseSeconds: leaderLease,
            programDirs: try strings(.programDirs), pluginDirs: try strings(.pluginDirs),
            pluginTimeoutSeconds: try seconds(.pluginTimeoutSeconds),
            pluginMemoryLimitMiB: memoryLimit,
            blackoutDirs: try strings(.blackoutDirs), socketGroup: try groupName(.socketGroup),
            socketMode: try mode(.socketMode), adminGroup: try groupName(.adminGroup),
            readGroup: try groupName(.readGroup), maxLineBytes: try integer(.maxLineBytes),
            maxNestingDepth: try integer(.maxNestingDepth),
            maxConnections: try integer(.maxConnections),
            maxPipelinedRequests: try integer(.maxPipelinedRequests),
            idleTimeoutSeconds: try integer(.idleTimeoutSeconds),
            maxSubscribers: try integer(.maxSubscribers))
    }

    /// The line where a top-level key is set, for pointing the reader at it.
    private static func line(of key: String, in text: String) -> Int? {
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix(key),
                trimmed.dropFirst(key.count).drop(while: { $0 == " " || $0 == "\t" }).first == "="
            {
                return number + 1
            }
        }
        return nil
    }
}
