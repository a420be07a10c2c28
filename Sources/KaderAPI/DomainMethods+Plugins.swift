import Foundation
import KaderEngine
import KaderRPC
import KaderServer

extension DomainMethods {
    var pluginMethods: [RPCMethod] {
        [
            RPCMethod(.pluginList) { _ in
                PluginList(plugins: (service.plugins?.list ?? []).map(PluginInfo.init))
            }
        ]
    }
}

extension PluginInfo {
    init(_ record: PluginRecord) {
        self.init(
            name: record.name, version: record.version, abi: record.abiVersion, path: record.path,
            state: record.state.rawValue, reason: record.reason, provinces: record.provinces.map(\.description),
            hooks: record.hooks,
            helper: record.helper.map { helper in
                PluginHelperInfo(
                    pid: helper.pid, calls: helper.calls, failures: helper.failures, restarts: helper.restarts,
                    lastFailure: helper.lastFailure, lastFailureAt: helper.lastFailureAt.map { ISO8601.string($0, in: .gmt) })
            })
    }
}
