#ifndef CSPAWN_H
#define CSPAWN_H

#include <spawn.h>

/// glibc's GNU extensions the tests' spawner needs; Swift's Glibc module is built without
/// _GNU_SOURCE, so it does not see them.

/// Closes every descriptor from `lowest` up in the child (glibc 2.34+).
int cspawn_addclosefrom(posix_spawn_file_actions_t *actions, int lowest);

/// A pipe whose two ends are close-on-exec from the start, so a program another thread
/// spawns meanwhile never inherits them.
int cspawn_pipe(int ends[2]);

#endif
