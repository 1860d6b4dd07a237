#!/usr/bin/env python3
"""Validate a mixplan .ics file with real parsers (icalendar + recurring-ical-events).

Usage: ics_check.py FILE.ics EXPECT.json [SECOND_RUN.ics]

EXPECT.json: {"timezone": "America/New_York", "from": "2027-02-01", "to": "2027-06-01",
              "live": {"1": ["2027-03-01T09:30", ...], "2": [...]},
              "dues": ["2027-02-28T23:59", ...],
              "sittings": {"lecture-tue": ["2027-01-19T17:30", ...]},   # optional
              "exams": ["2027-03-03T19:00", ...],                       # optional
              "disjoint_from": "OTHER.ics"}         # optional: no UID in common with it
Due events are written in UTC; every other event in the organizer's zone.
Every wall-clock time is in the organizer's zone. Exits non-zero with a message on failure.
"""
import datetime as dt
import json
import sys
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events


def fail(msg):
    print(f"ics_check: {msg}", file=sys.stderr)
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


def main():
    path, expect_path = sys.argv[1], sys.argv[2]
    raw = open(path, "rb").read()
    expect = json.load(open(expect_path))
    check_lines(raw)
    if len(sys.argv) > 3:
        if open(sys.argv[3], "rb").read() != raw:
            fail("two runs gave different bytes")

    cal = icalendar.Calendar.from_ical(raw)
    for component in cal.walk():
        errors = getattr(component, "errors", None)
        if errors:
            fail(f"{component.name} has parse errors: {errors}")
    zones = [c for c in cal.walk("VTIMEZONE")]
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
    tz = None
    for event in cal.walk("VEVENT"):
        for key in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
            if key not in event:
                fail(f"an event lacks {key}")
        if "-due-" in str(event["UID"]):
            if event["DTSTART"].dt.utcoffset() != dt.timedelta(0) or "TZID" in event["DTSTART"].params:
                fail(f"due event {event['UID']} is not written in UTC")
        elif event["DTSTART"].params.get("TZID") != expect["timezone"]:
            fail(f"event {event['UID']} is not in TZID {expect['timezone']}")
        # Exchange refuses events with neither (MS-STANXICAL).
        if "DTEND" not in event and "DURATION" not in event:
            fail(f"event {event['UID']} has neither DTEND nor DURATION")
    if "disjoint_from" in expect:
        other = icalendar.Calendar.from_ical(open(expect["disjoint_from"], "rb").read())
        ours = {str(e["UID"]) for e in cal.walk("VEVENT")}
        theirs = {str(e["UID"]) for e in other.walk("VEVENT")}
        if not ours or not theirs:
            fail("a calendar of the pair has no events")
        if ours & theirs:
            fail(f"two offerings share UIDs: {sorted(ours & theirs)}")

    tz = ZoneInfo(expect["timezone"])
    start = dt.datetime.fromisoformat(expect["from"]).replace(tzinfo=tz)
    end = dt.datetime.fromisoformat(expect["to"]).replace(tzinfo=tz)
    live = {}
    dues = []
    sittings = {}
    exams = []
    for event in recurring_ical_events.of(cal).between(start, end):
        uid = str(event["UID"])
        when = event["DTSTART"].dt.astimezone(tz).strftime("%Y-%m-%dT%H:%M")
        if "-live-" in uid:
            slot = uid.split("-live-")[1].split("@")[0]
            live.setdefault(slot, []).append(when)
        elif "-due-" in uid:
            dues.append(when)
        elif "-sitting-" in uid:
            name = uid.split("-sitting-")[1].split("@")[0]
            sittings.setdefault(name, []).append(when)
        elif "-exam-" in uid:
            exams.append(when)
        else:
            fail(f"unexpected event {uid}")
    for slot, times in expect["live"].items():
        got = sorted(live.get(slot, []))
        if got != sorted(times):
            fail(f"live slot {slot}: expected {sorted(times)}, expanded {got}")
    if sorted(live) != sorted(expect["live"]):
        fail(f"live slots {sorted(live)} != expected {sorted(expect['live'])}")
    for name, times in expect.get("sittings", {}).items():
        if sorted(sittings.get(name, [])) != sorted(times):
            fail(f"sitting {name}: expected {sorted(times)}, expanded {sorted(sittings.get(name, []))}")
    if sorted(sittings) != sorted(expect.get("sittings", {})):
        fail(f"sittings {sorted(sittings)} != expected {sorted(expect.get('sittings', {}))}")
    if sorted(exams) != sorted(expect.get("exams", [])):
        fail(f"exams: expected {sorted(expect.get('exams', []))}, expanded {sorted(exams)}")
    if sorted(dues) != sorted(expect["dues"]):
        fail(f"due times: expected {sorted(expect['dues'])}, expanded {sorted(dues)}")
    print(f"ics_check: ok ({sum(len(v) for v in live.values())} live sessions, "
          f"{sum(len(v) for v in sittings.values())} fixed sittings, {len(exams)} exams, {len(dues)} due times)")


if __name__ == "__main__":
    main()
