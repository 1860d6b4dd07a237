#!/usr/bin/env python3
"""Validate a mixplan .ics file with real parsers (icalendar + recurring-ical-events).

Usage: ics_check.py FILE.ics EXPECT.json [SECOND_RUN.ics]
       ics_check.py --batch PAIRS.json      # [["a.ics", "a.json"], ...], one process for many

EXPECT.json, built from `schedule --format json`'s `schedule.occurrences[]`:
  {"timezone": "America/New_York",          # the TZID of live times (AoE: Etc/GMT+12)
   "style": "series" | "flat",
   "from": "2027-02-01T00:00:00Z", "to": "2027-06-01T00:00:00Z",
   "occurrences": [{"uid": "...@mixplan", "start_utc": "2027-03-01T14:30:00Z",
                    "end_utc": "...", "cancelled": false}, ...],
   "dues": ["2027-03-01T04:59:00Z", ...],
   "disjoint_from": "OTHER.ics"}           # optional: no UID in common with it
The expanded calendar must hold exactly the held occurrences' (start, end) instants and the
due instants; a flat calendar has one event per occurrence with the occurrence's own UID,
cancelled ones marked so, and no RRULE, EXDATE or RECURRENCE-ID. Every sitting has DTEND.
Exits non-zero with a message on failure.
"""
import datetime as dt
import json
import sys
from collections import Counter
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events


CURRENT = ""


def fail(msg):
    print(f"ics_check: {CURRENT}: {msg}", file=sys.stderr)
    sys.exit(1)


def check_lines(raw):
    if not raw.endswith(b"\r\n"):
        fail("file does not end in CRLF")
    lines = raw.split(b"\r\n")[:-1]
    for n, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            fail(f"line {n} has a bare CR or LF")
        if len(line) > 75:
            fail(f"line {n} is {len(line)} octets: {line[:40]!r}...")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            fail(f"line {n} was folded inside a UTF-8 character")
    return lines


def utc(value):
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def is_due(event):
    return str(event["UID"]).endswith("-due@mixplan")


def check_timezone(cal, expect):
    zones = list(cal.walk("VTIMEZONE"))
    if [str(z["TZID"]) for z in zones] != [expect["timezone"]]:
        fail(f"expected one VTIMEZONE {expect['timezone']}, found {[str(z['TZID']) for z in zones]}")
    # Each observance must be a real transition of the zone (checked against the system's
    # tz database), so clients that trust the VTIMEZONE over the TZID name still get it right.
    tz = ZoneInfo(expect["timezone"])
    for obs in zones[0].subcomponents:
        onset_local = obs["DTSTART"].dt
        before = obs["TZOFFSETFROM"].td
        after = obs["TZOFFSETTO"].td
        if onset_local.year < 1971 and before == after:
            if tz.utcoffset(dt.datetime(2027, 1, 1)) != after or tz.utcoffset(dt.datetime(2027, 7, 1)) != after:
                fail(f"fixed observance {after} does not match {expect['timezone']}")
            continue
        instant = (onset_local - before).replace(tzinfo=dt.timezone.utc)
        got_before = (instant - dt.timedelta(seconds=1)).astimezone(tz).utcoffset()
        got_after = instant.astimezone(tz).utcoffset()
        if (got_before, got_after) != (before, after):
            fail(f"{obs.name} at {onset_local}: file says {before}->{after}, tz database {got_before}->{got_after}")
        if (obs.name == "DAYLIGHT") != bool(instant.astimezone(tz).dst()):
            fail(f"{obs.name} at {onset_local} disagrees with the tz database about DST")


def check_events(cal, raw, expect):
    for event in cal.walk("VEVENT"):
        for key in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if key not in event:
                fail(f"an event lacks {key}")
        if is_due(event):
            if event["DTSTART"].dt.utcoffset() != dt.timedelta(0) or "TZID" in event["DTSTART"].params:
                fail(f"due event {event['UID']} is not written in UTC")
            if "DURATION" not in event:
                fail(f"due event {event['UID']} has no DURATION")
            continue
        # A meeting across a clock change is written in UTC; every other in the course's zone.
        in_utc = "TZID" not in event["DTSTART"].params and event["DTSTART"].dt.utcoffset() == dt.timedelta(0)
        if event["DTSTART"].params.get("TZID") != expect["timezone"] and not in_utc:
            fail(f"event {event['UID']} is not in TZID {expect['timezone']}")
        # Moodle's importer reads DTEND only.
        if "DTEND" not in event or "DURATION" in event:
            fail(f"sitting event {event['UID']} has no DTEND (or a DURATION)")
    if expect["style"] == "flat":
        for word in (b"RRULE", b"EXDATE", b"RECURRENCE-ID"):
            if word in raw:
                fail(f"a flat calendar holds {word.decode()}")
        events = [e for e in cal.walk("VEVENT") if not is_due(e)]
        got = sorted(str(e["UID"]) for e in events)
        want = sorted(o["uid"] for o in expect["occurrences"])
        if got != want:
            fail(f"flat UIDs differ from the occurrences': {sorted(set(got) ^ set(want))[:6]}")
        by_uid = {o["uid"]: o for o in expect["occurrences"]}
        for e in events:
            o = by_uid[str(e["UID"])]
            cancelled = str(e.get("STATUS", "")) == "CANCELLED"
            if cancelled != o["cancelled"]:
                fail(f"{o['uid']}: STATUS CANCELLED is {cancelled}, occurrence says {o['cancelled']}")
            if cancelled and not str(e["SUMMARY"]).startswith("Cancelled:"):
                fail(f"{o['uid']}: a cancelled event's title does not say so")
            if (utc(e["DTSTART"].dt), utc(e["DTEND"].dt)) != (o["start_utc"], o["end_utc"]):
                fail(f"{o['uid']}: {utc(e['DTSTART'].dt)}..{utc(e['DTEND'].dt)} != {o['start_utc']}..{o['end_utc']}")
    if "disjoint_from" in expect:
        other = icalendar.Calendar.from_ical(open(expect["disjoint_from"], "rb").read())
        ours = {str(e["UID"]) for e in cal.walk("VEVENT")}
        theirs = {str(e["UID"]) for e in other.walk("VEVENT")}
        if not ours or not theirs:
            fail("a calendar of the pair has no events")
        if ours & theirs:
            fail(f"two offerings share UIDs: {sorted(ours & theirs)}")


def check_expansion(cal, expect):
    start = dt.datetime.fromisoformat(expect["from"].replace("Z", "+00:00"))
    end = dt.datetime.fromisoformat(expect["to"].replace("Z", "+00:00"))
    held, dues = Counter(), Counter()
    for event in recurring_ical_events.of(cal).between(start, end):
        if str(event.get("STATUS", "")) == "CANCELLED":
            continue
        if is_due(event):
            dues[utc(event["DTSTART"].dt)] += 1
        else:
            held[(utc(event["DTSTART"].dt), utc(event["DTEND"].dt))] += 1
    want = Counter(
        (o["start_utc"], o["end_utc"]) for o in expect["occurrences"] if not o["cancelled"]
    )
    if held != want:
        fail(f"expanded sittings differ: missing {sorted((want - held).elements())[:5]}, "
             f"extra {sorted((held - want).elements())[:5]}")
    if dues != Counter(expect["dues"]):
        fail(f"due times differ: missing {sorted((Counter(expect['dues']) - dues).elements())[:5]}, "
             f"extra {sorted((dues - Counter(expect['dues'])).elements())[:5]}")
    return sum(held.values()), sum(dues.values())


def check_one(path, expect_path, second=None):
    global CURRENT
    CURRENT = path
    raw = open(path, "rb").read()
    expect = json.load(open(expect_path))
    check_lines(raw)
    if second is not None:
        if open(second, "rb").read() != raw:
            fail("two runs gave different bytes")
    cal = icalendar.Calendar.from_ical(raw)
    for component in cal.walk():
        errors = getattr(component, "errors", None)
        if errors:
            fail(f"{component.name} has parse errors: {errors}")
    check_timezone(cal, expect)
    check_events(cal, raw, expect)
    sittings, dues = check_expansion(cal, expect)
    print(f"ics_check: {path}: ok ({expect['style']}: {sittings} sittings held, {dues} due times)")


def main():
    if sys.argv[1] == "--batch":
        for pair in json.load(open(sys.argv[2])):
            check_one(*pair)
    else:
        check_one(*sys.argv[1:4])


if __name__ == "__main__":
    main()
