#ifndef CEPOLL_H
#define CEPOLL_H
// epoll, which Swift's Glibc module leaves out, for the event-loop echo server and the
// event-loop load generator.
#include <sys/epoll.h>

// accept4 with SOCK_NONBLOCK | SOCK_CLOEXEC (a GNU extension Glibc's module hides).
int cepoll_accept_nonblocking(int listener);

// epoll_pwait2 (GNU): waits at most `nanos` nanoseconds, or without end if it is negative,
// so a paced client wakes when its next request is due, not at the next millisecond.
int cepoll_wait_nanos(int poll, struct epoll_event *events, int capacity, long long nanos);
#endif
