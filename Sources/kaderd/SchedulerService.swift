import KaderEngine
import ServiceLifecycle

/// Runs the scheduler's loop for as long as the daemon runs; it stops at the start of a
/// graceful shutdown, since nothing it does must outlive the store.
struct SchedulerService: Service {
    let scheduler: Scheduler

    func run() async throws {
        try await cancelWhenGracefulShutdown {
            try await scheduler.run()
        }
    }
}
