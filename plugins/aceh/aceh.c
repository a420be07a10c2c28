/*
 * The Aceh plugin: Aceh's own terms for the village (gampong), its head (keuchik) and its
 * deliberation (Musyawarah Gampong), and a consultation with the Tuha Peut, the gampong's
 * council, before the keuchik's decree. Written in C against kader_plugin.h alone: the
 * worked example of docs/plugins.md.
 */
#include <stdlib.h>
#include <string.h>

#include "kader_plugin.h"

static const char plan_reply[] =
    "{\"edits\": ["
    "{\"op\": \"rename\", \"step\": \"identification\", \"title\": \"Identifikasi calon KPMD di gampong\"},"
    "{\"op\": \"rename\", \"step\": \"deliberation\", \"title\": \"Pemilihan KPMD dalam Musyawarah Gampong\"},"
    "{\"op\": \"insert\", \"before\": \"decree\", \"step\": {\"id\": \"tuha-peut\", \"kind\": \"consultation\","
    " \"title\": \"Konsultasi dengan Tuha Peut\", \"offset_days\": 1, \"duration_days\": 7}},"
    "{\"op\": \"rename\", \"step\": \"decree\", \"title\": \"Penetapan KPMD dengan SK Keuchik\"}"
    "]}";

/* Every reply is the host's to free through aceh_free, so even fixed ones are copied. */
static char *reply(const char *text) {
    size_t length = strlen(text) + 1;
    char *copy = malloc(length);
    if (copy != NULL) memcpy(copy, text, length);
    return copy;
}

static char *aceh_call(const char *hook, const char *request_json) {
    (void)request_json; /* The edits are the same for every gampong. */
    if (strcmp(hook, "plan") == 0) return reply(plan_reply);
    return reply("{\"error\": \"the aceh plugin has no such hook\"}");
}

static void aceh_free(char *text) { free(text); }

static const kader_plugin_descriptor descriptor = {
    .abi_version = KADER_PLUGIN_ABI_VERSION,
    .name = "aceh",
    .version = "1.0.0",
    .provides_json = "{\"provinces\": [\"11\"], \"hooks\": [\"plan\"]}",
    .call = aceh_call,
    .free_reply = aceh_free,
};

const kader_plugin_descriptor *kader_plugin_entry(void) { return &descriptor; }
