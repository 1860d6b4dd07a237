//! The one place that reads the plan for the Canvas package: it fills [`CanvasCourse`] from a
//! [`Recommendation`], from the same data the `schedule --ics` calendar is written from
//! (sittings and the weeks each is held or cancelled in, live slots, due items), so every
//! instant in the package equals the calendar's. Kept apart from the writer so that it can
//! read a list of occurrences instead, once the schedule provides one, without touching the
//! package format.
//!
//! Identities (what an identifier hashes, never a time, so moving a sitting keeps them): a
//! live occurrence is (sitting key, week), the sitting key being the id of its first activity
//! in file order, `.n` for section n, `~` before it for a searched sitting and `.repeat` after
//! it for a repeat; an exam's key is its id and `.n`; a due item is (activity id, week). Each
//! hash also covers the offering's identity (`[course] id`, else title, start and zone), so
//! two offerings imported into one Canvas course never collide.

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

use super::{
    Assignment, CanvasCourse, Event, Identifier, ModuleContent, ModuleItem, SchedulePage,
    WeekModule,
};
use crate::Recommendation;
use crate::course::{Activity, Course, Mode, TimeOfDay, Weekday};
use crate::render::{activity_name, sanitize::sanitize};
use crate::schedule::{Schedule, Sitting};

/// Most assignments and events one package holds: a mixplan limit that keeps an export of any
/// course the loader accepts within seconds and well under 1 GiB (49,920 assignments take
/// 1.7 s and 250 MiB). No real course comes near it: a 104-week course with 100 weekly
/// self-paced activities has 10,400.
pub const MAX_PACKAGE_ITEMS: usize = 50_000;

/// Why no package could be written.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExportError {
    /// Real dates are needed, as for calendars.
    #[error(
        "`export canvas` needs real dates, but [course] has no `start`; add e.g. `start = 2027-01-11` (the first day of week 1) to [course]"
    )]
    NoStart,
    /// More than [`MAX_PACKAGE_ITEMS`] assignments and events.
    #[error(
        "the Canvas package would hold {assignments} assignments and {events} calendar events, more than the {limit} items one package holds; export a shorter course or fewer recurring activities"
    )]
    TooMany {
        /// Due items.
        assignments: usize,
        /// Live meetings.
        events: usize,
        /// [`MAX_PACKAGE_ITEMS`].
        limit: usize,
    },
}

/// Fill the package model from a planned course; it needs `start`, and at most
/// [`MAX_PACKAGE_ITEMS`] assignments and events, counted before anything is built.
pub fn from_recommendation(rec: &Recommendation) -> Result<CanvasCourse, ExportError> {
    let course = &rec.course;
    let start = course.meta.start.ok_or(ExportError::NoStart)?;
    let (assignments, events) = item_counts(rec);
    if assignments + events > MAX_PACKAGE_ITEMS {
        return Err(ExportError::TooMany {
            assignments,
            events,
            limit: MAX_PACKAGE_ITEMS,
        });
    }
    let ids = Ids {
        offering: offering_identity(course, start),
    };
    let tz = crate::course::zones::resolve(&course.meta.timezone).unwrap_or(TimeZone::UTC);
    let occurrences = occurrences(course, &rec.schedule, &tz, &ids);
    let dues = due_items(rec, &ids);
    let weeks = week_modules(course, &rec.schedule, &occurrences, &dues, &ids);
    let events = occurrences.into_iter().map(|o| o.event).collect();
    Ok(CanvasCourse {
        identity: ids.id("course", &[]),
        title: sanitize(&course.meta.title).into_owned(),
        timezone: course.meta.timezone.clone(),
        weeks,
        events,
        assignments: dues.into_iter().map(|d| d.assignment).collect(),
        schedule_page: SchedulePage {
            id: ids.id("page", &["mixplan-schedule"]),
            title: "Schedule".into(),
            html: crate::render::html::page(rec, crate::render::html::Shape::Fragment),
        },
    })
}

/// How many assignments and events the package would hold: due items with an instant, and
/// each sitting's meetings times its slots (a searched sitting meets at its repeat too).
pub fn item_counts(rec: &Recommendation) -> (usize, usize) {
    let schedule = &rec.schedule;
    let assignments = schedule
        .weeks
        .iter()
        .flat_map(|w| &w.items)
        .filter(|i| i.mode == Mode::Async && i.due.as_ref().is_some_and(|d| d.at.is_some()))
        .count();
    let slots = |index: usize| {
        let sitting = &schedule.sittings[index];
        if !sitting.fixed && sitting.id == "live" {
            schedule.live_slots.len()
        } else {
            1
        }
    };
    let events = schedule
        .weeks
        .iter()
        .flat_map(|w| &w.sittings)
        .map(|h| slots(h.sitting))
        .sum();
    (assignments, events)
}

/// The offering's identity, as the calendar's UIDs hash it: `[course] id` when given, else
/// title, start and zone together.
fn offering_identity(course: &Course, start: Date) -> String {
    match &course.meta.id {
        Some(id) => format!("id\u{1f}{id}"),
        None => format!(
            "title\u{1f}{}\u{1f}{start}\u{1f}{}",
            course.meta.title, course.meta.timezone
        ),
    }
}

/// Identifiers of one offering.
struct Ids {
    offering: String,
}

impl Ids {
    /// `m` + FNV-1a over (offering, kind, identity parts) + kind.
    fn id(&self, kind: &str, parts: &[&str]) -> Identifier {
        let mut all = vec![self.offering.as_str(), kind];
        all.extend_from_slice(parts);
        Identifier::new(crate::render::fnv1a(all.join("\u{1f}").as_bytes()), kind)
    }
}

/// One meeting of a sitting in one week, with the event that shows it.
struct Occurrence {
    week: u32,
    /// Position of its sitting (and slot), to order meetings that start together.
    order: (usize, usize),
    /// The module header's identifier.
    header_id: Identifier,
    /// The header's text.
    header: String,
    event: Event,
}

/// How a sitting is met: its key, kind, day and time, and how its events are titled.
struct Meeting<'a> {
    index: usize,
    slot: usize,
    sitting: &'a Sitting,
    key: String,
    kind: &'static str,
    day: Weekday,
    time: TimeOfDay,
    label: Option<String>,
}

/// Every meeting of every sitting, held or cancelled, in start order. A searched sitting
/// meets at each of its slots (the main one and its repeat), as the calendar writes it.
fn occurrences(course: &Course, schedule: &Schedule, tz: &TimeZone, ids: &Ids) -> Vec<Occurrence> {
    let mut out = Vec::new();
    for (index, sitting) in schedule.sittings.iter().enumerate() {
        for meeting in meetings(course, schedule, index, sitting) {
            out.extend(meeting_occurrences(course, schedule, &meeting, tz, ids));
        }
    }
    out.sort_by_key(|a| (a.event.start, a.order));
    out
}

fn meetings<'a>(
    course: &Course,
    schedule: &'a Schedule,
    index: usize,
    sitting: &'a Sitting,
) -> Vec<Meeting<'a>> {
    let first = sitting
        .activities
        .first()
        .map_or(sitting.id.as_str(), |&i| course.activities[i].id.as_str());
    if !sitting.fixed && sitting.id == "live" {
        return schedule
            .live_slots
            .iter()
            .enumerate()
            .map(|(slot, live)| Meeting {
                index,
                slot,
                sitting,
                key: if live.repeat {
                    format!("~{first}.repeat")
                } else {
                    format!("~{first}")
                },
                kind: if live.repeat { "repeat" } else { "sitting" },
                day: live.day,
                time: live.time,
                label: live.repeat.then(|| "repeat".to_string()),
            })
            .collect();
    }
    let section = sitting.section.map(|(n, _)| n);
    let (key, kind) = if sitting.exam {
        (format!("{first}.{}", section.unwrap_or(1)), "exam")
    } else if !sitting.fixed {
        (format!("~{first}"), "sitting")
    } else {
        match section {
            Some(n) => (format!("{first}.{n}"), "sitting"),
            None => (first.to_string(), "sitting"),
        }
    };
    let label = match (sitting.section, sitting.optional) {
        (Some((n, of)), _) => Some(format!("section {n} of {of}")),
        (None, true) => Some("optional".to_string()),
        (None, false) => None,
    };
    vec![Meeting {
        index,
        slot: 0,
        sitting,
        key,
        kind,
        day: sitting.day,
        time: sitting.time,
        label,
    }]
}

fn meeting_occurrences(
    course: &Course,
    schedule: &Schedule,
    meeting: &Meeting<'_>,
    tz: &TimeZone,
    ids: &Ids,
) -> Vec<Occurrence> {
    let mut out = Vec::new();
    for week in &schedule.weeks {
        let Some(held) = week.sittings.iter().find(|h| h.sitting == meeting.index) else {
            continue;
        };
        let date = match meeting.sitting.date {
            Some(date) => Some(date),
            None => course.meta.date_of(week.week, meeting.day),
        };
        let Some(start) = date.and_then(|d| instant(d, meeting.time, tz)) else {
            continue;
        };
        let end = start
            .checked_add(SignedDuration::from_mins(i64::from(held.minutes)))
            .unwrap_or(start);
        let week_text = week.week.to_string();
        let identity = [meeting.key.as_str(), week_text.as_str()];
        let names: Vec<String> = held
            .activities
            .iter()
            .map(|&i| activity_name(&course.activities[i]).into_owned())
            .collect();
        let mut what = names.join(" + ");
        if let Some(label) = &meeting.label {
            what = format!("{what} ({label})");
        }
        let cancelled = held.cancelled.then(|| "holiday".to_string());
        let title = format!("{}: {what}", sanitize(&course.meta.title));
        let local = start.to_zoned_datetime(tz.clone());
        let when = crate::render::wall_clock(&local, "%a %Y-%m-%d %H:%M");
        let header = match &cancelled {
            Some(reason) => format!("Cancelled ({reason}): {what}, {when}"),
            None => format!("Live: {what}, {when}"),
        };
        out.push(Occurrence {
            week: week.week,
            order: (meeting.index, meeting.slot),
            header_id: ids.id(&format!("{}-header", meeting.kind), &identity),
            header,
            event: Event {
                id: ids.id(meeting.kind, &identity),
                title: match &cancelled {
                    Some(_) => format!("Cancelled: {title}"),
                    None => title,
                },
                description: describe(course, held.activities.as_slice(), held.minutes, &when),
                location: place(course, &held.activities, |a| a.location.as_ref())
                    .or(course.meta.location.as_ref())
                    .map(|l| sanitize(l).into_owned()),
                url: place(course, &held.activities, |a| a.url.as_ref())
                    .or(course.meta.url.as_ref())
                    .map(|u| sanitize(u).into_owned()),
                start,
                end,
                cancelled,
            },
        });
    }
    out
}

/// The instant a local date and time happens in `tz` (jiff's "compatible" reading of a time
/// that a clock change skips or repeats, as the calendar's clients read it).
fn instant(date: Date, time: TimeOfDay, tz: &TimeZone) -> Option<Timestamp> {
    let local: DateTime = date.at(time.hour() as i8, time.minute() as i8, 0, 0);
    local
        .to_zoned_datetime(tz.clone())
        .ok()
        .map(|z| z.timestamp())
}

/// When and what meets, and the route for students who cannot attend (no head counts: the
/// description is for students).
fn describe(course: &Course, activities: &[usize], minutes: u32, when: &str) -> String {
    let list = || activities.iter().map(|&i| &course.activities[i]);
    let mut lines = vec![format!("{when}, {minutes} min.")];
    for a in list() {
        let note = match (a.is_exam(), a.recorded) {
            (true, _) => "exam",
            (false, true) => "recorded",
            (false, false) => "not recorded",
        };
        lines.push(format!("{} ({} min, {note})", activity_name(a), a.minutes));
    }
    let optional = list().all(|a| a.optional);
    let recorded = list().all(|a| a.recorded && !a.is_exam());
    if !optional && recorded {
        lines.push(format!(
            "Cannot attend? Watch the recording and post a written response by 23:59 your time, {} days after the session.",
            crate::schedule::ALTERNATIVE_DAYS
        ));
    }
    lines.join("\n")
}

/// What every activity meeting here gives for `field`, when they all give the same.
fn place<'a>(
    course: &'a Course,
    activities: &[usize],
    field: impl Fn(&'a Activity) -> Option<&'a String>,
) -> Option<&'a String> {
    shared(activities.iter().map(|&i| field(&course.activities[i]))).flatten()
}

/// The one value every item shares, if they all share one (and there is at least one).
fn shared<T: PartialEq>(mut items: impl Iterator<Item = T>) -> Option<T> {
    let first = items.next()?;
    items.all(|x| x == first).then_some(first)
}

/// One due item with its assignment.
struct DueItem {
    week: u32,
    item_id: Identifier,
    assignment: Assignment,
}

/// Every self-paced item with a due instant, in due order (then file order).
fn due_items(rec: &Recommendation, ids: &Ids) -> Vec<DueItem> {
    let course = &rec.course;
    let mut out = Vec::new();
    for week in &rec.schedule.weeks {
        for item in week.items.iter().filter(|i| i.mode == Mode::Async) {
            let Some(at) = item.due.as_ref().and_then(|d| d.at.as_ref()) else {
                continue;
            };
            let activity = &course.activities[item.activity];
            let week_text = week.week.to_string();
            let identity = [activity.id.as_str(), week_text.as_str()];
            let occurrences = rec
                .plan
                .decisions
                .get(item.activity)
                .map_or(1, |d| d.weeks.len());
            out.push(DueItem {
                week: week.week,
                item_id: ids.id("due-item", &identity),
                assignment: Assignment {
                    id: ids.id("due", &identity),
                    title: format!("{} (week {})", activity_name(activity), week.week),
                    kind: activity.kind,
                    week: week.week,
                    description: assignment_text(activity, at, occurrences),
                    url: activity
                        .url
                        .as_ref()
                        .or(course.meta.url.as_ref())
                        .map(|u| sanitize(u).into_owned()),
                    due_at: at.timestamp(),
                },
            });
        }
    }
    out.sort_by_key(|d| (d.assignment.due_at, d.week));
    out
}

fn assignment_text(
    activity: &Activity,
    at: &jiff::ZonedDateTime,
    occurrences: usize,
) -> Vec<String> {
    let mut text = vec![format!(
        "Self-paced {}, about {} min. Due {}.",
        activity.kind.as_str(),
        activity.minutes,
        crate::render::wall_clock(at, "%a %Y-%m-%d %H:%M")
    )];
    if let Some(basis) = crate::render::workload::basis(activity, occurrences) {
        text.push(format!("Estimate: {}", sanitize(&basis)));
    }
    text
}

/// One module per course week: a header per live occurrence, then the week's assignments in
/// due order; "No class" in a break week.
fn week_modules(
    course: &Course,
    schedule: &Schedule,
    occurrences: &[Occurrence],
    dues: &[DueItem],
    ids: &Ids,
) -> Vec<WeekModule> {
    schedule
        .weeks
        .iter()
        .map(|week| {
            let w = week.week;
            let week_text = w.to_string();
            let mut items: Vec<ModuleItem> = Vec::new();
            if course.meta.breaks.contains(&w) {
                items.push(ModuleItem {
                    id: ids.id("break", &[&week_text]),
                    content: ModuleContent::Header("No class".into()),
                });
            }
            items.extend(
                occurrences
                    .iter()
                    .filter(|o| o.week == w)
                    .map(|o| ModuleItem {
                        id: o.header_id.clone(),
                        content: ModuleContent::Header(o.header.clone()),
                    }),
            );
            items.extend(dues.iter().filter(|d| d.week == w).map(|d| ModuleItem {
                id: d.item_id.clone(),
                content: ModuleContent::Assignment {
                    assignment: d.assignment.id.clone(),
                    title: d.assignment.title.clone(),
                },
            }));
            // Week 1 may open before `start`: it is shown from the first day anything happens.
            let first = match (week.start, course.meta.start) {
                (Some(s), Some(start)) => Some(s.max(start)),
                (s, _) => s,
            };
            let title = match first {
                Some(date) => format!("Week {w} ({})", date.strftime("%a %Y-%m-%d")),
                None => format!("Week {w}"),
            };
            WeekModule {
                id: ids.id("week", &[&week_text]),
                week: w,
                title,
                items,
            }
        })
        .collect()
}
