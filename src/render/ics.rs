//! The schedule as an RFC 5545 iCalendar file: one recurring series per sitting (RRULE with
//! EXDATE for break weeks, holidays and unlisted weeks), exams as their own events, live times in
//! the organizer's zone with a VTIMEZONE built from jiff's transitions for the course span, and
//! self-paced due times in UTC (they may be read in another zone, such as AoE).
//!
//! The output is reproducible byte for byte: UIDs derive from the offering's identity and the
//! event, DTSTAMP from the start date, SEQUENCE from `--sequence`, and nothing reads the clock
//! or the machine's zone.
//!
//! UIDs are what lets a calendar client update instead of duplicate on re-import, so they hash
//! only what names an event, never its time: a sitting series hashes the identity (course `id`,
//! else title, start and zone), its sorted activity ids and its section; a due or exam event
//! hashes the identity, the activity and the week. Two offerings of one course never share one,
//! and moving a sitting or a due time keeps every UID.

use std::fmt::Write as _;

use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};

use super::activity_name;
use super::sanitize::sanitize;
use crate::course::{Course, Mode, TimeOfDay, Weekday};
use crate::schedule::{LiveSlot, Schedule, days_into_week};

/// Why no calendar could be written.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum IcsError {
    /// Calendars need real dates.
    #[error(
        "`--ics` needs real dates, but [course] has no `start`; add e.g. `start = 2027-01-11` (the first day of week 1) to [course]"
    )]
    NoStart,
}

/// Longest content line in octets, without its CRLF (RFC 5545 section 3.1).
pub const MAX_LINE_OCTETS: usize = 75;

/// How a calendar is published: its revision and reminders.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// SEQUENCE of every event: raise it on each republish so clients take the new times.
    pub sequence: u32,
    /// A reminder this long before every event, if any.
    pub remind: Option<Remind>,
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
pub fn calendar(
    course: &Course,
    schedule: &Schedule,
    options: Options,
) -> Result<String, IcsError> {
    let start = course.meta.start.ok_or(IcsError::NoStart)?;
    let tzid = course.meta.timezone.as_str();
    let tz = crate::course::zones::resolve(tzid).unwrap_or(TimeZone::UTC);
    let identity = identity(course, start);
    let slug = slug(&course.meta.title);
    let ids = Ids {
        identity: &identity,
        slug: &slug,
    };
    let stamp = format!("{}T000000Z", compact_date(start));
    let mut cal = Calendar::default();
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
    cal.line(&format!("X-WR-TIMEZONE:{tzid}"));
    let (first, last) = span(course, start);
    vtimezone(&mut cal, tzid, &tz, first, last);

    for (index, sitting) in schedule.sittings.iter().enumerate() {
        if sitting.id == "live" {
            for (k, slot) in schedule.live_slots.iter().enumerate() {
                let section = (k + 1).to_string();
                let mut names: Vec<&str> = sitting
                    .activities
                    .iter()
                    .map(|&i| course.activities[i].id.as_str())
                    .collect();
                names.sort_unstable();
                let uid = ids.uid(&[&["live"], &names[..], &[&section]].concat(), "live");
                live_events(
                    &mut cal,
                    course,
                    schedule,
                    (index, slot),
                    &format!("{uid}-{section}"),
                    &stamp,
                    options,
                );
            }
        } else {
            sitting_events(&mut cal, course, schedule, index, ids, &stamp, options);
        }
    }
    for week in &schedule.weeks {
        for item in week.items.iter().filter(|i| i.mode == Mode::Async) {
            let Some(due) = &item.due else { continue };
            let Some(at) = &due.at else { continue };
            let activity = &course.activities[item.activity];
            // Pre-work listed a week early belongs to the week of the meeting it prepares.
            let belongs = item.for_week.unwrap_or(week.week);
            let week_text = belongs.to_string();
            let uid = ids.uid(
                &["due", &activity.id, &week_text],
                &format!("due-{}", activity.id),
            );
            cal.line("BEGIN:VEVENT");
            cal.line(&format!("UID:{uid}@mixplan"));
            cal.line(&format!("DTSTAMP:{stamp}"));
            cal.line(&format!("SEQUENCE:{}", options.sequence));
            // Due times may be read in another zone (AoE): written in UTC, every client agrees.
            cal.line(&format!(
                "DTSTART:{}Z",
                local_stamp(at.with_time_zone(TimeZone::UTC).datetime())
            ));
            // A deadline is a moment; Exchange refuses events with neither DTEND nor DURATION.
            cal.line("DURATION:PT0S");
            let name = activity_name(activity);
            cal.line(&format!(
                "SUMMARY:{}",
                text(&format!("Due (week {belongs}): {name}"))
            ));
            let mut description = format!(
                "Self-paced work due {} ({})",
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
            alarm(&mut cal, options, &format!("Due: {name}"));
            cal.line("END:VEVENT");
        }
    }
    cal.line("END:VCALENDAR");
    Ok(cal.out)
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

/// The identity of this offering: `id` when given, else title, start and zone together (two
/// offerings of one course differ in at least one of them).
fn identity(course: &Course, start: Date) -> String {
    match &course.meta.id {
        Some(id) => format!("id\u{1f}{id}"),
        None => format!(
            "title\u{1f}{}\u{1f}{start}\u{1f}{}",
            course.meta.title, course.meta.timezone
        ),
    }
}

/// A readable UID prefix: the title as a lowercase ASCII slug of at most 40 characters
/// (`course` when nothing is left). Uniqueness comes from the hash beside it.
pub fn slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(40).collect();
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "course".into()
    } else {
        slug.into()
    }
}

/// What every UID is made of: the offering's identity (hashed) and a readable slug.
#[derive(Clone, Copy)]
struct Ids<'a> {
    identity: &'a str,
    slug: &'a str,
}

impl Ids<'_> {
    /// `slug-hash-kind`: the hash covers the identity and `parts` (what names the event).
    fn uid(self, parts: &[&str], kind: &str) -> String {
        let mut all = vec![self.identity];
        all.extend_from_slice(parts);
        format!("{}-{:016x}-{kind}", self.slug, hash(&all))
    }
}

/// FNV-1a over the parts separated by a unit separator: stable across platforms and releases
/// (a UID must never change with the compiler).
fn hash(parts: &[&str]) -> u64 {
    super::fnv1a(parts.join("\u{1f}").as_bytes())
}

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

/// One live session as it happens in one week.
struct Occurrence {
    week: u32,
    start: DateTime,
    minutes: u32,
    activities: Vec<usize>,
}

/// The weeks a sitting is held at `day` and `time` (a searched sitting's slot, or the
/// sitting's own time), as organizer-local start times. Cancelled dates are left out: the
/// series skips them (EXDATE).
fn occurrences(
    course: &Course,
    schedule: &Schedule,
    sitting: usize,
    day: Weekday,
    time: TimeOfDay,
) -> Vec<Occurrence> {
    let fixed_date = schedule.sittings.get(sitting).and_then(|s| s.date);
    schedule
        .weeks
        .iter()
        .filter_map(|w| {
            let held = w
                .sittings
                .iter()
                .find(|h| h.sitting == sitting && !h.cancelled)?;
            let date = match fixed_date {
                Some(date) => date,
                None => w
                    .start?
                    .checked_add(jiff::Span::new().days(days_into_week(course, day)))
                    .ok()?,
            };
            Some(Occurrence {
                week: w.week,
                start: date.at(time.hour() as i8, time.minute() as i8, 0, 0),
                minutes: held.minutes,
                activities: held.activities.clone(),
            })
        })
        .collect()
}

/// A fixed or optional sitting: one series (exams: one event per date), titled by its
/// activities.
fn sitting_events(
    cal: &mut Calendar,
    course: &Course,
    schedule: &Schedule,
    index: usize,
    ids: Ids<'_>,
    stamp: &str,
    options: Options,
) {
    let sitting = &schedule.sittings[index];
    let occ = occurrences(course, schedule, index, sitting.day, sitting.time);
    let Some(master) = occ.first() else { return };
    let tzid = param(&course.meta.timezone);
    let names: Vec<std::borrow::Cow<'_, str>> = sitting
        .activities
        .iter()
        .map(|&i| activity_name(&course.activities[i]))
        .collect();
    let mut summary = names.join(" + ");
    if let Some((n, of)) = sitting.section {
        let _ = write!(summary, " (section {n} of {of})");
    }
    if sitting.optional {
        summary.push_str(" (optional)");
    }
    let describe = |o: &Occurrence| {
        let mut d = String::new();
        if sitting.optional {
            d.push_str("Optional: nobody must attend.\n");
        }
        for &i in &o.activities {
            let a = &course.activities[i];
            let note = match (a.is_exam(), a.recorded) {
                (true, _) => "exam",
                (false, true) => "recorded",
                (false, false) => "not recorded",
            };
            let _ = write!(d, "- {} ({} min, {note})", activity_name(a), a.minutes);
            for extra in [&a.location, &a.url].into_iter().flatten() {
                let _ = write!(d, " {}", sanitize(extra));
            }
            d.push('\n');
        }
        let _ = write!(
            d,
            "Reaches {} of {} students in the worst week.",
            sitting.students_covered, course.students.count
        );
        d
    };
    let mut activity_ids: Vec<&str> = sitting
        .activities
        .iter()
        .map(|&i| course.activities[i].id.as_str())
        .collect();
    activity_ids.sort_unstable();
    let section = sitting
        .section
        .map(|(n, _)| n.to_string())
        .unwrap_or_default();
    // Readable, and as stable as the hash: a sitting's id is made of its activity ids.
    let name = sitting.id.replace(['+', '.'], "-");
    let event = |cal: &mut Calendar,
                 o: &Occurrence,
                 uid: &str,
                 rule: Option<String>,
                 exdates: &[String],
                 override_of: bool| {
        cal.line("BEGIN:VEVENT");
        cal.line(&format!("UID:{uid}@mixplan"));
        cal.line(&format!("DTSTAMP:{stamp}"));
        cal.line(&format!("SEQUENCE:{}", options.sequence));
        if override_of {
            cal.line(&format!(
                "RECURRENCE-ID;TZID={tzid}:{}",
                local_stamp(o.start)
            ));
        }
        cal.line(&format!("DTSTART;TZID={tzid}:{}", local_stamp(o.start)));
        cal.line(&format!("DURATION:PT{}M", o.minutes));
        if let Some(rule) = rule {
            cal.line(&rule);
        }
        if !exdates.is_empty() {
            cal.line(&format!("EXDATE;TZID={tzid}:{}", exdates.join(",")));
        }
        let summary = format!("{}: {summary}", sanitize(&course.meta.title));
        cal.line(&format!("SUMMARY:{}", text(&summary)));
        cal.line(&format!("DESCRIPTION:{}", text(&describe(o))));
        place_lines(cal, course, &o.activities);
        alarm(cal, options, &summary);
        cal.line("END:VEVENT");
    };
    if sitting.exam {
        // Exams are their own events, never a series.
        for o in &occ {
            let week = o.week.to_string();
            let uid = ids.uid(
                &[&["exam"], &activity_ids[..], &[&week]].concat(),
                &format!("exam-{name}"),
            );
            event(cal, o, &uid, None, &[], false);
        }
        return;
    }
    let uid = ids.uid(
        &[&["sitting"], &activity_ids[..], &[&section]].concat(),
        &format!("sitting-{name}"),
    );
    let rest: Vec<&Occurrence> = occ.iter().skip(1).collect();
    let (rule, exdates) = if rest.is_empty() {
        (None, Vec::new())
    } else {
        let (rule, exdates) = recurrence_rule(master, &rest);
        (Some(rule), exdates)
    };
    event(cal, master, &uid, rule, &exdates, false);
    for o in rest {
        if o.minutes != master.minutes || o.activities != master.activities {
            event(cal, o, &uid, None, &[], true);
        }
    }
}

fn live_events(
    cal: &mut Calendar,
    course: &Course,
    schedule: &Schedule,
    (sitting, slot): (usize, &LiveSlot),
    uid: &str,
    stamp: &str,
    options: Options,
) {
    let occ = occurrences(course, schedule, sitting, slot.day, slot.time);
    let Some(master) = occ.first() else { return };
    let tzid = param(&course.meta.timezone);
    let summary = if slot.repeat {
        format!("{}: live session (repeat)", sanitize(&course.meta.title))
    } else {
        format!("{}: live session", sanitize(&course.meta.title))
    };
    let describe = |o: &Occurrence| {
        let mut d = String::new();
        if slot.repeat {
            d.push_str("Repeat of the week's live session for students the main slot misses.\n");
        }
        for &i in &o.activities {
            let a = &course.activities[i];
            let recorded = if a.recorded {
                "recorded"
            } else {
                "not recorded"
            };
            let _ = write!(d, "- {} ({} min, {recorded})", activity_name(a), a.minutes);
            for extra in [&a.location, &a.url].into_iter().flatten() {
                let _ = write!(d, " {}", sanitize(extra));
            }
            d.push('\n');
        }
        let _ = write!(
            d,
            "Reaches {} of {} students in the worst week.",
            slot.students_covered, course.students.count
        );
        for l in slot.local.iter().filter(|l| l.zone != slot.timezone) {
            let shifts: String = l
                .shifts
                .iter()
                .map(|s| format!(", from {}: {} {}", s.week.label(), s.day, s.time))
                .collect();
            let _ = write!(
                d,
                "\n{}: {} {}{shifts}{}",
                l.zone,
                l.day,
                l.time,
                if l.covered {
                    ""
                } else {
                    " (outside their window)"
                }
            );
        }
        for u in &schedule.uncovered {
            let _ = write!(
                d,
                "\n{} student(s) in {} cannot attend {}: watch the recording and post a response by 23:59 their time, {} days after the session.",
                u.count,
                u.zone,
                super::words::missed_text(&u.weeks, &u.samples),
                crate::schedule::ALTERNATIVE_DAYS
            );
        }
        d
    };
    let event = |cal: &mut Calendar, o: &Occurrence, recurrence: Option<&[&Occurrence]>| {
        cal.line("BEGIN:VEVENT");
        cal.line(&format!("UID:{uid}@mixplan"));
        cal.line(&format!("DTSTAMP:{stamp}"));
        cal.line(&format!("SEQUENCE:{}", options.sequence));
        if recurrence.is_none() {
            cal.line(&format!(
                "RECURRENCE-ID;TZID={tzid}:{}",
                local_stamp(o.start)
            ));
        }
        cal.line(&format!("DTSTART;TZID={tzid}:{}", local_stamp(o.start)));
        cal.line(&format!("DURATION:PT{}M", o.minutes));
        if let Some(rest) = recurrence
            && !rest.is_empty()
        {
            let (rule, exdates) = recurrence_rule(master, rest);
            cal.line(&rule);
            if !exdates.is_empty() {
                cal.line(&format!("EXDATE;TZID={tzid}:{}", exdates.join(",")));
            }
        }
        cal.line(&format!("SUMMARY:{}", text(&summary)));
        cal.line(&format!("DESCRIPTION:{}", text(&describe(o))));
        place_lines(cal, course, &o.activities);
        alarm(cal, options, &summary);
        cal.line("END:VEVENT");
    };
    let rest: Vec<&Occurrence> = occ.iter().skip(1).collect();
    event(cal, master, Some(&rest));
    // Weeks whose session differs from the first one's get their own instance.
    for o in rest {
        if o.minutes != master.minutes || o.activities != master.activities {
            event(cal, o, None);
        }
    }
}

/// LOCATION and URL of a sitting: what all its activities share, else the course's.
fn place_lines(cal: &mut Calendar, course: &Course, activities: &[usize]) {
    let list = || activities.iter().map(|&i| &course.activities[i]);
    if let Some(location) = shared(list().map(|a| a.location.as_ref()))
        .flatten()
        .or(course.meta.location.as_ref())
    {
        cal.line(&format!("LOCATION:{}", text(&sanitize(location))));
    }
    if let Some(url) = shared(list().map(|a| a.url.as_ref()))
        .flatten()
        .or(course.meta.url.as_ref())
    {
        cal.line(&format!("URL:{}", uri(url)));
    }
}

/// The one value every item shares, if they all share one (and there is at least one).
fn shared<T: PartialEq>(mut items: impl Iterator<Item = T>) -> Option<T> {
    let first = items.next()?;
    items.all(|x| x == first).then_some(first)
}

/// A weekly `RRULE` over the series' span (with `INTERVAL` when the weeks are evenly spaced,
/// every other week, ...) and the local start of every skipped week for `EXDATE`: break weeks,
/// holidays and weeks the activity does not list, so the expansion is exactly the weeks held.
fn recurrence_rule(master: &Occurrence, rest: &[&Occurrence]) -> (String, Vec<String>) {
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
            let date = master
                .start
                .date()
                .checked_add(jiff::Span::new().days(days))
                .ok()?;
            Some(local_stamp(date.to_datetime(master.start.time())))
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
    fn slugs_and_hashes_are_stable() {
        assert_eq!(slug("Data Analysis 101"), "data-analysis-101");
        assert_eq!(slug("日本語"), "course");
        // Pinned: a UID that changed between releases would duplicate every imported event.
        assert_eq!(
            hash(&["id\u{1f}cs559", "due", "quiz", "3"]),
            hash(&["id\u{1f}cs559", "due", "quiz", "3"])
        );
        assert_ne!(hash(&["ab", "c"]), hash(&["a", "bc"]));
        assert_eq!(hash(&[""]), 0xcbf2_9ce4_8422_2325);
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
