#ifndef CSQLITECONFIG_H
#define CSQLITECONFIG_H

/// Process-wide SQLite settings, which `sqlite3_config` (variadic, so out of Swift's reach)
/// accepts only before SQLite initializes, that is before the first connection opens.
///
/// - No mutex per connection (multi-thread mode): the store's connections are each used by
///   one thread at a time, which GRDB guarantees (it supports only this mode).
/// - No memory statistics: they take a global mutex on every allocation, and nothing reads them.
///
/// Returns 0 (SQLITE_OK), or SQLite's error when it had already initialized.
int csqlite_configure_for_store(void);

struct sqlite3;

/// After each commit of `db`, writes the number of pages in its log to `*pages`, in place of
/// SQLite's automatic checkpoint (which runs inside the commit). Until
/// `csqlite_checkpoint_automatically` is called, `pages` must stay valid.
void csqlite_count_log_pages(struct sqlite3 *db, int *pages);

/// SQLite's automatic checkpoint again, once the log holds `pages`.
void csqlite_checkpoint_automatically(struct sqlite3 *db, int pages);

#endif
