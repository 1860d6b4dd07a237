// Expand a mixplan calendar with two JavaScript clients, ical.js (Mozilla's, in Thunderbird)
// and node-ical, and compare every held instant with the occurrences mixplan listed.
//
// Usage: node ics.mjs FILE.ics EXPECT.json   (EXPECT.json as tests/ics_check.py reads it)
//        node ics.mjs --batch PAIRS.json      ([["a.ics", "a.json"], ...])
// Prints "ok" per client and file; exits 1 with the first difference.
import fs from "node:fs";
import ICAL from "ical.js";
import nodeIcal from "node-ical";

let file, text, expect, from, to;

const iso = (d) => d.toISOString().replace(/\.000Z$/, "Z");
const isDue = (uid) => uid.endsWith("-due@mixplan");

function fail(client, message) {
  console.error(`${client}: ${file}: ${message}`);
  process.exit(1);
}

function tally(list) {
  const counts = new Map();
  for (const k of list) counts.set(k, (counts.get(k) || 0) + 1);
  return counts;
}

function compare(client, held, dues) {
  const want = expect.occurrences
    .filter((o) => !o.cancelled)
    .map((o) => `${o.start_utc}/${o.end_utc}`);
  for (const [name, got, exp] of [
    ["sittings", held, want],
    ["due times", dues, expect.dues],
  ]) {
    const a = tally(got);
    const b = tally(exp);
    const keys = new Set([...a.keys(), ...b.keys()]);
    const diff = [...keys].filter((k) => a.get(k) !== b.get(k)).sort();
    if (diff.length) {
      fail(client, `${name} differ at ${diff.slice(0, 5).join(", ")} (got ${got.length}, want ${exp.length})`);
    }
  }
  console.log(`${client}: ${file}: ok (${held.length} sittings held, ${dues.length} due times)`);
}

function icalJs() {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const vtz of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(vtz);
  }
  const byUid = new Map();
  for (const vevent of root.getAllSubcomponents("vevent")) {
    const uid = vevent.getFirstPropertyValue("uid");
    if (!byUid.has(uid)) byUid.set(uid, []);
    byUid.get(uid).push(vevent);
  }
  const held = [];
  const dues = [];
  for (const [uid, comps] of byUid) {
    const master = comps.find((c) => !c.hasProperty("recurrence-id"));
    if (!master) fail("ical.js", `${uid} has overrides and no series`);
    const event = new ICAL.Event(master);
    for (const c of comps) if (c !== master) event.relateException(c);
    const push = (start, end, status) => {
      const s = start.toJSDate();
      if (s < from || s >= to || status === "CANCELLED") return;
      if (isDue(uid)) dues.push(iso(s));
      else held.push(`${iso(s)}/${iso(end.toJSDate())}`);
    };
    const status = (c) => c.getFirstPropertyValue("status");
    if (!event.isRecurring()) {
      push(event.startDate, event.endDate, status(master));
      continue;
    }
    const it = event.iterator();
    for (let next = it.next(); next; next = it.next()) {
      const d = event.getOccurrenceDetails(next);
      push(d.startDate, d.endDate, status(d.item.component));
    }
  }
  compare("ical.js", held, dues);
}

function nodeIcalCheck() {
  const data = nodeIcal.sync.parseICS(text);
  const held = [];
  const dues = [];
  for (const event of Object.values(data)) {
    if (event.type !== "VEVENT") continue;
    const instances = event.rrule
      ? nodeIcal.expandRecurringEvent(event, { from, to })
      : [{ start: event.start, end: event.end, event }];
    for (const i of instances) {
      if (i.start < from || i.start >= to) continue;
      const status = (i.isOverride && i.event.status) || event.status;
      if (status === "CANCELLED") continue;
      if (isDue(event.uid)) dues.push(iso(i.start));
      else held.push(`${iso(i.start)}/${iso(i.end)}`);
    }
  }
  compare("node-ical", held, dues);
}

function checkOne(icsFile, expectFile) {
  file = icsFile;
  text = fs.readFileSync(icsFile, "utf8");
  expect = JSON.parse(fs.readFileSync(expectFile, "utf8"));
  from = new Date(expect.from);
  to = new Date(expect.to);
  icalJs();
  nodeIcalCheck();
}

const args = process.argv.slice(2);
if (args[0] === "--batch") {
  for (const [ics, exp] of JSON.parse(fs.readFileSync(args[1], "utf8"))) checkOne(ics, exp);
} else {
  checkOne(args[0], args[1]);
}
