//! The schedule as one list of occurrences: every meeting of every sitting (sections, repeats,
//! optional sittings, exams, cancelled dates included), each with its instants, what meets,
//! its focus-and-break timeline and its identity.
//!
//! Every output that shows live time (table, markdown, page, calendar, JSON) is a view of this
//! list, so a date cancelled here is cancelled everywhere. The list is built once per plan
//! from the schedule's sittings and their weekly meetings: whatever makes a sitting (the slot
//! search, `at`, repeats), the occurrences follow it without knowing how it was made.
//!
//! Identity is what lets a calendar client, a `diff` or an LMS import recognise the same
//! meeting after an edit: an occurrence is (sitting key, week). A sitting key names the sitting
//! by what it is, never by its time: a fixed sitting by its first activity (`.n` for section
//! n), a searched sitting by `~` and its first activity, a repeat by its sitting's key and
//! `.repeat`, an exam by its id and `.n`. UIDs hash the course identity (`[course] id`, else
//! the title) with the kind and that identity, so moving a sitting or retitling a course that
//! has an `id` keeps every UID.

use jiff::ToSpan;
use jiff::civil::Date;

use super::{Schedule, Segment, Sitting, WeekSitting};
use crate::course::{Course, TimeOfDay, Weekday};

/// What kind of meeting an occurrence is: the last part of its UID.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OccurrenceKind {
    /// A required or optional sitting (fixed, searched or a section).
    Sitting,
    /// A repeat of a searched sitting for the students it misses.
    Repeat,
    /// An exam sitting.
    Exam,
}

impl OccurrenceKind {
    /// `sitting`, `repeat` or `exam`: the kind as written in UIDs and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            OccurrenceKind::Sitting => "sitting",
            OccurrenceKind::Repeat => "repeat",
            OccurrenceKind::Exam => "exam",
        }
    }
}

/// Why an occurrence does not meet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cancellation {
    /// Its date is one of `[course] holidays`.
    Holiday,
}

impl Cancellation {
    /// `holiday`.
    pub fn as_str(self) -> &'static str {
        match self {
            Cancellation::Holiday => "holiday",
        }
    }
}

/// One sitting as the occurrences see it: the schedule's sittings in order, each repeat right
/// after the sitting it repeats.
#[derive(Clone, Debug, PartialEq)]
pub struct SittingRef {
    /// The sitting's id as shown to people (`lab.2`, `live`, `live.repeat`).
    pub id: String,
    /// Its identity key (`lab.2`, `~discussion`, `~discussion.repeat`, `final.1`).
    pub key: String,
    /// Index into [`Schedule::sittings`] of the sitting whose weekly meetings this follows
    /// (for a repeat that has no sitting of its own: the sitting it repeats).
    pub base: usize,
    /// For a repeat: the position in [`Occurrences::sittings`] of the sitting it repeats.
    pub repeat_of: Option<usize>,
    /// Weekday, organizer's zone.
    pub day: Weekday,
    /// Start time, organizer's zone.
    pub time: TimeOfDay,
    /// What kind of meeting it is.
    pub kind: OccurrenceKind,
    /// A repeat that follows the meetings of the sitting it repeats on its own weekday and
    /// time (the schedule has no sitting of its own for it).
    pub shifted: bool,
}

/// One meeting of one sitting in one week.
#[derive(Clone, Debug, PartialEq)]
pub struct Occurrence {
    /// Position in [`Occurrences::sittings`].
    pub sitting: usize,
    /// The course week (1-based).
    pub week: u32,
    /// Its date, with a course `start`.
    pub date: Option<Date>,
    /// Weekday, organizer's zone.
    pub day: Weekday,
    /// Start time, organizer's zone.
    pub time: TimeOfDay,
    /// Start instant in the organizer's zone, with a course `start`.
    pub start: Option<jiff::ZonedDateTime>,
    /// End instant (start plus `minutes`), with a course `start`.
    pub end: Option<jiff::ZonedDateTime>,
    /// Length, breaks included; the timeline sums to it exactly.
    pub minutes: u32,
    /// Activities meeting that day (indexes into the course's activities), in file order.
    pub activities: Vec<usize>,
    /// Focus and break segments, in order.
    pub timeline: Vec<Segment>,
    /// Why it does not meet, if it does not.
    pub cancelled: Option<Cancellation>,
    /// The location all its activities share, else the course's.
    pub location: Option<String>,
    /// The URL all its activities share, else the course's.
    pub url: Option<String>,
    /// What kind of meeting it is.
    pub kind: OccurrenceKind,
    /// Identity without the course: `<sitting key>@<week>`.
    pub identity: String,
    /// The calendar's identity of this occurrence, `...@mixplan`.
    pub uid: String,
}

/// Every occurrence of a schedule and the sittings they belong to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Occurrences {
    /// One entry per sitting, repeats right after the sitting they repeat.
    pub sittings: Vec<SittingRef>,
    /// Sorted by start instant, then by sitting position (without a `start`: by week, weekday,
    /// time, then sitting position).
    pub list: Vec<Occurrence>,
    /// Indexes into `list` of each sitting's occurrences (by position in `sittings`), in order.
    pub by_sitting: Vec<Vec<usize>>,
    /// Indexes into `list` of each week's occurrences (entry `w - 1` for week `w`), in order.
    pub by_week: Vec<Vec<usize>>,
}

impl Occurrences {
    /// The occurrences of one sitting (a position in [`Occurrences::sittings`]), by week.
    pub fn of_sitting(&self, sitting: usize) -> impl Iterator<Item = &Occurrence> + '_ {
        self.by_sitting
            .get(sitting)
            .into_iter()
            .flatten()
            .map(|&i| &self.list[i])
    }

    /// The occurrences held or cancelled in one course week, in order.
    pub fn in_week(&self, week: u32) -> impl Iterator<Item = &Occurrence> + '_ {
        let index = (week as usize).checked_sub(1);
        index
            .and_then(|i| self.by_week.get(i))
            .into_iter()
            .flatten()
            .map(|&i| &self.list[i])
    }

    /// Whether `o`, a repeat, meets before the sitting it repeats in its week: the slot search
    /// found a day for the students the sitting misses only earlier in the week. Outputs then
    /// say "earlier in the week" rather than "again". Occurrences of a week are in time order.
    pub fn repeat_is_earlier(&self, o: &Occurrence) -> bool {
        let Some(of) = self.sittings[o.sitting].repeat_of else {
            return false;
        };
        self.in_week(o.week)
            .find(|m| m.sitting == of || m.identity == o.identity)
            .is_some_and(|first| first.identity == o.identity)
    }

    /// The series UID of a sitting: the course identity and the sitting key.
    pub fn series_uid(&self, course: &Course, sitting: usize) -> String {
        uid(course, "series", &self.sittings[sitting].key)
    }
}

/// What names the offering in UIDs: `[course] id`; without one, the title, start and zone
/// together (two offerings of one course differ in at least one of them, but editing any of
/// them re-keys every event: hence the `calendar-without-course-id` warning).
pub fn course_identity(course: &Course) -> String {
    match &course.meta.id {
        Some(id) => format!("id\u{1f}{id}"),
        None => format!(
            "title\u{1f}{}\u{1f}{}\u{1f}{}",
            course.meta.title,
            course.meta.start.map(|d| d.to_string()).unwrap_or_default(),
            course.meta.timezone
        ),
    }
}

/// `<slug>-<16 hex digits of FNV-1a over (course identity, kind, identity)>-<kind>@mixplan`:
/// the slug of `[course] id` (else of the title) keeps it readable, the hash makes it unique.
pub fn uid(course: &Course, kind: &str, identity: &str) -> String {
    let readable = course.meta.id.as_deref().unwrap_or(&course.meta.title);
    format!(
        "{}-{:016x}-{kind}@mixplan",
        slug(readable),
        identity_hash(course, kind, identity)
    )
}

/// The 16 hex digits of a UID: FNV-1a over (course identity, kind, identity). Other exports
/// (the Canvas package's identifiers) use the same hash, so they match the calendar's UIDs.
pub fn identity_hash(course: &Course, kind: &str, identity: &str) -> u64 {
    let course_id = course_identity(course);
    fnv1a(
        [course_id.as_str(), kind, identity]
            .join("\u{1f}")
            .as_bytes(),
    )
}

/// A due item's identity without the course: `<activity id>@<week>`, the week of the meeting
/// it belongs to (what `diff` and LMS exports match on).
pub fn due_identity(course: &Course, activity: usize, week: u32) -> String {
    format!("{}@{week}", course.activities[activity].id)
}

/// A due item's UID: its identity hashed with the course's (kind `due`).
pub fn due_uid(course: &Course, activity: usize, week: u32) -> String {
    uid(course, "due", &due_identity(course, activity, week))
}

/// A lowercase ASCII slug of at most 40 characters (`course` when nothing is left).
pub fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
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

/// FNV-1a, 64 bits: stable across platforms and releases (a UID must never change with the
/// compiler).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Build the occurrences of a schedule.
pub fn build(course: &Course, schedule: &Schedule) -> Occurrences {
    let sittings = sitting_refs(course, schedule);
    let tz = crate::course::zones::resolve(&course.meta.timezone);
    // Each schedule sitting's positions in `sittings` (itself, and a repeat that follows its
    // meetings): one pass over the weeks, however many sittings there are.
    let mut positions: Vec<Vec<usize>> = vec![Vec::new(); schedule.sittings.len()];
    for (position, sitting) in sittings.iter().enumerate() {
        positions[sitting.base].push(position);
    }
    let mut list = Vec::new();
    for week in &schedule.weeks {
        for held in &week.sittings {
            for &position in &positions[held.sitting] {
                let sitting = (position, &sittings[position]);
                let base = &schedule.sittings[sittings[position].base];
                list.extend(occurrence(course, tz.as_ref(), sitting, (week, held), base));
            }
        }
    }
    let order = |o: &Occurrence| {
        (
            o.start.as_ref().map(jiff::ZonedDateTime::timestamp),
            o.week,
            course.meta.days_into_week(o.day),
            o.time,
            o.sitting,
        )
    };
    list.sort_by_key(order);
    let mut by_sitting: Vec<Vec<usize>> = vec![Vec::new(); sittings.len()];
    let mut by_week: Vec<Vec<usize>> = vec![Vec::new(); schedule.weeks.len()];
    for (i, o) in list.iter().enumerate() {
        by_sitting[o.sitting].push(i);
        if let Some(week) = (o.week as usize)
            .checked_sub(1)
            .and_then(|w| by_week.get_mut(w))
        {
            week.push(i);
        }
    }
    Occurrences {
        sittings,
        list,
        by_sitting,
        by_week,
    }
}

/// The sittings in order, each repeat right after the sitting it repeats. A sitting whose id is
/// another's plus `.repeat` is that sitting's repeat; the searched `live` sitting's repeat slot
/// becomes a repeat of its own when the schedule has no such sitting.
fn sitting_refs(course: &Course, schedule: &Schedule) -> Vec<SittingRef> {
    let mut out: Vec<SittingRef> = Vec::new();
    for (index, sitting) in schedule.sittings.iter().enumerate() {
        let key = sitting_key(course, sitting);
        let position = out.len();
        out.push(SittingRef {
            id: sitting.id.clone(),
            key: key.clone(),
            base: index,
            repeat_of: None,
            day: sitting.day,
            time: sitting.time,
            kind: if sitting.exam {
                OccurrenceKind::Exam
            } else {
                OccurrenceKind::Sitting
            },
            shifted: false,
        });
        // A repeat meets in its sitting's weeks, on its own day and time.
        if let Some(repeat) = &sitting.repeat {
            out.push(SittingRef {
                id: format!("{}.repeat", sitting.id),
                key: format!("{key}.repeat"),
                base: index,
                repeat_of: Some(position),
                day: repeat.slot.day,
                time: repeat.slot.time,
                kind: OccurrenceKind::Repeat,
                shifted: true,
            });
        }
    }
    out
}

/// A sitting's identity key: what it is, never when it is.
fn sitting_key(course: &Course, sitting: &Sitting) -> String {
    let first = sitting
        .activities
        .iter()
        .min()
        .map_or("", |&i| course.activities[i].id.as_str());
    let n = sitting.section.map(|(n, _)| n);
    if sitting.exam {
        format!("{first}.{}", n.unwrap_or(1))
    } else if sitting.fixed {
        match n {
            Some(n) => format!("{first}.{n}"),
            None => first.to_string(),
        }
    } else {
        format!("~{first}")
    }
}

/// One meeting of `sitting` as held in `week`; `None` when a repeat's date falls before
/// `start` (nothing meets before it).
fn occurrence(
    course: &Course,
    tz: Option<&jiff::tz::TimeZone>,
    (position, sitting): (usize, &SittingRef),
    (week, held): (&super::Week, &WeekSitting),
    base: &Sitting,
) -> Option<Occurrence> {
    let meta = &course.meta;
    // A repeat without a sitting of its own meets on its own day of the same week.
    let synthesized = sitting.shifted;
    let date = if synthesized {
        meta.date_of(week.week, sitting.day)
    } else {
        held.date
    };
    if synthesized && date.zip(meta.start).is_some_and(|(d, s)| d < s) {
        return None;
    }
    let cancelled = if synthesized {
        date.is_some_and(|d| meta.is_holiday(d))
    } else {
        held.cancelled
    };
    let start = date
        .zip(tz)
        .and_then(|(d, tz)| local_instant(d, sitting.time, tz));
    let end = start
        .as_ref()
        .and_then(|s| s.checked_add(i64::from(held.minutes).minutes()).ok());
    let identity = format!("{}@{}", sitting.key, week.week);
    let (location, url) = place(course, base, &held.activities);
    Some(Occurrence {
        sitting: position,
        week: week.week,
        date,
        day: sitting.day,
        time: sitting.time,
        start,
        end,
        minutes: held.minutes,
        activities: held.activities.to_vec(),
        timeline: held.segments.to_vec(),
        cancelled: cancelled.then_some(Cancellation::Holiday),
        location,
        url,
        kind: sitting.kind,
        uid: uid(course, sitting.kind.as_str(), &identity),
        identity,
    })
}

/// A local date and time in the organizer's zone; a time a clock change skips is read the
/// "compatible" way (the hour after), as every other instant in mixplan.
fn local_instant(
    date: Date,
    time: TimeOfDay,
    tz: &jiff::tz::TimeZone,
) -> Option<jiff::ZonedDateTime> {
    date.at(time.hour() as i8, time.minute() as i8, 0, 0)
        .to_zoned_datetime(tz.clone())
        .ok()
}

/// Location and URL of a meeting: what all its activities share (a fixed time's own
/// `location`/`url` first, as parallel sections write them), else the course's.
fn place(
    course: &Course,
    base: &Sitting,
    activities: &[usize],
) -> (Option<String>, Option<String>) {
    fn entry<'a>(
        base: &Sitting,
        a: &'a crate::course::Activity,
    ) -> Option<&'a crate::course::FixedTime> {
        if !base.fixed {
            return None;
        }
        match base.section {
            Some((n, _)) => a.at.get(n - 1),
            None => {
                a.at.iter()
                    .find(|t| t.day == base.day && t.time == base.time && t.date == base.date)
            }
        }
    }
    let list = || activities.iter().map(|&i| &course.activities[i]);
    let location = shared(list().map(|a| {
        entry(base, a)
            .and_then(|t| t.location.as_ref())
            .or(a.location.as_ref())
    }))
    .flatten()
    .or(course.meta.location.as_ref())
    .cloned();
    let url = shared(list().map(|a| {
        entry(base, a)
            .and_then(|t| t.url.as_ref())
            .or(a.url.as_ref())
    }))
    .flatten()
    .or(course.meta.url.as_ref())
    .cloned();
    (location, url)
}

/// The one value every item shares, if they all share one (and there is at least one).
fn shared<T: PartialEq>(mut items: impl Iterator<Item = T>) -> Option<T> {
    let first = items.next()?;
    items.all(|x| x == first).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_pinned() {
        // Pinned: a UID that changed between releases would duplicate every imported event.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Data Analysis 101"), "data-analysis-101");
        assert_eq!(slug("日本語"), "course");
        assert_eq!(slug("cs559-2027-spring"), "cs559-2027-spring");
    }
}
