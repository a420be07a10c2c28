import Foundation
import KaderCore
import Logging
import Synchronization

/// The plugins of a running daemon: the loaded ones, answering hooks for their provinces,
/// and the record of every file found, refusals and failures included.
public final class PluginHost: Sendable {
    private let plugins: [LoadedPlugin]
    /// Every file found; a loaded plugin's state and helper are filled in when listed.
    private let records: [PluginRecord]
    private let logger: Logger

    public init(_ results: [Result<LoadedPlugin, PluginRecord>], logger: Logger) {
        var plugins: [LoadedPlugin] = []
        var records: [PluginRecord] = []
        for result in results {
            switch result {
            case .success(let plugin):
                plugins.append(plugin)
                records.append(
                    PluginRecord(
                        path: plugin.path, name: plugin.name, version: plugin.version, abiVersion: 1, state: .loaded,
                        reason: nil, provinces: plugin.provinces, hooks: plugin.hooks))
                logger.info("plugin loaded", metadata: ["plugin": "\(plugin.name)", "path": "\(plugin.path)"])
            case .failure(let record):
                records.append(record)
                logger.warning(
                    "plugin refused", metadata: ["path": "\(record.path)", "reason": "\(record.reason ?? "")"])
            }
        }
        self.plugins = plugins
        self.records = records
        self.logger = logger
    }

    /// No plugins at all.
    public static func none(logger: Logger) -> PluginHost { PluginHost([], logger: logger) }

    public static func load(folders: [String], isolation: PluginIsolation, logger: Logger) -> PluginHost {
        PluginHost(PluginLoader.load(folders: folders, isolation: isolation, logger: logger), logger: logger)
    }

    /// Every plugin file found, in the order found; a loaded one with its helper as it is now.
    public var list: [PluginRecord] {
        records.map { record in
            guard record.state == .loaded, let plugin = plugins.first(where: { $0.path == record.path }) else { return record }
            var live = record
            let helper = plugin.process.status
            live.helper = helper
            if helper.consecutiveFailures > 0 {
                live.state = .failed
                live.reason = helper.lastFailure
            }
            return live
        }
    }

    /// Whether any plugin changes programs at all: when none does, starting a workflow need
    /// not look up where its cadres live before its transaction.
    public var adaptsPrograms: Bool { plugins.contains { $0.hooks.contains("plan") } }

    /// Whether any plugin wants to hear of transitions: when none does, moving a task need
    /// not read it before its transaction.
    var followsTransitions: Bool { plugins.contains { $0.hooks.contains("transition") } }

    /// The program as the plugins of the village's province change it.
    public func adapt(_ program: Program, for village: RegionCode) async throws(PluginError) -> Program {
        var adapted = program
        for plugin in plugins where plugin.applies(to: village, hook: "plan") {
            let request = PluginMessages.PlanRequest(program: adapted, village: village)
            do throws(PluginError) {
                let reply = try await plugin.call("plan", request, as: PluginMessages.PlanReply.self, logger: logger)
                do {
                    adapted = try adapted.applying(try reply.programEdits())
                } catch {
                    plugin.process.recordFailure(error.description, in: "plan")
                    throw PluginError(plugin: plugin.name, hook: "plan", reason: error.description)
                }
            } catch {
                failed(plugin, error)
                throw error
            }
        }
        return adapted
    }

    /// What the plugins of the cadre's province find wrong with it; their messages name the plugin.
    public func problems(with draft: CadreDraft) async throws(PluginError) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        for plugin in plugins where plugin.applies(to: draft.village, hook: "validate") {
            do throws(PluginError) {
                let reply = try await plugin.call(
                    "validate", PluginMessages.ValidateRequest(draft), as: PluginMessages.ValidateReply.self, logger: logger)
                problems += reply.problems.map { FieldProblem(field: $0.field, message: "\($0.message) (plugin \(plugin.name))") }
            } catch {
                failed(plugin, error)
                throw error
            }
        }
        return problems
    }

    /// The follow-up steps the plugins of the task's province want after a transition.
    func followUps(after task: WorkflowTask, from: TaskState, to: TaskState) async throws(PluginError)
        -> [(plugin: String, step: PluginMessages.TransitionReply.FollowUp)]
    {
        var followUps: [(plugin: String, step: PluginMessages.TransitionReply.FollowUp)] = []
        for plugin in plugins where plugin.applies(to: task.village, hook: "transition") {
            do throws(PluginError) {
                let reply = try await plugin.call(
                    "transition", PluginMessages.TransitionRequest(task, from: from, to: to),
                    as: PluginMessages.TransitionReply.self, logger: logger)
                for step in reply.follow_ups {
                    guard Program.isIdentifier(step.step), !step.title.isEmpty,
                        (0...365).contains(step.offset_days ?? 1), (1...365).contains(step.duration_days ?? 1)
                    else {
                        plugin.process.recordFailure("a follow-up without an id, a title or days in range", in: "transition")
                        throw PluginError(
                            plugin: plugin.name, hook: "transition",
                            reason: "follow-up '\(step.step)' needs an id, a title, offset_days 0–365 and duration_days 1–365")
                    }
                    followUps.append((plugin.name, step))
                }
            } catch {
                failed(plugin, error)
                throw error
            }
        }
        return followUps
    }

    /// Adds what the plugins black out in their provinces, for the given years; later and
    /// earlier years count as unknown there.
    public func blackouts(adding to: BlackoutCalendar, years: ClosedRange<Int>) -> BlackoutCalendar {
        var calendar = to
        for plugin in plugins where plugin.hooks.contains("blackouts") {
            for province in plugin.provinces {
                calendar.coverPluginBlackouts(years, in: province)
                for year in years {
                    do throws(PluginError) {
                        let reply = try plugin.call(
                            "blackouts", PluginMessages.BlackoutsRequest(province: province.description, year: year),
                            as: PluginMessages.BlackoutsReply.self, logger: logger)
                        for entry in reply.blackouts {
                            guard let from = try? LocalDateTime(parsing: entry.from),
                                let until = try? LocalDateTime(parsing: entry.until)
                            else {
                                plugin.process.recordFailure("'\(entry.from)'–'\(entry.until)' are not local date-times", in: "blackouts")
                                throw PluginError(
                                    plugin: plugin.name, hook: "blackouts",
                                    reason: "'\(entry.from)'–'\(entry.until)' are not local date-times")
                            }
                            do {
                                try calendar.add(entry.name, from: from, until: until, in: province, source: .plugin(plugin.name))
                            } catch {
                                plugin.process.recordFailure("\(error)", in: "blackouts")
                                throw PluginError(plugin: plugin.name, hook: "blackouts", reason: "\(error)")
                            }
                        }
                    } catch {
                        failed(plugin, error)
                    }
                }
            }
        }
        return calendar
    }

    private func failed(_ plugin: LoadedPlugin, _ error: PluginError) {
        logger.error(
            "plugin call failed", metadata: ["plugin": "\(plugin.name)", "hook": "\(error.hook)", "error": "\(error.reason)"])
    }
}
