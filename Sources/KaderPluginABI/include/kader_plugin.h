/*
 * kader_plugin.h — the contract between kaderd and its plugins. It is the only file a
 * plugin needs: plain C, so a plugin may be written in C, Swift or anything that can export
 * a C function, and keeps working when kaderd is built by another compiler version.
 *
 * Everything crosses the boundary as UTF-8 JSON text. The host treats every reply as
 * untrusted input: it checks its shape and size, and a malformed reply is an error of that
 * plugin, logged with its name, never a crash of the daemon.
 */
#ifndef KADER_PLUGIN_H
#define KADER_PLUGIN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The ABI this header describes. A plugin reports the version it was built against; the
 * host loads only plugins whose version it speaks. New hooks do not change it: a host
 * simply never calls a hook a plugin does not list. */
#define KADER_PLUGIN_ABI_VERSION 1

/* The name of the one symbol a plugin exports. */
#define KADER_PLUGIN_ENTRY_SYMBOL "kader_plugin_entry"

/* A call into the plugin: `hook` names what is asked (see below), `request_json` is a JSON
 * object. Returns a JSON object as a NUL-terminated string the plugin allocated, which the
 * host hands back to `free_reply` once read; NULL means the plugin failed. A reply of the
 * form {"error": "why"} reports a failure with its reason. Calls may come from any thread,
 * one at a time per plugin. */
typedef char *(*kader_plugin_call_fn)(const char *hook, const char *request_json);

/* Frees a reply returned by `call`. */
typedef void (*kader_plugin_free_fn)(char *reply);

/* What a plugin is. Returned by the entry symbol; it must stay valid (static storage) for
 * as long as the process runs: kaderd never unloads a plugin. */
typedef struct kader_plugin_descriptor {
    /* KADER_PLUGIN_ABI_VERSION, as the plugin was built. */
    uint32_t abi_version;
    /* The plugin's name: lowercase letters, digits, '-' or '_' (e.g. "aceh"). */
    const char *name;
    /* The plugin's own version, free text (e.g. "1.0.0"). */
    const char *version;
    /* What it provides, as a JSON object:
     *   {"provinces": ["11"], "hooks": ["plan", "blackouts", "validate"]}
     * "provinces" lists the province codes it applies to; kaderd calls its hooks only for
     * workflows, cadres and calendars of those provinces. */
    const char *provides_json;
    kader_plugin_call_fn call;
    kader_plugin_free_fn free_reply;
} kader_plugin_descriptor;

/* The entry point every plugin exports:
 *   const kader_plugin_descriptor *kader_plugin_entry(void);
 * Returns NULL when the plugin cannot run (it is then listed as refused). */
typedef const kader_plugin_descriptor *(*kader_plugin_entry_fn)(void);

/*
 * Hooks
 *
 * "plan" — a workflow is being planned in one of the plugin's provinces.
 *   request: {"province": "11", "village": "11.01.01.2001", "village_kind": "desa",
 *             "program": {"id": "kpmd", "version": 1,
 *                         "steps": [{"id", "kind", "title", "after", "offset_days",
 *                                    "duration_days", "time", "recurrence"}, …]}}
 *   reply:   {"edits": [edit, …]} applied in order, where an edit is one of
 *     {"op": "rename",   "step": "decree", "title": "SK Keuchik …"}
 *     {"op": "remove",   "step": "evaluation"}
 *     {"op": "lengthen", "step": "training", "days": 2}          (adds to duration_days)
 *     {"op": "insert",   "before": "decree",                       (or "after": "deliberation")
 *      "step": {"id", "kind", "title", "offset_days", "duration_days", "time"}}
 *   An inserted step follows the step before it; the step after it then follows the new one.
 *   The edited program must still be valid, or the workflow is refused naming the plugin.
 *
 * "blackouts" — days on which no task may open in a province, for one year.
 *   request: {"province": "51", "year": 2027}
 *   reply:   {"blackouts": [{"name": "Hari Suci Nyepi",
 *                            "from": "2027-03-08T06:00:00", "until": "2027-03-09T06:00:00"}]}
 *   (times local to the province).
 *
 * "transition" — a person moved a task of the plugin's provinces (started, completed,
 *   cancelled it); the plugin may ask for follow-up tasks in the same workflow.
 *   request: {"task": {"id", "workflow", "step", "kind", "title", "village", "from", "to"}}
 *   reply:   {"follow_ups": [{"step": "laporan", "kind": "report", "title": "Laporan pelatihan",
 *                             "offset_days": 1, "duration_days": 7}]}   (empty when none)
 *   A follow-up opens `offset_days` (default 1) after today at 09:00 in the village's time.
 *
 * "validate" — a cadre is being registered in one of the plugin's provinces.
 *   request: {"cadre": {"name", "sex", "birth_year", "field", "village", …}}
 *   reply:   {"problems": [{"field": "field", "message": "…"}]}   (empty when all is well)
 */

#ifdef __cplusplus
}
#endif

#endif /* KADER_PLUGIN_H */
