#ifndef CEPOLL_H
#define CEPOLL_H
// epoll, which Swift's Glibc module leaves out, for the event-loop echo server.
#include <sys/epoll.h>

// accept4 with SOCK_NONBLOCK | SOCK_CLOEXEC (a GNU extension Glibc's module hides).
int cepoll_accept_nonblocking(int listener);
#endif
