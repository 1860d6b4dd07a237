//! The schedule as an RFC 5545 iCalendar file: one recurring series per sitting (RRULE with
//! EXDATE for break weeks, holidays and unlisted weeks), exams as their own events, live times in
//! the organizer's zone with a VTIMEZONE built from jiff's transitions for the course span, and
//! self-paced due times in UTC (they may be read in another zone, such as AoE).
//!
//! The output is reproducible byte for byte: UIDs derive from the course title and the event,
//! DTSTAMP from the start date, and nothing reads the clock or the machine's zone.

use std::fmt::Write as _;

use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};

use crate::course::{Course, Mode, TimeOfDay, Weekday};
use crate::schedule::{Due, LiveSlot, Schedule, days_into_week};

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

/// Build the calendar of a scheduled course.
pub fn calendar(course: &Course, schedule: &Schedule) -> Result<String, IcsError> {
    let start = course.meta.start.ok_or(IcsError::NoStart)?;
    let tzid = course.meta.timezone.as_str();
    let tz = jiff::tz::db().get(tzid).unwrap_or(TimeZone::UTC);
    let base = uid_base(&course.meta.title);
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
    cal.line(&format!("X-WR-CALNAME:{}", text(&course.meta.title)));
    cal.line(&format!("X-WR-TIMEZONE:{tzid}"));
    let (first, last) = span(course, start);
    vtimezone(&mut cal, tzid, &tz, first, last);

    for (index, sitting) in schedule.sittings.iter().enumerate() {
        if sitting.id == "live" {
            for (k, slot) in schedule.live_slots.iter().enumerate() {
                live_events(
                    &mut cal,
                    course,
                    schedule,
                    (index, slot),
                    &format!("{base}-live-{}", k + 1),
                    &stamp,
                );
            }
        } else {
            sitting_events(&mut cal, course, schedule, index, &base, &stamp);
        }
    }
    for week in &schedule.weeks {
        let mut dues: Vec<(&Due, Vec<usize>)> = Vec::new();
        for item in week.items.iter().filter(|i| i.mode == Mode::Async) {
            let Some(due) = &item.due else { continue };
            match dues.iter_mut().find(|(d, _)| d.at == due.at) {
                Some((_, activities)) => activities.push(item.activity),
                None => dues.push((due, vec![item.activity])),
            }
        }
        for (due, activities) in dues {
            let Some(at) = &due.at else { continue };
            let ids: Vec<&str> = activities
                .iter()
                .map(|&i| course.activities[i].id.as_str())
                .collect();
            cal.line("BEGIN:VEVENT");
            cal.line(&format!(
                "UID:{base}-week-{}-due-{}@mixplan",
                week.week,
                at.strftime("%Y%m%dT%H%M")
            ));
            cal.line(&format!("DTSTAMP:{stamp}"));
            // Due times may be read in another zone (AoE): written in UTC, every client agrees.
            cal.line(&format!(
                "DTSTART:{}Z",
                local_stamp(at.with_time_zone(TimeZone::UTC).datetime())
            ));
            let names: Vec<&str> = activities
                .iter()
                .map(|&i| course.activities[i].name())
                .collect();
            let _ = &ids;
            cal.line(&format!(
                "SUMMARY:{}",
                text(&format!("Due (week {}): {}", week.week, names.join(", ")))
            ));
            let mut description = format!(
                "Self-paced work due {}",
                at.strftime("%a %Y-%m-%d %H:%M %Z (%Q)")
            );
            for local in &due.local {
                let _ = write!(
                    description,
                    "\n= {} in {}",
                    local.at.strftime("%a %Y-%m-%d %H:%M %Z"),
                    local.zone
                );
            }
            for &i in &activities {
                let a = &course.activities[i];
                let _ = write!(description, "\n- {} ({} min)", a.name(), a.minutes);
            }
            cal.line(&format!("DESCRIPTION:{}", text(&description)));
            cal.line("TRANSP:TRANSPARENT");
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

/// Stable UID stem: a slug of the title plus a hash of the whole title (titles that slug the
/// same, or not at all, still differ).
pub fn uid_base(title: &str) -> String {
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
    // FNV-1a, 32 bits: tiny, stable across platforms and releases.
    let hash = title.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    if slug.is_empty() {
        format!("course-{hash:08x}")
    } else {
        format!("{slug}-{hash:08x}")
    }
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
    base: &str,
    stamp: &str,
) {
    let sitting = &schedule.sittings[index];
    let occ = occurrences(course, schedule, index, sitting.day, sitting.time);
    let Some(master) = occ.first() else { return };
    let tzid = param(&course.meta.timezone);
    let names: Vec<&str> = sitting
        .activities
        .iter()
        .map(|&i| course.activities[i].name())
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
            let _ = writeln!(d, "- {} ({} min, {note})", a.name(), a.minutes);
        }
        let _ = write!(
            d,
            "Reaches {} of {} students in the worst week.",
            sitting.students_covered, course.students.count
        );
        d
    };
    let slug = sitting.id.replace(['+', '.'], "-");
    let event = |cal: &mut Calendar,
                 o: &Occurrence,
                 uid: &str,
                 rule: Option<String>,
                 exdates: &[String],
                 override_of: bool| {
        cal.line("BEGIN:VEVENT");
        cal.line(&format!("UID:{uid}@mixplan"));
        cal.line(&format!("DTSTAMP:{stamp}"));
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
        cal.line(&format!(
            "SUMMARY:{}",
            text(&format!("{}: {summary}", course.meta.title))
        ));
        cal.line(&format!("DESCRIPTION:{}", text(&describe(o))));
        cal.line("END:VEVENT");
    };
    if sitting.exam {
        // Exams are their own events, never a series.
        for o in &occ {
            event(
                cal,
                o,
                &format!("{base}-exam-{slug}-week-{}", o.week),
                None,
                &[],
                false,
            );
        }
        return;
    }
    let uid = format!("{base}-sitting-{slug}");
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
) {
    let occ = occurrences(course, schedule, sitting, slot.day, slot.time);
    let Some(master) = occ.first() else { return };
    let tzid = param(&course.meta.timezone);
    let summary = if slot.repeat {
        format!("{}: live session (repeat)", course.meta.title)
    } else {
        format!("{}: live session", course.meta.title)
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
            let _ = writeln!(d, "- {} ({} min, {recorded})", a.name(), a.minutes);
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
    fn uids_are_stable_slugs() {
        assert_eq!(uid_base("Data Analysis 101"), uid_base("Data Analysis 101"));
        assert!(uid_base("Data Analysis 101").starts_with("data-analysis-101-"));
        assert_ne!(uid_base("Data Analysis 101"), uid_base("Data analysis 101"));
        assert!(uid_base("日本語").starts_with("course-"));
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
