#if canImport(Glibc)
import Glibc
#endif
import CSpawn
import Foundation
import KaderPluginABI

/// What runs inside a plugin helper (`kaderd --plugin-host FILE`): it loads one plugin file
/// and answers kaderd's calls on descriptor 3, one at a time. A plugin that crashes or
/// hangs here takes only this process down; kaderd kills and restarts it.
///
/// Frames from kaderd: the hook's name, a NUL, the request. Frames back: 0 then the reply
/// text, or 1 when the plugin returned NULL.
public enum PluginHelper {
    /// The channel to kaderd, set up by the spawner.
    static let channelDescriptor: Int32 = 3
    /// The status byte of a reply frame.
    static let replied: UInt8 = 0
    static let returnedNull: UInt8 = 1

    public static func serve(plugin path: String, memoryLimitMiB: Int?, maximumReplyBytes: Int) -> Never {
        // Nothing of kaderd's is open here: the spawn closed every descriptor above the
        // channel. What is open above it now is this process's own runtime's (Dispatch's
        // epoll and eventfd); closing those made the helper crash (SIGILL) now and then.
        // A helper must not outlive kaderd, even while a call never returns.
        _ = cspawn_exit_when_peer_closes(channelDescriptor)
        let channel = PluginChannel(fd: channelDescriptor)
        var hello = PluginHelperHello()
        if let memoryLimitMiB {
            var limit = rlimit(rlim_cur: rlim_t(memoryLimitMiB) << 20, rlim_max: rlim_t(memoryLimitMiB) << 20)
            if setrlimit(Int32(RLIMIT_AS.rawValue), &limit) != 0 {
                hello.memoryLimitProblem = String(cString: strerror(errno))
            }
        }
        let descriptor = load(path, into: &hello)
        send(hello, on: channel)
        guard let descriptor, hello.refused == nil, hello.abi == UInt32(KADER_PLUGIN_ABI_VERSION),
            let call = descriptor.pointee.call, let free = descriptor.pointee.free_reply
        else {
            // kaderd refuses the plugin and closes the channel; wait for that.
            while (try? channel.read(limit: 1 << 26, by: nil)) != nil {}
            exit(0)
        }
        while let frame = try? channel.read(limit: 1 << 26, by: nil) {
            let separator = frame.firstIndex(of: 0) ?? frame.endIndex
            let hook = String(decoding: frame[..<separator], as: UTF8.self)
            let request = String(decoding: frame[min(separator + 1, frame.endIndex)...], as: UTF8.self)
            var reply: [UInt8]
            if let pointer = call(hook, request) {
                let length = strnlen(pointer, maximumReplyBytes + 1)
                reply = [replied] + Array(UnsafeRawBufferPointer(start: pointer, count: length))
                free(pointer)
            } else {
                reply = [returnedNull]
            }
            do {
                try channel.write(reply, by: nil)
            } catch {
                break
            }
            reply = []
        }
        exit(0)
    }

    /// dlopen, the entry symbol, the descriptor's fields; nil with `hello.refused` set when
    /// the file is not a plugin.
    private static func load(_ path: String, into hello: inout PluginHelperHello)
        -> UnsafePointer<kader_plugin_descriptor>?
    {
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            hello.refused = "cannot be loaded: \(dlerror().map { String(cString: $0) } ?? "unknown error")"
            return nil
        }
        guard let symbol = dlsym(handle, KADER_PLUGIN_ENTRY_SYMBOL) else {
            hello.refused = "does not export \(KADER_PLUGIN_ENTRY_SYMBOL)"
            return nil
        }
        let entry = unsafeBitCast(symbol, to: kader_plugin_entry_fn.self)
        guard let descriptor = entry() else {
            hello.refused = "its entry point returned no descriptor"
            return nil
        }
        hello.abi = descriptor.pointee.abi_version
        hello.name = descriptor.pointee.name.map { String(cString: $0) }
        hello.version = descriptor.pointee.version.map { String(cString: $0) }
        hello.provides = descriptor.pointee.provides_json.map { String(cString: $0) }
        hello.hasFunctions = descriptor.pointee.call != nil && descriptor.pointee.free_reply != nil
        return descriptor
    }

    private static func send(_ hello: PluginHelperHello, on channel: PluginChannel) {
        guard let bytes = try? JSONEncoder().encode(hello) else { exit(70) }
        do {
            try channel.write(Array(bytes), by: nil)
        } catch {
            exit(0)
        }
    }
}
