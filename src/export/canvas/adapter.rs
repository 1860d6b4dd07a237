//! The one place that reads the plan for the Canvas package: it fills [`CanvasCourse`] from a
//! [`Recommendation`]'s occurrence list and due items, the same data the `schedule --ics`
//! calendar is written from, so every instant in the package equals the calendar's.
//!
//! Identifiers carry the same 16 hex digits as the calendar's UIDs
//! ([`crate::schedule::occurrences::identity_hash`]): a live occurrence's identity is
//! (sitting key, week), a due item's (activity id, week), and each hash also covers the
//! offering's identity (`[course] id`, else title, start and zone), so moving a sitting keeps
//! every identifier and two offerings imported into one Canvas course never collide.

use super::{
    Assignment, CanvasCourse, Event, Identifier, ModuleContent, ModuleItem, SchedulePage,
    WeekModule,
};
use crate::Recommendation;
use crate::course::{Activity, Course, Mode};
use crate::render::{activity_name, sanitize::sanitize};
use crate::schedule::Schedule;

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
    course.meta.start.ok_or(ExportError::NoStart)?;
    let (assignments, events) = item_counts(rec);
    if assignments + events > MAX_PACKAGE_ITEMS {
        return Err(ExportError::TooMany {
            assignments,
            events,
            limit: MAX_PACKAGE_ITEMS,
        });
    }
    let ids = Ids { course };
    let occurrences = occurrences(rec, &ids);
    let dues = due_items(rec, &ids);
    let weeks = week_modules(course, &rec.schedule, &occurrences, &dues, &ids);
    let events = occurrences.into_iter().map(|o| o.event).collect();
    Ok(CanvasCourse {
        identity: ids.id("course", ""),
        title: sanitize(&course.meta.title).into_owned(),
        timezone: course.meta.timezone.clone(),
        weeks,
        events,
        assignments: dues.into_iter().map(|d| d.assignment).collect(),
        schedule_page: SchedulePage {
            id: ids.id("page", "mixplan-schedule"),
            title: "Schedule".into(),
            html: crate::render::html::page(rec, crate::render::html::Shape::Fragment),
        },
    })
}

/// How many assignments and events the package would hold: due items with an instant, and
/// every dated meeting (held or cancelled).
pub fn item_counts(rec: &Recommendation) -> (usize, usize) {
    let assignments = rec
        .schedule
        .weeks
        .iter()
        .flat_map(|w| &w.items)
        .filter(|i| i.mode == Mode::Async && i.due.as_ref().is_some_and(|d| d.at.is_some()))
        .count();
    let events = rec
        .occurrences
        .list
        .iter()
        .filter(|o| o.start.is_some())
        .count();
    (assignments, events)
}

/// Identifiers of one offering.
struct Ids<'a> {
    course: &'a Course,
}

impl Ids<'_> {
    /// `m` + the hash of (offering, kind, identity), as in the calendar's UIDs, + kind.
    fn id(&self, kind: &str, identity: &str) -> Identifier {
        Identifier::new(
            crate::schedule::occurrences::identity_hash(self.course, kind, identity),
            kind,
        )
    }
}

/// One meeting of a sitting in one week, with the event that shows it.
struct Occurrence {
    week: u32,
    /// The module header's identifier.
    header_id: Identifier,
    /// The header's text.
    header: String,
    event: Event,
}

/// Every dated meeting, held or cancelled, in the occurrence list's order (start instant,
/// then sitting).
fn occurrences(rec: &Recommendation, ids: &Ids<'_>) -> Vec<Occurrence> {
    let course = &rec.course;
    let list = &rec.occurrences;
    list.list
        .iter()
        .filter_map(|occ| {
            let (start, end) = (occ.start.as_ref()?, occ.end.as_ref()?);
            let sitting = &list.sittings[occ.sitting];
            let base = &rec.schedule.sittings[sitting.base];
            let label = if sitting.repeat_of.is_some() {
                Some("repeat".to_string())
            } else {
                match (base.section, base.optional) {
                    (Some((n, of)), _) => Some(format!("section {n} of {of}")),
                    (None, true) => Some("optional".to_string()),
                    (None, false) => None,
                }
            };
            let names: Vec<String> = occ
                .activities
                .iter()
                .map(|&i| activity_name(&course.activities[i]).into_owned())
                .collect();
            let mut what = names.join(" + ");
            if let Some(label) = &label {
                what = format!("{what} ({label})");
            }
            let cancelled = occ.cancelled.map(|c| c.as_str().to_string());
            let title = format!("{}: {what}", sanitize(&course.meta.title));
            let when = crate::render::wall_clock(start, "%a %Y-%m-%d %H:%M");
            let header = match &cancelled {
                Some(reason) => format!("Cancelled ({reason}): {what}, {when}"),
                None => format!("Live: {what}, {when}"),
            };
            let kind = occ.kind.as_str();
            Some(Occurrence {
                week: occ.week,
                header_id: ids.id(&format!("{kind}-header"), &occ.identity),
                header,
                event: Event {
                    id: ids.id(kind, &occ.identity),
                    title: match &cancelled {
                        Some(_) => format!("Cancelled: {title}"),
                        None => title,
                    },
                    description: describe(course, &occ.activities, occ.minutes, &when),
                    location: occ.location.as_ref().map(|l| sanitize(l).into_owned()),
                    url: occ.url.as_ref().map(|u| sanitize(u).into_owned()),
                    start: start.timestamp(),
                    end: end.timestamp(),
                    cancelled,
                },
            })
        })
        .collect()
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

/// One due item with its assignment.
struct DueItem {
    week: u32,
    item_id: Identifier,
    assignment: Assignment,
}

/// Every self-paced item with a due instant, in due order (then file order).
fn due_items(rec: &Recommendation, ids: &Ids<'_>) -> Vec<DueItem> {
    let course = &rec.course;
    let mut out = Vec::new();
    for week in &rec.schedule.weeks {
        for item in week.items.iter().filter(|i| i.mode == Mode::Async) {
            let Some(at) = item.due.as_ref().and_then(|d| d.at.as_ref()) else {
                continue;
            };
            let activity = &course.activities[item.activity];
            // Pre-work listed a week early belongs to the week of the meeting it prepares.
            let belongs = item.for_week.unwrap_or(week.week);
            let identity =
                crate::schedule::occurrences::due_identity(course, item.activity, belongs);
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
                    title: format!("{} (week {belongs})", activity_name(activity)),
                    kind: activity.kind,
                    week: week.week,
                    description: assignment_text(
                        activity,
                        assignment_minutes(rec, item.activity, belongs),
                        at,
                        occurrences,
                    ),
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

/// The minutes one assignment stands for: the whole deliverable's for `deliver = "last"`
/// (its only assignment, worked on over every week), the week's share for `per = "total"`
/// handed in each week, else the activity's minutes.
fn assignment_minutes(rec: &Recommendation, index: usize, week: u32) -> AssignmentMinutes {
    let activity = &rec.course.activities[index];
    if activity.deliver == crate::course::Deliver::Last {
        let weeks = &rec.plan.decisions[index].weeks;
        let total = weeks
            .iter()
            .map(|&w| crate::render::week_minutes(rec, index, w))
            .sum();
        AssignmentMinutes {
            minutes: total,
            over_weeks: weeks.len(),
        }
    } else {
        AssignmentMinutes {
            minutes: crate::render::week_minutes(rec, index, week),
            over_weeks: 1,
        }
    }
}

/// Minutes of work an assignment stands for, and over how many weeks.
struct AssignmentMinutes {
    minutes: u64,
    over_weeks: usize,
}

/// An assignment's description: its kind, the minutes it stands for, the due time and the
/// estimate's basis.
fn assignment_text(
    activity: &Activity,
    work: AssignmentMinutes,
    at: &jiff::ZonedDateTime,
    occurrences: usize,
) -> Vec<String> {
    let minutes = work.minutes;
    let span = if work.over_weeks > 1 {
        format!(" in all, over {} weeks", work.over_weeks)
    } else {
        String::new()
    };
    let mut text = vec![format!(
        "Self-paced {}, about {minutes} min{span}. Due {}.",
        activity.kind.as_str(),
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
    ids: &Ids<'_>,
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
                    id: ids.id("break", &week_text),
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
                id: ids.id("week", &week_text),
                week: w,
                title,
                items,
            }
        })
        .collect()
}
