#!/usr/bin/env python3
"""Check a mixplan Canvas package against the calendar of the same course, with real parsers.

Usage: canvas_check.py PACKAGE.imscc CALENDAR.ics [XSD_DIR]

- every XML file of the package is well-formed (lxml), and every file the manifest names is in
  the zip;
- with XSD_DIR (tests/fixtures/cc11), imsmanifest.xml validates against the IMS Common
  Cartridge 1.1 schema (ccv1p1_imscp_v1p2_v1p0.xsd and the LOM schemas it imports);
- the calendar, expanded with icalendar + recurring-ical-events, has exactly one due event per
  assignment, matched by (title, week) with the same instant to the second, and exactly one
  live event per held Canvas event with the same start and end (cancelled Canvas events are
  the calendar's excluded dates, so they are not expanded).
Exits non-zero with a message on failure.
"""
import collections
import datetime as dt
import os
import re
import sys
import zipfile

import icalendar
import recurring_ical_events
from lxml import etree

UTC = dt.timezone.utc
CANVAS = "{http://canvas.instructure.com/xsd/cccv1p0}"
IMSCC = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"


def fail(msg):
    print(f"canvas_check: {msg}", file=sys.stderr)
    sys.exit(1)


def ims_datetime(text):
    """CC::CCHelper::IMS_DATETIME, always UTC."""
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)


def package(path, xsd_dir):
    archive = zipfile.ZipFile(path)
    names = archive.namelist()
    if names != sorted(names):
        fail("zip entries are not sorted")
    docs = {}
    for name in names:
        if name.endswith(".xml"):
            try:
                docs[name] = etree.fromstring(archive.read(name))
            except etree.XMLSyntaxError as err:
                fail(f"{name} is not well-formed XML: {err}")
    manifest = docs.get("imsmanifest.xml")
    if manifest is None:
        fail("no imsmanifest.xml")
    for f in manifest.iter(f"{IMSCC}file"):
        if f.get("href") not in names:
            fail(f"the manifest names {f.get('href')}, which is not in the zip")
    if xsd_dir:
        schema = etree.XMLSchema(etree.parse(os.path.join(xsd_dir, "ccv1p1_imscp_v1p2_v1p0.xsd")))
        if not schema.validate(manifest):
            fail(f"imsmanifest.xml is not valid IMS CC 1.1: {schema.error_log}")
        # The schema is really applied: the same manifest claiming another version fails.
        wrong = etree.fromstring(etree.tostring(manifest).replace(b">1.1.0<", b">1.2.0<"))
        if schema.validate(wrong):
            fail("the IMS CC 1.1 schema accepted a manifest of version 1.2.0")
    assignments = collections.Counter()
    for name, doc in docs.items():
        if not name.endswith("/assignment_settings.xml"):
            continue
        title = doc.findtext(f"{CANVAS}title")
        match = re.fullmatch(r"(.*) \(week (\d+)\)", title or "")
        if not match:
            fail(f"{name}: title {title!r} does not end in (week N)")
        due = ims_datetime(doc.findtext(f"{CANVAS}due_at"))
        assignments[(match.group(1), int(match.group(2)), due)] += 1
    events = collections.Counter()
    cancelled = 0
    for event in docs["course_settings/events.xml"].iter(f"{CANVAS}event"):
        if event.findtext(f"{CANVAS}title").startswith("Cancelled: "):
            cancelled += 1
            continue
        start = ims_datetime(event.findtext(f"{CANVAS}start_at"))
        end = ims_datetime(event.findtext(f"{CANVAS}end_at"))
        events[(start, end)] += 1
    return assignments, events, cancelled, len(names)


def calendar(path):
    cal = icalendar.Calendar.from_ical(open(path, "rb").read())
    dues = collections.Counter()
    live = collections.Counter()
    expanded = recurring_ical_events.of(cal).between(
        dt.datetime(1900, 1, 1, tzinfo=UTC), dt.datetime(2300, 1, 1, tzinfo=UTC)
    )
    for event in expanded:
        start = event["DTSTART"].dt.astimezone(UTC)
        if str(event["UID"]).endswith("-due@mixplan"):
            # "Course title: due Activity (week N)"
            match = re.fullmatch(r"(?s).*?: due (.*) \(week (\d+)\)", str(event["SUMMARY"]))
            if not match:
                fail(f"due event summary {event['SUMMARY']!r}")
            dues[(match.group(1), int(match.group(2)), start)] += 1
            continue
        if "DTEND" in event:
            end = event["DTEND"].dt.astimezone(UTC)
        else:
            end = start + event["DURATION"].dt
        live[(start, end)] += 1
    return dues, live


def show(counter):
    return sorted((k, n) for k, n in counter.items())[:5]


def main():
    assignments, events, cancelled, files = package(
        sys.argv[1], sys.argv[3] if len(sys.argv) > 3 else None
    )
    dues, live = calendar(sys.argv[2])
    if assignments != dues:
        fail(
            f"assignments and due events differ: only in the package {show(assignments - dues)}, "
            f"only in the calendar {show(dues - assignments)}"
        )
    if events != live:
        fail(
            f"events and live sessions differ: only in the package {show(events - live)}, "
            f"only in the calendar {show(live - events)}"
        )
    print(
        f"canvas_check: ok ({files} files, {sum(assignments.values())} assignments, "
        f"{sum(events.values())} held events, {cancelled} cancelled)"
    )


if __name__ == "__main__":
    main()
