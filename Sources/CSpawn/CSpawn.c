#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "CSpawn.h"

int cspawn_addclosefrom(posix_spawn_file_actions_t *actions, int lowest) {
    return posix_spawn_file_actions_addclosefrom_np(actions, lowest);
}

int cspawn_pipe(int ends[2]) {
    return pipe2(ends, O_CLOEXEC);
}

int cspawn_socketpair(int ends[2]) {
    return socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends);
}

const char *cspawn_signal_abbreviation(int signal) {
    return sigabbrev_np(signal);
}

static void *exit_when_peer_closes(void *argument) {
    int fd = (int)(long)argument;
    struct pollfd watched = {.fd = fd, .events = POLLRDHUP};
    for (;;) {
        int ready = poll(&watched, 1, -1);
        if (ready < 0 && errno == EINTR) continue;
        if (ready < 0 || (watched.revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL))) _exit(0);
    }
    return NULL;
}

int cspawn_exit_when_peer_closes(int fd) {
    pthread_t thread;
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    /* The default stack, not a small one: poll may be interposed (libfaketime's wrapper,
     * under scripts/test-at, crashed a 64 KiB thread now and then). */
    int failed = pthread_create(&thread, &attributes, exit_when_peer_closes, (void *)(long)fd);
    pthread_attr_destroy(&attributes);
    return failed;
}

int cspawn_wait_for_exit(int pid, int timeout_ms) {
    int fd = (int)syscall(SYS_pidfd_open, pid, 0);
    if (fd < 0) return errno == ESRCH ? 1 : -1;
    struct pollfd watched = {.fd = fd, .events = POLLIN};
    int ready;
    do {
        ready = poll(&watched, 1, timeout_ms);
    } while (ready < 0 && errno == EINTR);
    close(fd);
    return ready < 0 ? -1 : ready > 0 ? 1 : 0;
}
