#ifndef KADERD_CSYSTEMD_SHIM_H
#define KADERD_CSYSTEMD_SHIM_H

// The parts of libsystemd kaderd uses: readiness notification, socket activation and the
// watchdog (sd-daemon), and structured logging to the journal (sd-journal).
//
// sd_journal_send() is variadic and cannot be called from Swift; sd_journal_sendv() takes
// the same fields as an iovec array and can. We send CODE_FILE/LINE/FUNC of the Swift
// caller ourselves, so the C macros must not add this header's own location.
#define SD_JOURNAL_SUPPRESS_LOCATION 1
#include <sys/uio.h>
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>

#endif
