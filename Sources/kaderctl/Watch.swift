import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
// Not all of Foundation: it would link ICU into kaderctl and slow every start.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import KaderClient
import KaderRPC

/// `kaderctl watch`: the history as it is written, as `journalctl -f` follows the journal.
struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Follow every change as it happens: tasks falling due, completed, rescheduled, …",
        discussion: """
            Prints one line per event, oldest first, with the name of what changed and who changed \
            it, and keeps following until interrupted, as journalctl -f does. Events are numbered \
            without gaps; --since N starts after event N. When kaderd stops or restarts, watch \
            reconnects (waiting longer each time, at most 5 s) and goes on after the last event it \
            showed: nothing is missed or shown twice. --cursor-file remembers the last event shown \
            and resumes from it the next time.

            Examples:
              kaderctl watch --cursor-file ~/.kaderctl-watch
              kaderctl watch --since 0 --until-now      # the whole history, then stop

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

    @Flag(help: "Stop after the newest event there is when watch starts.")
    var untilNow = false

    /// Where the next subscription resumes, and when to stop.
    private struct Progress {
        var cursor: Int64?
        var shown = 0
        var stopAfter: Int64?
        /// Whether kaderd has answered once: only then is it waited for.
        var subscribed = false
        /// Whether kaderd said it was stopping (`events.end`): then it is back soon.
        var told = false
    }

    func run() throws {
        var progress = Progress(cursor: since ?? readCursor())
        var names = EntityNames(socket: global.socketPath)
        var delay = 0.1
        var away: ClientError?
        while true {
            do throws(ClientError) {
                let done = try follow(&progress, names: &names, reconnected: away != nil)
                if done { return }
                throw ClientError.closed(socket: global.socketPath)
            } catch where error.isTransport {
                // Only a daemon that answered once is waited for: a wrong socket is an error.
                guard progress.subscribed else { throw CommandFailure(error).report() }
                if away == nil, !progress.told { Output.error("kaderd went away (\(error)); reconnecting…") }
                away = error
                if progress.told {
                    // systemd holds the socket while kaderd restarts: connect again at once.
                    progress.told = false
                    delay = 0.1
                    continue
                }
                usleep(useconds_t(delay * 1_000_000))
                delay = min(delay * 2, 5)
            } catch {
                throw CommandFailure(error).report()
            }
        }
    }

    /// One subscription, until it ends; true when watch is done.
    private func follow(_ progress: inout Progress, names: inout EntityNames, reconnected: Bool) throws(ClientError) -> Bool {
        let connection = try RPCConnection(socketPath: global.socketPath, timeout: nil)
        let params: JSONValue = progress.cursor.map { ["since": .number(JSONNumber(Int($0)))] } ?? [:]
        let reply = try connection.call(RPCMethodDescriptor.eventsSubscribe.name, params: params)
        let subscription = try? reply.decode(EventsSubscription.self)
        progress.subscribed = true
        // Resumed from here after a reconnect, even before any event was shown.
        if progress.cursor == nil { progress.cursor = subscription?.since }
        if untilNow, progress.stopAfter == nil { progress.stopAfter = subscription?.head ?? 0 }
        if reconnected { Output.error("reconnected; going on after event #\(progress.cursor ?? 0)") }
        if let stop = progress.stopAfter, (progress.cursor ?? 0) >= stop { return true }
        while count.map({ progress.shown < $0 }) ?? true {
            guard let line = try connection.readLine() else { return false }
            guard let json = try? JSONParser.parse(line, maxDepth: .max) else { continue }
            if json["method"] == .string(RPCMethodDescriptor.eventsEndNotification) {
                // kaderd is stopping: follow again from the last event shown.
                Output.error("kaderd is stopping; resuming after event #\(progress.cursor ?? 0)…")
                progress.told = true
                return false
            }
            guard json["method"] == .string(RPCMethodDescriptor.eventNotification),
                let params = json["params"], let event = try? params.decode(EventInfo.self),
                event.seq > progress.cursor ?? -1
            else { continue }
            if global.json {
                Output.print(JSONWriter.string(params))
            } else {
                Output.print(Self.describe(event, name: names.name(of: event), user: EntityNames.user(event.uid)))
            }
            progress.cursor = event.seq
            progress.shown += 1
            writeCursor(event.seq)
            if let stop = progress.stopAfter, event.seq >= stop { return true }
        }
        return true
    }

    /// `#1042 2026-12-01 09:00:00 WITA task tsk_… "Pelatihan dasar KPMD" moved scheduled → due (scheduler)`
    static func describe(_ event: EventInfo, name: String? = nil, user: String? = nil) -> String {
        var detail = event.detail
        var change = event.action
        if let from = detail.removeValue(forKey: "from"), let to = detail.removeValue(forKey: "to") {
            change += " \(from) → \(to)"
        }
        let extra = detail.keys.sorted().map { "\($0)=\(LocalTime.display(any: detail[$0]!))" }.joined(separator: " ")
        let who = user ?? event.uid.map { "uid \($0)" } ?? event.agent
        return "#\(event.seq) \(MachineTime.display(event.at)) \(event.entityKind) \(event.entityID)"
            + (name.map { " \"\($0)\"" } ?? "") + " \(change)" + (extra.isEmpty ? "" : " \(extra)") + " (\(who))"
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

extension ClientError {
    /// The daemon is not there (stopped, restarting): worth waiting for.
    var isTransport: Bool {
        switch self {
        case .unreachable, .closed, .timedOut: true
        case .malformedReply, .remote: false
        }
    }
}
