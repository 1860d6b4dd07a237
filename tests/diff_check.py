#!/usr/bin/env python3
"""Check `mixplan diff --format json` against two calendars read by real parsers.

Usage: diff_check.py OLD.ics NEW.ics DIFF.json

Both calendars (written with `--ics-style flat`) are expanded with icalendar and
recurring-ical-events; events are matched by UID (a flat calendar has one event per UID, so
the RECURRENCE-ID the expander stamps on every event adds nothing). Every UID whose start, end or status differs, or that is in one calendar only, is a
change. The diff must report exactly those changes, with the same instants: meetings by their
`uid`, `old`/`new` start and minutes and `cancelled`, due items by `uid` and `old`/`new`.
Exits 1 naming the differences.
"""
import datetime as dt
import json
import re
import sys

import icalendar
import recurring_ical_events

UTC = dt.timezone.utc


def events(path):
    cal = icalendar.Calendar.from_ical(open(path, "rb").read())
    out = {}
    for event in recurring_ical_events.of(cal, skip_bad_series=False).between(
        dt.datetime(1900, 1, 1, tzinfo=UTC), dt.datetime(2300, 1, 1, tzinfo=UTC)
    ):
        key = str(event["UID"])
        if key in out:
            sys.exit(f"{path}: UID {key} appears twice in a flat calendar")
        start = event["DTSTART"].dt.astimezone(UTC)
        end = event["DTEND"].dt.astimezone(UTC) if "DTEND" in event else start
        cancelled = str(event.get("STATUS", "")) == "CANCELLED"
        out[key] = (start, end, cancelled)
    return out


def instant(text):
    """An RFC 9557 string (offset plus bracketed zone) as a UTC datetime."""
    return dt.datetime.fromisoformat(re.sub(r"\[.*\]$", "", text)).astimezone(UTC)


def from_diff(path):
    doc = json.load(open(path))
    out = {}
    for m in doc["meetings"]:
        def side(s):
            if s is None:
                return None
            start = instant(s["start"])
            return (start, start + dt.timedelta(minutes=s["minutes"]), s["cancelled"])
        out[m["uid"]] = (side(m["old"]), side(m["new"]))
    for d in doc["dues"]:
        def due(w):
            if w is None:
                return None
            at = instant(w)
            return (at, at, False)
        out[d["uid"]] = (due(d["old"]), due(d["new"]))
    return out


def main():
    old, new = events(sys.argv[1]), events(sys.argv[2])
    calendar = {}
    for key in set(old) | set(new):
        o, n = old.get(key), new.get(key)
        if o != n:
            calendar[key] = (o, n)
    reported = from_diff(sys.argv[3])
    if calendar != reported:
        only_cal = {k: v for k, v in calendar.items() if reported.get(k) != v}
        only_diff = {k: v for k, v in reported.items() if calendar.get(k) != v}
        print(f"calendars say {sorted(only_cal.items())[:4]}", file=sys.stderr)
        print(f"diff says     {sorted(only_diff.items())[:4]}", file=sys.stderr)
        sys.exit(1)
    print(len(calendar))


main()
