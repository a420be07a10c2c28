// The Bali plugin, in Swift: Nyepi as a blackout of 24 hours from 06:00 WITA, Galungan and
// Kuningan as blackout days, and a coordination with the desa adat (its Bendesa Adat)
// before the Musyawarah Desa of every Bali desa.
//
// Why every desa: Bali's 1,493 desa adat (Perda Provinsi Bali 4/2019 tentang Desa Adat di
// Bali) have no Kemendagri codes. They overlap the coded desa dinas, the villages kaderd
// knows, so the coordination is held in the desa dinas. (Village codes whose own part
// starts with 3 exist only in Kabupaten Jayapura, Papua: the kampung adat coded in 2022.)
//
// It exports one C symbol and speaks JSON text, as kader_plugin.h asks, so it keeps working
// with a kaderd built by another compiler. It uses the standard library and the C library only.
#if canImport(Glibc)
import Glibc
#endif
import KaderPluginABI

/// Nyepi (Hari Suci Nyepi, the Saka new year) by Gregorian year.
let nyepi: [Int: (month: Int, day: Int)] = [
    2025: (3, 29), 2026: (3, 19), 2027: (3, 8), 2028: (3, 26), 2029: (3, 15), 2030: (3, 5), 2031: (3, 24),
    2032: (3, 12),
]

/// Galungan falls every 210 days (one Pawukon cycle), on Buda Kliwon Dungulan; Kuningan ten
/// days later. 23 April 2025 was a Galungan.
let galunganAnchor = CivilDate(year: 2025, month: 4, day: 23)

func blackouts(year: Int) -> String {
    var entries: [String] = []
    if let day = nyepi[year] {
        let date = CivilDate(year: year, month: day.month, day: day.day)
        entries.append(entry("Hari Suci Nyepi", from: date, hour: 6, days: 1))
    }
    let first = CivilDate(year: year, month: 1, day: 1).dayNumber
    let last = CivilDate(year: year, month: 12, day: 31).dayNumber
    var galungan = galunganAnchor.dayNumber + ((first - galunganAnchor.dayNumber) / 210 - 1) * 210
    while galungan <= last {
        for (name, offset) in [("Hari Raya Galungan", 0), ("Hari Raya Kuningan", 10)] {
            let day = galungan + offset
            if day >= first && day <= last { entries.append(entry(name, from: CivilDate(dayNumber: day), hour: 0, days: 1)) }
        }
        galungan += 210
    }
    return "{\"blackouts\": [" + entries.joined(separator: ", ") + "]}"
}

func entry(_ name: String, from date: CivilDate, hour: Int, days: Int) -> String {
    let until = CivilDate(dayNumber: date.dayNumber + days)
    return "{\"name\": \"\(name)\", \"from\": \"\(date.iso)T\(pad(hour)):00:00\", \"until\": \"\(until.iso)T\(pad(hour)):00:00\"}"
}

/// The coordination goes before the deliberation of a desa's program; a kelurahan has no
/// Musyawarah Desa, and a program without a deliberation step is left as it is.
func plan(villageKind: String?, hasDeliberation: Bool) -> String {
    guard villageKind == "desa", hasDeliberation else { return "{\"edits\": []}" }
    return """
        {"edits": [{"op": "insert", "before": "deliberation", "step": {"id": "desa-adat", "kind": "coordination", \
        "title": "Koordinasi dengan desa adat (Bendesa Adat)", "duration_days": 7}}]}
        """
}

@_cdecl("kader_plugin_entry")
public func kaderPluginEntry() -> UnsafePointer<kader_plugin_descriptor>? {
    UnsafePointer(descriptor)
}

/// Static for the life of the process, as the ABI requires; built once.
nonisolated(unsafe) let descriptor: UnsafeMutablePointer<kader_plugin_descriptor> = {
    let pointer = UnsafeMutablePointer<kader_plugin_descriptor>.allocate(capacity: 1)
    pointer.initialize(
        to: kader_plugin_descriptor(
            abi_version: UInt32(KADER_PLUGIN_ABI_VERSION), name: strdup("bali"), version: strdup("1.1.0"),
            provides_json: strdup(#"{"provinces": ["51"], "hooks": ["plan", "blackouts"]}"#),
            call: { hook, request in
                let hook = hook.map { String(cString: $0) } ?? ""
                let request = request.map { String(cString: $0) } ?? ""
                switch hook {
                case "blackouts":
                    guard let year = number(after: "\"year\"", in: request) else { return strdup(#"{"error": "no year"}"#) }
                    return strdup(blackouts(year: year))
                case "plan":
                    return strdup(
                        plan(
                            villageKind: text(after: "\"village_kind\"", in: request),
                            hasDeliberation: request.contains(#""id":"deliberation""#)))
                default:
                    return strdup(#"{"error": "the bali plugin has no such hook"}"#)
                }
            },
            free_reply: { free($0) }))
    return pointer
}()
