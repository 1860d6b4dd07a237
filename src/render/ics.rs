//! The schedule's occurrences as an RFC 5545 iCalendar file, in one of two styles:
//!
//! - `series` (default): one recurring event per sitting (RRULE with EXDATE for break weeks,
//!   holidays and unlisted weeks), an override titled by what meets wherever a week differs
//!   from the first, exams as their own events;
//! - `flat`: one event per occurrence with its own UID and no RRULE, EXDATE or RECURRENCE-ID,
//!   cancelled dates written `STATUS:CANCELLED` (Moodle's importer ignores EXDATE and matches
//!   events by UID alone).
//!
//! Sittings carry DTEND (Moodle reads no DURATION); live times are in the organizer's zone
//! with a VTIMEZONE built from jiff's transitions for the course span (`AoE` written as the
//! real zone `Etc/GMT+12`), self-paced due times in UTC.
//!
//! The output is reproducible byte for byte: UIDs are the occurrences' identities, DTSTAMP
//! comes from the start date, SEQUENCE from `--sequence`, and nothing reads the clock or the
//! machine's zone. UIDs hash the course identity (`[course] id`, else the title), never a
//! time, so moving a sitting or a due time keeps every UID.

use std::fmt::Write as _;

use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};

use super::sanitize::sanitize;
use super::{activity_name, reserve};
use crate::Recommendation;
use crate::course::{Course, Mode};
use crate::schedule::occurrences::{self, Occurrence, OccurrenceKind};

/// Why no calendar could be written.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum IcsError {
    /// Calendars need real dates.
    #[error(
        "`--ics` needs real dates, but [course] has no `start`; add e.g. `start = 2027-01-11` (the first day of week 1) to [course]"
    )]
    NoStart,
}

/// The `calendar-without-course-id` warning.
pub const WITHOUT_COURSE_ID: &str = "the course has no `[course] id`, so calendar UIDs derive from its title, start and zone: editing any of them will duplicate every event students imported; add `id = \"...\"` (one per offering, e.g. `cs559-2027-spring`) to [course]";

/// Longest content line in octets, without its CRLF (RFC 5545 section 3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// Largest `--sequence`: SEQUENCE is an RFC 5545 INTEGER, a signed 32-bit value.
pub const MAX_SEQUENCE: u32 = i32::MAX as u32;

/// How a calendar is published: its revision, reminders and style.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// SEQUENCE of every event: raise it on each republish so clients take the new times
    /// (at most [`MAX_SEQUENCE`]).
    pub sequence: u32,
    /// A reminder this long before every event, if any.
    pub remind: Option<Remind>,
    /// One series per sitting, or one event per occurrence.
    pub style: Style,
}

/// How sittings are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Style {
    /// One recurring event per sitting, with overrides where a week differs.
    #[default]
    Series,
    /// One event per occurrence, each with its own UID; no recurrence at all.
    Flat,
}

/// How long before an event its reminder fires, in minutes (`--remind 1d`, `2h`, `30m`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Remind {
    /// Minutes before the event's start.
    pub minutes: u32,
}

impl std::str::FromStr for Remind {
    type Err = String;

    /// Parse `1d`, `2h`, `30m` or a sum of them (`1d12h`), up to four weeks.
    fn from_str(text: &str) -> Result<Self, String> {
        let bad =
            || format!("`{text}` is not a reminder time; write e.g. `1d`, `2h`, `30m` or `1d12h`");
        let mut minutes: u64 = 0;
        let mut number = String::new();
        for c in text.trim().chars() {
            if c.is_ascii_digit() {
                number.push(c);
                continue;
            }
            let unit = match c.to_ascii_lowercase() {
                'w' => 7 * 24 * 60,
                'd' => 24 * 60,
                'h' => 60,
                'm' => 1,
                _ => return Err(bad()),
            };
            let n: u64 = number.parse().map_err(|_| bad())?;
            minutes = minutes.saturating_add(n.saturating_mul(unit));
            number.clear();
        }
        if !number.is_empty() || minutes == 0 {
            return Err(bad());
        }
        if minutes > 4 * 7 * 24 * 60 {
            return Err(format!("`{text}` is more than four weeks before the event"));
        }
        Ok(Remind {
            minutes: minutes as u32,
        })
    }
}

impl Remind {
    /// The RFC 5545 duration before the start, e.g. `-P1DT12H`.
    fn trigger(self) -> String {
        let (days, hours, minutes) = (
            self.minutes / 1440,
            self.minutes / 60 % 24,
            self.minutes % 60,
        );
        let mut out = String::from("-P");
        if days > 0 {
            out.push_str(&format!("{days}D"));
        }
        if hours > 0 || minutes > 0 {
            out.push('T');
            if hours > 0 {
                out.push_str(&format!("{hours}H"));
            }
            if minutes > 0 {
                out.push_str(&format!("{minutes}M"));
            }
        }
        out
    }
}

/// Build the calendar of a scheduled course.
pub fn calendar(rec: &Recommendation, options: Options) -> Result<String, IcsError> {
    let course = &rec.course;
    let start = course.meta.start.ok_or(IcsError::NoStart)?;
    let tzid = tzid(course);
    let tz = crate::course::zones::resolve(&course.meta.timezone).unwrap_or(TimeZone::UTC);
    let stamp = format!("{}T000000Z", compact_date(start));
    let mut cal = Calendar {
        out: String::with_capacity(reserve(
            rec,
            crate::budget::Output::Calendar {
                reminders: options.remind.is_some(),
            },
        )),
    };
    cal.line("BEGIN:VCALENDAR");
    cal.line("VERSION:2.0");
    cal.line(&format!(
        "PRODID:-//mixplan//mixplan {}//EN",
        env!("CARGO_PKG_VERSION")
    ));
    cal.line("CALSCALE:GREGORIAN");
    cal.line("METHOD:PUBLISH");
    cal.line(&format!(
        "X-WR-CALNAME:{}",
        text(&sanitize(&course.meta.title))
    ));
    // No X-WR-TIMEZONE: every time carries its zone (TZID or UTC), and readers that apply that
    // hint convert UTC times into it and lose which of a repeated hour was meant
    // (recurring-ical-events read a meeting across the November change an hour short).
    let (first, last) = span(course, start);
    vtimezone(&mut cal, tzid, &tz, first, last);
    let writer = Writer {
        rec,
        tzid: param(tzid),
        stamp: &stamp,
        options,
    };
    for position in 0..rec.occurrences.sittings.len() {
        let occ: Vec<&Occurrence> = rec.occurrences.of_sitting(position).collect();
        let exam = rec.occurrences.sittings[position].kind == OccurrenceKind::Exam;
        if options.style == Style::Flat || exam {
            for o in occ {
                // A series leaves cancelled dates out (EXDATE); a flat calendar says so, so a
                // client that imported the date before drops it.
                if o.cancelled.is_none() || options.style == Style::Flat {
                    writer.event(&mut cal, o, Recurrence::Single);
                }
            }
        } else {
            writer.series(&mut cal, &occ);
        }
    }
    due_events(&mut cal, rec, &stamp, options);
    cal.line("END:VCALENDAR");
    Ok(cal.out)
}

/// The TZID of live times: the organizer's zone, `AoE` as the real zone it stands for.
fn tzid(course: &Course) -> &str {
    if course.meta.timezone == crate::course::zones::AOE {
        crate::course::AOE_ZONE
    } else {
        &course.meta.timezone
    }
}

/// Every self-paced due time as a moment in UTC, named by the course.
fn due_events(cal: &mut Calendar, rec: &Recommendation, stamp: &str, options: Options) {
    let course = &rec.course;
    for week in &rec.schedule.weeks {
        for item in week.items.iter().filter(|i| i.mode == Mode::Async) {
            let Some(due) = &item.due else { continue };
            let Some(at) = &due.at else { continue };
            let activity = &course.activities[item.activity];
            // Pre-work listed a week early belongs to the week of the meeting it prepares.
            let belongs = item.for_week.unwrap_or(week.week);
            let uid = occurrences::due_uid(course, item.activity, belongs);
            cal.line("BEGIN:VEVENT");
            cal.line(&format!("UID:{uid}"));
            cal.line(&format!("DTSTAMP:{stamp}"));
            cal.line(&format!("SEQUENCE:{}", options.sequence));
            // Due times may be read in another zone (AoE): written in UTC, every client agrees.
            cal.line(&format!(
                "DTSTART:{}Z",
                local_stamp(at.with_time_zone(TimeZone::UTC).datetime())
            ));
            // A deadline is a moment: RFC 5545 forbids a DTEND equal to DTSTART, and Exchange
            // refuses events with neither DTEND nor DURATION.
            cal.line("DURATION:PT0S");
            let name = activity_name(activity);
            let summary = format!(
                "{}: due {name} (week {belongs})",
                sanitize(&course.meta.title)
            );
            cal.line(&format!("SUMMARY:{}", text(&summary)));
            let mut description = format!(
                "{}: self-paced work due {} ({})",
                sanitize(&course.meta.title),
                super::wall_clock(at, "%a %Y-%m-%d %H:%M"),
                at.strftime("%Q")
            );
            for local in &due.local {
                let _ = write!(
                    description,
                    "\n= {} in {}",
                    super::wall_clock(&local.at, "%a %Y-%m-%d %H:%M"),
                    local.zone
                );
            }
            let _ = write!(description, "\n- {name} ({} min)", activity.minutes);
            cal.line(&format!("DESCRIPTION:{}", text(&description)));
            if let Some(location) = &activity.location {
                cal.line(&format!("LOCATION:{}", text(&sanitize(location))));
            }
            if let Some(url) = activity.url.as_ref().or(course.meta.url.as_ref()) {
                cal.line(&format!("URL:{}", uri(url)));
            }
            cal.line("TRANSP:TRANSPARENT");
            alarm(cal, options, &summary);
            cal.line("END:VEVENT");
        }
    }
}

#[derive(Default)]
struct Calendar {
    out: String,
}

impl Calendar {
    /// Append one content line, folded at 75 octets on character boundaries, ending in CRLF.
    fn line(&mut self, line: &str) {
        fold_into(&mut self.out, line);
    }
}

/// Fold `line` into `out`: CRLF plus one space before any octet that would pass 75.
pub fn fold_into(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

/// Escape a TEXT value: backslash, semicolon, comma and newlines; other controls dropped.
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value, quoted when it holds `:`, `;` or `,`.
fn param(value: &str) -> String {
    if value.contains([':', ';', ',']) {
        format!("\"{}\"", value.replace('"', ""))
    } else {
        value.to_string()
    }
}

pub use crate::schedule::occurrences::slug;

/// A URI value: no escaping applies in RFC 5545, so anything that would break the line (the
/// loader already refuses spaces and controls) is percent-encoded.
fn uri(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_control() || c == ' ' || c == '"' {
            for b in c.to_string().bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A display VALARM `options.remind` before the event, if asked for.
fn alarm(cal: &mut Calendar, options: Options, summary: &str) {
    let Some(remind) = options.remind else { return };
    cal.line("BEGIN:VALARM");
    cal.line("ACTION:DISPLAY");
    cal.line(&format!("TRIGGER:{}", remind.trigger()));
    cal.line(&format!("DESCRIPTION:{}", text(summary)));
    cal.line("END:VALARM");
}

fn compact_date(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

fn local_stamp(dt: DateTime) -> String {
    format!(
        "{}T{:02}{:02}{:02}",
        compact_date(dt.date()),
        dt.hour(),
        dt.minute(),
        dt.second()
    )
}

/// The course's first and last day (organizer's calendar).
fn span(course: &Course, start: Date) -> (Date, Date) {
    let last = start
        .checked_add(jiff::Span::new().days(i64::from(course.meta.weeks) * 7))
        .unwrap_or(start);
    (start, last)
}

fn utc_offset(offset: Offset) -> String {
    let seconds = offset.seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

/// A VTIMEZONE for `tz` covering `first..=last`: the observance in effect on the first day,
/// then one STANDARD or DAYLIGHT block per transition up to the last day; a single fixed
/// observance when the zone has none.
fn vtimezone(cal: &mut Calendar, tzid: &str, tz: &TimeZone, first: Date, last: Date) {
    let at = |d: Date| {
        d.to_zoned_datetime(tz.clone())
            .map(|z| z.timestamp())
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
    };
    let (from, to) = (at(first), at(last.tomorrow().unwrap_or(last)));
    let mut transitions: Vec<(jiff::Timestamp, Offset, bool, String)> = Vec::new();
    let mut push = |t: jiff::tz::TimeZoneTransition<'_>| {
        transitions.push((
            t.timestamp(),
            t.offset(),
            t.dst().is_dst(),
            t.abbreviation().to_string(),
        ));
    };
    if let Some(t) = tz
        .preceding(
            from.checked_add(jiff::SignedDuration::from_secs(1))
                .unwrap_or(from),
        )
        .next()
    {
        push(t);
    }
    for t in tz.following(from).take_while(|t| t.timestamp() <= to) {
        push(t);
    }
    transitions.dedup_by_key(|t| t.0);
    cal.line("BEGIN:VTIMEZONE");
    cal.line(&format!("TZID:{tzid}"));
    if transitions.is_empty() {
        let info = tz.to_offset_info(from);
        let offset = utc_offset(info.offset());
        // The observance must begin no later than the first event.
        let onset = first.min(jiff::civil::date(1970, 1, 1));
        cal.line("BEGIN:STANDARD");
        cal.line(&format!("DTSTART:{}T000000", compact_date(onset)));
        cal.line(&format!("TZOFFSETFROM:{offset}"));
        cal.line(&format!("TZOFFSETTO:{offset}"));
        cal.line(&format!("TZNAME:{}", text(info.abbreviation())));
        cal.line("END:STANDARD");
    }
    for (ts, offset, dst, name) in transitions {
        let before = tz.to_offset(
            ts.checked_sub(jiff::SignedDuration::from_secs(1))
                .unwrap_or(ts),
        );
        // DTSTART is the wall-clock time of the change, read on the clock before it.
        let onset = before.to_datetime(ts);
        let kind = if dst { "DAYLIGHT" } else { "STANDARD" };
        cal.line(&format!("BEGIN:{kind}"));
        cal.line(&format!("DTSTART:{}", local_stamp(onset)));
        cal.line(&format!("TZOFFSETFROM:{}", utc_offset(before)));
        cal.line(&format!("TZOFFSETTO:{}", utc_offset(offset)));
        cal.line(&format!("TZNAME:{}", text(&name)));
        cal.line(&format!("END:{kind}"));
    }
    cal.line("END:VTIMEZONE");
}

/// How an event stands to its series.
#[derive(Clone, Copy)]
enum Recurrence<'a> {
    /// An event of its own (flat style, exams, a sitting that meets once).
    Single,
    /// A series' first event, with the rest of its held occurrences.
    Master(&'a [&'a Occurrence]),
    /// A week of a series that differs from the first (RECURRENCE-ID).
    Override,
}

/// What every sitting event needs.
struct Writer<'a> {
    rec: &'a Recommendation,
    tzid: String,
    stamp: &'a str,
    options: Options,
}

impl Writer<'_> {
    /// One series: its first held occurrence with the weekly rule, then an override for every
    /// week that differs from it (its own title and length).
    fn series(&self, cal: &mut Calendar, occ: &[&Occurrence]) {
        // A meeting that runs across a clock change is an event of its own, in UTC: clients
        // give a series' instances the first one's wall-clock length and read a repeated
        // wall-clock end in either offset, so no series can carry it exactly.
        let (across, held): (Vec<&Occurrence>, Vec<&Occurrence>) = occ
            .iter()
            .copied()
            .filter(|o| o.cancelled.is_none())
            .partition(|o| spans_clock_change(o));
        for o in across {
            self.event(cal, o, Recurrence::Single);
        }
        let Some((master, rest)) = held.split_first() else {
            return;
        };
        self.event(cal, master, Recurrence::Master(rest));
        for o in rest {
            if o.minutes != master.minutes || o.activities != master.activities {
                self.event(cal, o, Recurrence::Override);
            }
        }
    }

    /// One VEVENT for an occurrence: in a series it stands for the series (master) or for
    /// its own week (override); alone it carries the occurrence's own UID.
    fn event(&self, cal: &mut Calendar, o: &Occurrence, recurrence: Recurrence<'_>) {
        let (Some(start), Some(end)) = (&o.start, &o.end) else {
            return;
        };
        let tzid = &self.tzid;
        let uid = match recurrence {
            Recurrence::Single => o.uid.clone(),
            _ => self.rec.occurrences.series_uid(&self.rec.course, o.sitting),
        };
        cal.line("BEGIN:VEVENT");
        cal.line(&format!("UID:{uid}"));
        cal.line(&format!("DTSTAMP:{}", self.stamp));
        cal.line(&format!("SEQUENCE:{}", self.options.sequence));
        if let Recurrence::Override = recurrence {
            cal.line(&format!(
                "RECURRENCE-ID;TZID={tzid}:{}",
                local_stamp(start.datetime())
            ));
        }
        if spans_clock_change(o) {
            // Only ever a single event (see `series`): both ends as exact instants.
            let utc =
                |at: &jiff::ZonedDateTime| local_stamp(at.with_time_zone(TimeZone::UTC).datetime());
            cal.line(&format!("DTSTART:{}Z", utc(start)));
            cal.line(&format!("DTEND:{}Z", utc(end)));
        } else {
            cal.line(&format!(
                "DTSTART;TZID={tzid}:{}",
                local_stamp(start.datetime())
            ));
            cal.line(&dtend(end, tzid));
        }
        if let Recurrence::Master(rest) = recurrence
            && !rest.is_empty()
        {
            let (rule, exdates) = recurrence_rule(o, rest);
            cal.line(&rule);
            if !exdates.is_empty() {
                cal.line(&format!("EXDATE;TZID={tzid}:{}", exdates.join(",")));
            }
        }
        let mut summary = self.summary(o);
        if o.cancelled.is_some() {
            summary = format!("Cancelled: {summary}");
            cal.line("STATUS:CANCELLED");
        }
        cal.line(&format!("SUMMARY:{}", text(&summary)));
        cal.line(&format!("DESCRIPTION:{}", text(&self.describe(o))));
        if let Some(location) = &o.location {
            cal.line(&format!("LOCATION:{}", text(&sanitize(location))));
        }
        if let Some(url) = &o.url {
            cal.line(&format!("URL:{}", uri(url)));
        }
        if o.cancelled.is_none() {
            alarm(cal, self.options, &summary);
        }
        cal.line("END:VEVENT");
    }

    /// The course's title and what meets that day, with the section, repeat or optional mark.
    fn summary(&self, o: &Occurrence) -> String {
        let course = &self.rec.course;
        let sitting = &self.rec.occurrences.sittings[o.sitting];
        let base = &self.rec.schedule.sittings[sitting.base];
        let names: Vec<std::borrow::Cow<'_, str>> = o
            .activities
            .iter()
            .map(|&i| activity_name(&course.activities[i]))
            .collect();
        let mut summary = format!("{}: {}", sanitize(&course.meta.title), names.join(" + "));
        if let Some((n, of)) = base.section {
            let _ = write!(summary, " (section {n} of {of})");
        }
        if sitting.kind == OccurrenceKind::Repeat {
            summary.push_str(" (repeat)");
        }
        if base.optional {
            summary.push_str(" (optional)");
        }
        summary
    }

    /// For students: what meets and for how long, the local time in each student zone and,
    /// where some cannot attend, their route. No head counts or coverage shares.
    fn describe(&self, o: &Occurrence) -> String {
        let (course, rec) = (&self.rec.course, self.rec);
        let sitting = &rec.occurrences.sittings[o.sitting];
        let base = &rec.schedule.sittings[sitting.base];
        let mut d = String::new();
        if o.cancelled.is_some() {
            d.push_str("Cancelled (holiday): this meeting does not take place.\n");
        }
        if base.optional {
            d.push_str("Optional: nobody must attend.\n");
        }
        if sitting.kind == OccurrenceKind::Repeat {
            d.push_str(if rec.occurrences.repeat_is_earlier(o) {
                "The week's live session at an earlier time, for students who cannot attend it later.\n"
            } else {
                "Repeat of the week's live session for students who cannot attend it.\n"
            });
        }
        for &i in &o.activities {
            let a = &course.activities[i];
            let note = match (a.is_exam(), a.recorded) {
                (true, _) => "exam",
                (false, true) => "recorded",
                (false, false) => "not recorded",
            };
            let _ = writeln!(d, "- {} ({} min, {note})", activity_name(a), a.minutes);
        }
        if let Some(start) = &o.start {
            let mut seen: Vec<&str> = Vec::new();
            for z in &course.students.zones {
                if z.zone == course.meta.timezone || seen.contains(&z.zone.as_str()) {
                    continue;
                }
                seen.push(&z.zone);
                if let Some(tz) = crate::course::zones::resolve(&z.zone) {
                    let local = start.with_time_zone(tz);
                    let _ = writeln!(
                        d,
                        "{}: {}",
                        z.zone,
                        super::wall_clock(&local, "%a %Y-%m-%d %H:%M")
                    );
                }
            }
        }
        let missed: Vec<&str> = uncovered(rec, o)
            .filter(|u| u.weeks.contains(&o.week))
            .map(|u| u.zone.as_str())
            .collect();
        if !missed.is_empty() && !base.optional {
            let recorded = o.activities.iter().any(|&i| course.activities[i].recorded);
            let route = if recorded {
                format!(
                    "watch the recording and post a response by 23:59 your time, {} days after the session",
                    crate::schedule::ALTERNATIVE_DAYS
                )
            } else {
                "take the self-paced alternative your instructor gives".to_string()
            };
            // A room reaches only the organizer's zone: elsewhere the question is being
            // there, not the hour.
            let lead = if base.in_person {
                "If you cannot be in the room"
            } else {
                "If this time is outside your hours"
            };
            let _ = writeln!(d, "{lead} ({}): {route}.", missed.join(", "));
        }
        d.trim_end().to_string()
    }
}

/// Whether a meeting's wall-clock length differs from its minutes: it runs across a clock
/// change.
fn spans_clock_change(o: &Occurrence) -> bool {
    match (&o.start, &o.end) {
        (Some(start), Some(end)) => {
            let wall = end.datetime().duration_since(start.datetime()).as_secs();
            wall != i64::from(o.minutes) * 60
        }
        _ => false,
    }
}

/// DTEND in the organizer's zone; in UTC when that wall-clock time is one a clock change
/// repeats (or skips), so every client reads the same instant and the same length.
fn dtend(end: &jiff::ZonedDateTime, tzid: &str) -> String {
    let local = end.datetime();
    let unambiguous = end
        .time_zone()
        .to_ambiguous_zoned_datetime(local)
        .unambiguous()
        .is_ok_and(|back| back.timestamp() == end.timestamp());
    if unambiguous {
        format!("DTEND;TZID={tzid}:{}", local_stamp(local))
    } else {
        let utc = end.with_time_zone(TimeZone::UTC).datetime();
        format!("DTEND:{}Z", local_stamp(utc))
    }
}

/// The zones a meeting's sitting cannot reach: the searched `live` sitting's route covers
/// whom neither it nor its repeat reaches; every other sitting's, whom it misses.
fn uncovered<'a>(
    rec: &'a Recommendation,
    o: &Occurrence,
) -> impl Iterator<Item = &'a crate::schedule::Uncovered> + 'a {
    let sitting = &rec.occurrences.sittings[o.sitting];
    let base = &rec.schedule.sittings[sitting.base];
    let list: &[crate::schedule::Uncovered] = if base.id == "live" {
        &rec.schedule.uncovered
    } else {
        &base.uncovered
    };
    list.iter()
}

/// A weekly `RRULE` over the series' span (with `INTERVAL` when the weeks are evenly spaced,
/// every other week, ...) and the local start of every skipped week for `EXDATE`: break weeks,
/// holidays and weeks the activity does not list, so the expansion is exactly the weeks held.
fn recurrence_rule(master: &Occurrence, rest: &[&Occurrence]) -> (String, Vec<String>) {
    let master_start = master
        .start
        .as_ref()
        .map(jiff::ZonedDateTime::datetime)
        .unwrap_or_default();
    let step = rest[0].week - master.week;
    let even = rest
        .iter()
        .zip(std::iter::once(&master).chain(rest.iter()))
        .all(|(b, a)| b.week - a.week == step);
    if even && step > 0 {
        let interval = if step == 1 {
            String::new()
        } else {
            format!(";INTERVAL={step}")
        };
        let rule = format!("RRULE:FREQ=WEEKLY{interval};COUNT={}", rest.len() + 1);
        return (rule, Vec::new());
    }
    let last = rest.last().map_or(master.week, |o| o.week);
    let held: Vec<u32> = std::iter::once(master.week)
        .chain(rest.iter().map(|o| o.week))
        .collect();
    let exdates = (master.week..=last)
        .filter(|w| !held.contains(w))
        .filter_map(|w| {
            let days = 7 * i64::from(w - master.week);
            let date = master_start
                .date()
                .checked_add(jiff::Span::new().days(days))
                .ok()?;
            Some(local_stamp(date.to_datetime(master_start.time())))
        })
        .collect();
    (
        format!("RRULE:FREQ=WEEKLY;COUNT={}", last - master.week + 1),
        exdates,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_at_75_octets_on_char_boundaries() {
        let mut out = String::new();
        let line = format!("DESCRIPTION:{}", "é".repeat(80));
        fold_into(&mut out, &line);
        for part in out.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(part.len() <= MAX_LINE_OCTETS, "{} octets", part.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end_matches("\r\n"), line);
    }

    #[test]
    fn escapes_text() {
        assert_eq!(text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn reminders_parse_and_print_as_durations() {
        let trigger = |s: &str| s.parse::<Remind>().map(Remind::trigger);
        assert_eq!(trigger("1d").as_deref(), Ok("-P1D"));
        assert_eq!(trigger("2h").as_deref(), Ok("-PT2H"));
        assert_eq!(trigger("1d12h30m").as_deref(), Ok("-P1DT12H30M"));
        assert_eq!(trigger("90m").as_deref(), Ok("-PT1H30M"));
        assert!(trigger("1").is_err());
        assert!(trigger("d").is_err());
        assert!(trigger("0m").is_err());
        assert!(trigger("5w").is_err());
        assert!(trigger("1x").is_err());
    }

    #[test]
    fn offsets_with_seconds() {
        assert_eq!(
            utc_offset(Offset::from_seconds(-4 * 3600).unwrap()),
            "-0400"
        );
        assert_eq!(
            utc_offset(Offset::from_seconds(5 * 3600 + 45 * 60).unwrap()),
            "+0545"
        );
        assert_eq!(
            utc_offset(Offset::from_seconds(-(17 * 60 + 30)).unwrap()),
            "-001730"
        );
    }
}

#[cfg(test)]
mod dtend_tests {
    use super::*;

    #[test]
    fn an_end_a_clock_change_repeats_is_written_in_utc() {
        let tz = jiff::tz::db().get("America/New_York").unwrap();
        let end = jiff::Timestamp::from_second(1_825_569_240) // 2027-11-07T06:34:00Z
            .unwrap()
            .to_zoned_datetime(tz.clone());
        assert_eq!(end.datetime().to_string(), "2027-11-07T01:34:00");
        assert_eq!(dtend(&end, "America/New_York"), "DTEND:20271107T063400Z");
        let plain = jiff::Timestamp::from_second(1_825_000_000)
            .unwrap()
            .to_zoned_datetime(tz);
        assert!(dtend(&plain, "America/New_York").starts_with("DTEND;TZID=America/New_York:"));
    }
}
