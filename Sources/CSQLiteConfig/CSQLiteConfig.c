#include <sqlite3.h>

#include "CSQLiteConfig.h"

int csqlite_configure_for_store(void) {
    int result = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    if (result != SQLITE_OK) return result;
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static int count_log_pages(void *pages, sqlite3 *db, const char *name, int count) {
    (void)db;
    (void)name;
    *(int *)pages = count;
    return SQLITE_OK;
}

void csqlite_count_log_pages(struct sqlite3 *db, int *pages) {
    sqlite3_wal_hook(db, count_log_pages, pages);
}

void csqlite_checkpoint_automatically(struct sqlite3 *db, int pages) {
    sqlite3_wal_autocheckpoint(db, pages);
}
