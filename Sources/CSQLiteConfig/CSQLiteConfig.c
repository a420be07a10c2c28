#include <sqlite3.h>

#include "CSQLiteConfig.h"

int csqlite_configure_for_store(void) {
    int result = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    if (result != SQLITE_OK) return result;
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
