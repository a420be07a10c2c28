#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A reading of CLOCK_MONOTONIC in nanoseconds, for timing what metrics record.
///
/// Every RPC call is timed, so the reading is on the hot path: `ContinuousClock.now` makes a
/// 128-bit `Duration` of each reading and divides one to record it, which a profile of
/// `daemon.status` showed costing as much as the histogram itself. This is one vDSO call and
/// integer arithmetic.
public struct MetricsInstant: Sendable {
    @usableFromInline let nanoseconds: UInt64

    @inlinable
    public static var now: MetricsInstant {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return MetricsInstant(nanoseconds: UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec))
    }

    @inlinable
    init(nanoseconds: UInt64) {
        self.nanoseconds = nanoseconds
    }

    /// Nanoseconds from `self` to now.
    @inlinable
    public var elapsedNanoseconds: Int64 {
        Int64(truncatingIfNeeded: MetricsInstant.now.nanoseconds &- nanoseconds)
    }
}
