/*
 * The Aceh plugin: Aceh's own terms for the village (gampong), its head (keuchik), its
 * deliberation (Musyawarah Gampong) and its cadres, the KPMG (Kader Pemberdayaan
 * Masyarakat Gampong), and a consultation with the Tuha Peut, the gampong's council,
 * before the keuchik's decree. Written in C against kader_plugin.h alone: the worked
 * example of docs/plugins.md.
 *
 * KPMG is the name Aceh's gampong governments, camat and Pendamping Desa use in their
 * trainings (e.g. "pelatihan peningkatan kapasitas KPMG se-Kecamatan Blangpidie", Aceh
 * Barat Daya, reported by kabaraceh.co, 3 November 2020). Gampong, keuchik and Tuha Peut
 * are the terms of UU 11/2006 tentang Pemerintahan Aceh. The edits are for the KPMD
 * program only: another program's steps and titles are its own.
 */
#include <stdlib.h>
#include <string.h>

#include "kader_plugin.h"

static const char plan_reply[] =
    "{\"edits\": ["
    "{\"op\": \"rename\", \"step\": \"identification\", \"title\": \"Identifikasi calon KPMG di gampong\"},"
    "{\"op\": \"rename\", \"step\": \"deliberation\", \"title\": \"Pemilihan KPMG dalam Musyawarah Gampong\"},"
    "{\"op\": \"insert\", \"before\": \"decree\", \"step\": {\"id\": \"tuha-peut\", \"kind\": \"consultation\","
    " \"title\": \"Konsultasi dengan Tuha Peut\", \"offset_days\": 1, \"duration_days\": 7}},"
    "{\"op\": \"rename\", \"step\": \"decree\", \"title\": \"Penetapan KPMG dengan SK Keuchik\"},"
    "{\"op\": \"rename\", \"step\": \"training\", \"title\": \"Pelatihan dasar KPMG (5 hari)\"},"
    "{\"op\": \"rename\", \"step\": \"mentoring\", \"title\": \"Kunjungan pendampingan KPMG\"},"
    "{\"op\": \"rename\", \"step\": \"evaluation\", \"title\": \"Evaluasi kinerja KPMG\"}"
    "]}";

/* Whether the request plans the program `id`. kaderd writes every object's keys sorted and
 * no spaces, so "id" is the first member of "program" and a search is enough. */
static int plans_program(const char *request, const char *id) {
    const char *program = strstr(request, "\"program\":{\"id\":\"");
    if (program == NULL) return 0;
    const char *value = program + strlen("\"program\":{\"id\":\"");
    size_t length = strlen(id);
    return strncmp(value, id, length) == 0 && value[length] == '"';
}

/* Every reply is the host's to free through aceh_free, so even fixed ones are copied. */
static char *reply(const char *text) {
    size_t length = strlen(text) + 1;
    char *copy = malloc(length);
    if (copy != NULL) memcpy(copy, text, length);
    return copy;
}

static char *aceh_call(const char *hook, const char *request_json) {
    /* The edits are the same for every gampong. */
    if (strcmp(hook, "plan") == 0)
        return reply(plans_program(request_json, "kpmd") ? plan_reply : "{\"edits\": []}");
    return reply("{\"error\": \"the aceh plugin has no such hook\"}");
}

static void aceh_free(char *text) { free(text); }

static const kader_plugin_descriptor descriptor = {
    .abi_version = KADER_PLUGIN_ABI_VERSION,
    .name = "aceh",
    .version = "1.1.0",
    .provides_json = "{\"provinces\": [\"11\"], \"hooks\": [\"plan\"]}",
    .call = aceh_call,
    .free_reply = aceh_free,
};

const kader_plugin_descriptor *kader_plugin_entry(void) { return &descriptor; }
