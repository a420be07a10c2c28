#!/usr/bin/python3
"""Expands RFC 5545 recurrence rules with python-dateutil, the independent implementation
that kaderd's recurrence tests compare KaderCore's RecurrenceRule against.

Reads one JSON document on standard input:

    {"cases": [{"rule": "FREQ=MONTHLY;BYDAY=1TU;COUNT=6", "start": "2026-01-05T09:00:00",
                "zones": ["Asia/Jakarta", "UTC"], "limit": 25}, ...]}

and writes one on standard output, a result per case, in order:

    {"results": [{"occurrences": {"Asia/Jakarta": [1767578400, ...], "UTC": [...]}},
                 {"error": "ValueError: ..."}, ...]}

Occurrences are Unix seconds, at most `limit` per zone. The start is a wall-clock time in
each zone. dateutil requires a zone-aware start for a rule whose UNTIL is in UTC (`...Z`)
and a naive one otherwise; a naive expansion is done once and read in each zone, as
zoneinfo reads wall-clock times (the first of a repeated time, the offset before a gap).

Exits with status 3 and a message when dateutil is not installed.
"""
import itertools
import json
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

try:
    from dateutil.rrule import rrulestr
except ImportError:
    print("python3-dateutil is not installed: run scripts/install-deps", file=sys.stderr)
    sys.exit(3)


def has_utc_until(rule):
    body = rule.upper().removeprefix("RRULE:")
    return any(part.startswith("UNTIL=") and part.endswith("Z") for part in body.split(";"))


def expand(case):
    rule, limit, zones = case["rule"], case["limit"], case["zones"]
    start = datetime.fromisoformat(case["start"])
    if has_utc_until(rule):
        occurrences = {}
        for zone in zones:
            aware = rrulestr(rule, dtstart=start.replace(tzinfo=ZoneInfo(zone)))
            occurrences[zone] = [int(o.timestamp()) for o in itertools.islice(aware, limit)]
        return occurrences
    naive = list(itertools.islice(rrulestr(rule, dtstart=start), limit))
    return {zone: [int(o.replace(tzinfo=ZoneInfo(zone)).timestamp()) for o in naive] for zone in zones}


def main():
    results = []
    for case in json.load(sys.stdin)["cases"]:
        try:
            results.append({"occurrences": expand(case)})
        except Exception as error:  # reported per case, so one bad rule does not hide the rest
            results.append({"error": f"{type(error).__name__}: {error}"})
    json.dump({"results": results}, sys.stdout)


if __name__ == "__main__":
    main()
