#define _GNU_SOURCE
#include <stddef.h>
#include <sys/socket.h>
#include <time.h>
#include "CEpoll.h"

int cepoll_accept_nonblocking(int listener) {
    return accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

int cepoll_wait_nanos(int poll, struct epoll_event *events, int capacity, long long nanos) {
    if (nanos < 0) return epoll_pwait2(poll, events, capacity, NULL, NULL);
    struct timespec timeout = { .tv_sec = nanos / 1000000000, .tv_nsec = nanos % 1000000000 };
    return epoll_pwait2(poll, events, capacity, &timeout, NULL);
}
