#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// CLOCK_MONOTONIC, the clock systemd reads for MONOTONIC_USEC and watchdog deadlines.
///
/// Swift's `ContinuousClock` is CLOCK_BOOTTIME on Linux, which keeps counting through
/// suspend; systemd compares against CLOCK_MONOTONIC, so we read that one ourselves.
public enum MonotonicTime {
    public static func nowMicroseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000 + UInt64(time.tv_nsec) / 1_000
    }
}
