/*
 * papua.c — a kaderd plugin for the provinces of Papua (91 Papua, 92 Papua Barat,
 * 93 Papua Selatan, 94 Papua Tengah, 95 Papua Pegunungan, 96 Papua Barat Daya).
 *
 *  plan      — in Papua a desa is a kampung: the deliberation is the Musyawarah Kampung
 *              and the decree is signed by the Kepala Kampung. A kelurahan is not a
 *              kampung, so it keeps the program's own titles. The basic training is 2 days
 *              longer everywhere in Papua, because travel between kampung is long; its
 *              title "Pelatihan dasar KPMD (5 hari)" then says "(7 hari)".
 *              Edits name only steps the requested program has, so a program without
 *              them is planned unchanged instead of being refused.
 *
 * No blackouts. Version 1.1 blacked out 1 December as "Hari Peringatan Papua": it is not
 * an official holiday (no Keppres, SKB or governor's decree makes it one) but a
 * politically charged date, and a plugin must not invent days off. A regional day with a
 * legal basis belongs in a blackout file (blackout_dirs) that names the basis.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kader_plugin.h"

#define EXTRA_TRAINING_DAYS 2
#define TRAINING_TITLE "Pelatihan dasar KPMD (%ld hari)"

static char *reply(const char *text) {        /* kaderd frees replies with papua_free */
    size_t length = strlen(text) + 1;
    char *copy = malloc(length);
    if (copy != NULL) memcpy(copy, text, length);
    return copy;
}

/* ---- a very small JSON reader: enough to find keys in kaderd's well-formed requests ---- */

static const char *skip_space(const char *p) {
    while (*p != '\0' && isspace((unsigned char)*p)) p++;
    return p;
}

/* Skips a string starting at its opening quote; returns the char after the closing quote,
 * or NULL if the text ends first. */
static const char *skip_string(const char *p) {
    for (p++; *p != '\0'; p++) {
        if (*p == '\\') {
            if (p[1] == '\0') return NULL;
            p++;
        } else if (*p == '"') {
            return p + 1;
        }
    }
    return NULL;
}

/* Skips one value (string, object, array, number, true/false/null); NULL on bad input. */
static const char *skip_value(const char *p) {
    p = skip_space(p);
    if (*p == '"') return skip_string(p);
    if (*p == '{' || *p == '[') {
        int depth = 0;
        while (*p != '\0') {
            if (*p == '"') {
                p = skip_string(p);
                if (p == NULL) return NULL;
                continue;
            }
            if (*p == '{' || *p == '[') depth++;
            else if (*p == '}' || *p == ']') {
                if (--depth == 0) return p + 1;
            }
            p++;
        }
        return NULL;
    }
    const char *start = p;
    while (*p != '\0' && *p != ',' && *p != '}' && *p != ']' && !isspace((unsigned char)*p)) p++;
    return p == start ? NULL : p;
}

/* In the object starting at `object` ('{'), finds the value of `key`: returns a pointer to
 * its first character, or NULL. */
static const char *member(const char *object, const char *key) {
    if (object == NULL) return NULL;
    const char *p = skip_space(object);
    if (*p != '{') return NULL;
    size_t key_length = strlen(key);
    p = skip_space(p + 1);
    while (*p == '"') {
        const char *name = p + 1;
        const char *after = skip_string(p);
        if (after == NULL) return NULL;
        p = skip_space(after);
        if (*p != ':') return NULL;
        const char *value = skip_space(p + 1);
        if ((size_t)(after - 1 - name) == key_length && strncmp(name, key, key_length) == 0)
            return value;
        p = skip_value(value);
        if (p == NULL) return NULL;
        p = skip_space(p);
        if (*p != ',') return NULL;
        p = skip_space(p + 1);
    }
    return NULL;
}

/* True when the value at `value` is the JSON string `text` (no escapes in `text`). */
static int is_string(const char *value, const char *text) {
    if (value == NULL || *value != '"') return 0;
    size_t length = strlen(text);
    return strncmp(value + 1, text, length) == 0 && value[1 + length] == '"';
}

/* ---- hooks ---- */

static char *plan(const char *request_json) {
    const char *program = member(request_json, "program");
    const char *steps = member(program, "steps");
    int kampung = !is_string(member(request_json, "village_kind"), "kelurahan");
    int has_deliberation = 0, has_decree = 0, has_training = 0;
    long training_days = -1;
    const char *training_title = NULL;

    if (steps != NULL && *steps == '[') {
        const char *p = skip_space(steps + 1);
        while (*p == '{') {
            const char *id = member(p, "id");
            if (is_string(id, "deliberation")) has_deliberation = 1;
            else if (is_string(id, "decree")) has_decree = 1;
            else if (is_string(id, "training")) {
                const char *days = member(p, "duration_days");
                has_training = 1;
                if (days != NULL && isdigit((unsigned char)*days)) training_days = strtol(days, NULL, 10);
                training_title = member(p, "title");
            }
            p = skip_value(p);
            if (p == NULL) break;
            p = skip_space(p);
            if (*p != ',') break;
            p = skip_space(p + 1);
        }
    }

    char text[1024];
    size_t used = 0;
    int first = 1;
#define ADD(...)                                                                       \
    do {                                                                               \
        int n_ = snprintf(text + used, sizeof text - used, __VA_ARGS__);               \
        if (n_ < 0 || (size_t)n_ >= sizeof text - used) return NULL;                   \
        used += (size_t)n_;                                                            \
    } while (0)
#define EDIT(...)                                                                      \
    do {                                                                               \
        if (!first) ADD(", ");                                                         \
        first = 0;                                                                     \
        ADD(__VA_ARGS__);                                                              \
    } while (0)

    ADD("{\"edits\": [");
    if (kampung && has_deliberation)
        EDIT("{\"op\": \"rename\", \"step\": \"deliberation\","
             " \"title\": \"Pemilihan KPMD dalam Musyawarah Kampung\"}");
    if (kampung && has_decree)
        EDIT("{\"op\": \"rename\", \"step\": \"decree\","
             " \"title\": \"Penetapan KPMD dengan SK Kepala Kampung\"}");
    if (has_training) {
        EDIT("{\"op\": \"lengthen\", \"step\": \"training\", \"days\": %d}", EXTRA_TRAINING_DAYS);
        /* The default title counts the days: keep it true. Any other title is left as is. */
        char old_title[64];
        if (training_days >= 0 && training_days < 1000) {
            snprintf(old_title, sizeof old_title, TRAINING_TITLE, training_days);
            if (is_string(training_title, old_title))
                EDIT("{\"op\": \"rename\", \"step\": \"training\", \"title\": \"" TRAINING_TITLE "\"}",
                     training_days + EXTRA_TRAINING_DAYS);
        }
    }
    ADD("]}");
#undef EDIT
#undef ADD
    return reply(text);
}

static char *papua_call(const char *hook, const char *request_json) {
    if (hook == NULL || request_json == NULL)
        return reply("{\"error\": \"the papua plugin got no hook or no request\"}");
    if (strcmp(hook, "plan") == 0) return plan(request_json);
    return reply("{\"error\": \"the papua plugin has no such hook\"}");
}

static void papua_free(char *text) { free(text); }

static const kader_plugin_descriptor descriptor = {
    .abi_version = KADER_PLUGIN_ABI_VERSION,
    .name = "papua",
    .version = "1.2.0",
    .provides_json = "{\"provinces\": [\"91\", \"92\", \"93\", \"94\", \"95\", \"96\"],"
                     " \"hooks\": [\"plan\"]}",
    .call = papua_call,
    .free_reply = papua_free,
};

const kader_plugin_descriptor *kader_plugin_entry(void) { return &descriptor; }
