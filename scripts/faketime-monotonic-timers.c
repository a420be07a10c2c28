/*
 * Preloaded before libfaketime by scripts/test-at: lets absolute timers on the monotonic
 * clocks keep real time, as FAKETIME_DONT_FAKE_MONOTONIC=1 promises.
 *
 * libfaketime 0.9.10 (Debian's, and upstream still) converts every absolute
 * timerfd_settime(2) as if its timer ran on CLOCK_REALTIME ("only CLOCK_REALTIME is
 * handled"). libdispatch arms its timers that way on CLOCK_MONOTONIC and CLOCK_BOOTTIME,
 * so under a moved clock each Task.sleep and DispatchQueue.asyncAfter got a negative
 * deadline, EINVAL, and never woke: the suite hung and systemd's sd-event could not boot.
 * This remembers each timerfd's clock and sends the monotonic ones straight to the
 * kernel; wall-clock timers still go through libfaketime.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#define TRACKED 65536

/* Each tracked descriptor's clock plus one; 0 means not made by timerfd_create here. */
static _Atomic int clock_of[TRACKED];

int timerfd_create(int clockid, int flags) {
    int fd = (int)syscall(SYS_timerfd_create, clockid, flags);
    if (fd >= 0 && fd < TRACKED) atomic_store(&clock_of[fd], clockid + 1);
    return fd;
}

int timerfd_settime(int fd, int flags, const struct itimerspec *new_value, struct itimerspec *old_value) {
    int clock = (fd >= 0 && fd < TRACKED) ? atomic_load(&clock_of[fd]) - 1 : -1;
    if (clock == CLOCK_MONOTONIC || clock == CLOCK_BOOTTIME || clock == CLOCK_BOOTTIME_ALARM) {
        return (int)syscall(SYS_timerfd_settime, fd, flags, new_value, old_value);
    }
    static int (*next)(int, int, const struct itimerspec *, struct itimerspec *);
    if (next == NULL) next = dlsym(RTLD_NEXT, "timerfd_settime");
    return next(fd, flags, new_value, old_value);
}
