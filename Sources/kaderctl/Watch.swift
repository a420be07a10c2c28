import ArgumentParser
// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import KaderClient
import KaderRPC

struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Follow every change as it happens: tasks falling due, completed, rescheduled, …",
        discussion: """
            Prints one line per event, oldest first, and keeps following until interrupted. Events
            are numbered without gaps; --since N starts after event N, so nothing is missed or seen
            twice across reconnects and daemon restarts. --cursor-file remembers the last event
            shown and resumes from it the next time.

            Example: kaderctl watch --cursor-file ~/.kaderctl-watch

            """ + GlobalOptions.helpNote
    )

    @ParentCommand var kaderctl: Kaderctl
    var global: GlobalOptions { kaderctl.global }

    @Option(help: "Start after this event number (default: only new events).")
    var since: Int64?

    @Option(help: "A file holding the last event number shown: read at start, written after each event.")
    var cursorFile: String?

    @Option(help: "Stop after this many events.")
    var count: Int?

    func run() throws {
        var cursor = since ?? readCursor()
        var shown = 0
        try global.withConnection(waitingForever: true) { connection throws(ClientError) in
            let params: JSONValue = cursor.map { ["since": .number(JSONNumber(Int($0)))] } ?? [:]
            _ = try connection.call(RPCMethodDescriptor.eventsSubscribe.name, params: params)
            while count.map({ shown < $0 }) ?? true {
                guard let line = try connection.readLine() else { throw .closed(socket: connection.socketPath) }
                guard let json = try? JSONParser.parse(line, maxDepth: .max),
                    json["method"] == .string(RPCMethodDescriptor.eventNotification),
                    let params = json["params"], let event = try? params.decode(EventInfo.self)
                else { continue }
                if global.json {
                    Output.print(JSONWriter.string(params))
                } else {
                    Output.print(Self.describe(event))
                }
                cursor = event.seq
                shown += 1
                writeCursor(event.seq)
            }
        }
    }

    /// `#1042 2026-12-01 09:00:00Z task tsk_… moved scheduled → due (scheduler)`
    static func describe(_ event: EventInfo) -> String {
        var detail = event.detail
        var change = event.action
        if let from = detail.removeValue(forKey: "from"), let to = detail.removeValue(forKey: "to") {
            change += " \(from) → \(to)"
        }
        let extra = detail.keys.sorted().map { "\($0)=\(detail[$0]!)" }.joined(separator: " ")
        let who = event.uid.map { "uid \($0)" } ?? event.agent
        let time = event.at.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).dateTimeSeparator(.space))
        return "#\(event.seq) \(time) \(event.entityKind) \(event.entityID) \(change)"
            + (extra.isEmpty ? "" : " \(extra)") + " (\(who))"
    }

    private func readCursor() -> Int64? {
        guard let cursorFile, let text = try? String(contentsOfFile: cursorFile, encoding: .utf8) else { return nil }
        return Int64(text.trimmed)
    }

    private func writeCursor(_ seq: Int64) {
        guard let cursorFile else { return }
        try? "\(seq)\n".write(toFile: cursorFile, atomically: true, encoding: .utf8)
    }
}
