#ifndef CSPAWN_H
#define CSPAWN_H

#include <spawn.h>

/// glibc's GNU extensions that spawning and running a plugin helper needs; Swift's Glibc
/// module is built without _GNU_SOURCE, so it does not see them.

/// Closes every descriptor from `lowest` up in the child (glibc 2.34+).
int cspawn_addclosefrom(posix_spawn_file_actions_t *actions, int lowest);

/// A pipe whose two ends are close-on-exec from the start, so a program another thread
/// spawns meanwhile never inherits them.
int cspawn_pipe(int ends[2]);

/// A connected pair of stream sockets, both close-on-exec from the start.
int cspawn_socketpair(int ends[2]);

/// The abbreviation of a signal ("SEGV"), or NULL for an unknown number.
const char *cspawn_signal_abbreviation(int signal);

/// Starts a thread that ends the process (exit status 0) as soon as the peer of the stream
/// socket `fd` closes it: a plugin helper must not outlive kaderd, even while a plugin's
/// call runs on the main thread and never returns. Returns 0, or an errno.
int cspawn_exit_when_peer_closes(int fd);

/// Waits up to `timeout_ms` for process `pid` (a child or not) to end, through a pidfd.
/// Returns 1 when it has ended (or no longer exists), 0 when it still runs, -1 on error.
int cspawn_wait_for_exit(int pid, int timeout_ms);

#endif
