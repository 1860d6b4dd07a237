//! The weekly schedule: when each activity happens, when self-paced work is due, and how each
//! live session is cut into focused segments.

mod build;
pub mod occurrences;
pub mod prework;
pub mod sittings;
pub mod units;
pub use crate::availability::slots;
pub use build::{build, build_with};

use std::sync::Arc;

use jiff::civil::Date;

use crate::course::{Course, Mode, TimeOfDay, Weekday};
use crate::engine::Plan;
pub use occurrences::{Occurrence, OccurrenceKind, Occurrences};
pub use prework::ShortWindow;
pub use sittings::{Repeat, Sitting, WeekSitting};
pub use slots::{LiveSlot, LocalShift, LocalTime, Uncovered, WeekCoverage, WeekRef};
pub use units::{Unit, UnitKind};

/// Longest focus segment of a live session, in minutes (the seed's 25/5 rhythm).
pub const FOCUS_MINUTES: u32 = crate::engine::sittings::FOCUS_MINUTES;
/// Break between focus segments, in minutes.
pub const BREAK_MINUTES: u32 = crate::engine::sittings::BREAK_MINUTES;
/// Live sessions up to this length run without breaks.
pub const SEGMENT_ABOVE_MINUTES: u32 = crate::engine::sittings::FOCUS_LIMIT_MINUTES;
/// Time of day self-paced work is due at the end of a week.
pub const END_OF_WEEK_DUE: TimeOfDay = TimeOfDay {
    minutes: 23 * 60 + 59,
};
/// Students no live slot reaches post their response to the recording by 23:59 local time,
/// this many days after the session ends in their zone.
pub const ALTERNATIVE_DAYS: i64 = 2;

/// The whole schedule.
#[derive(Clone, Debug)]
pub struct Schedule {
    /// Live slots: the main searched sitting first, then its repeat.
    pub live_slots: Vec<LiveSlot>,
    /// Students neither the main sitting nor its repeat reaches, who take the
    /// recording-plus-response route.
    pub uncovered: Vec<Uncovered>,
    /// Every sitting: fixed ones in file order, then the searched ones.
    pub sittings: Vec<Sitting>,
    /// The units coverage is judged on: a searched sitting with its repeat, an activity with
    /// all its sections, a dated one-off, an exam with its sections.
    pub units: Vec<Unit>,
    /// Per sitting (index into `sittings`): the index of its unit in `units`.
    pub unit_of: Vec<usize>,
    /// One entry per course week.
    pub weeks: Vec<Week>,
    /// Pre-work left with less than `prework_hours` before the meeting it prepares.
    pub short_prework: Vec<ShortWindow>,
}

/// Whether week `week`'s occurrence of activity `index` is work towards a deliverable due
/// later (`deliver = "last"`): only the last occurrence is due; the earlier ones are listed
/// with no due time and still count in the workload.
pub fn works_towards_last(course: &Course, plan: &Plan, index: usize, week: u32) -> bool {
    course.activities[index].deliver == crate::course::Deliver::Last
        && plan.decisions[index].mode == Mode::Async
        && plan.decisions[index]
            .weeks
            .last()
            .is_some_and(|&last| week < last)
}

/// One course week.
#[derive(Clone, Debug)]
pub struct Week {
    /// 1-based week number.
    pub week: u32,
    /// First day of the week, when the course has a start date.
    pub start: Option<Date>,
    /// Every occurrence in this week, in the order students meet them.
    pub items: Vec<Item>,
    /// The week's searched live session (required work), if any.
    pub live_session: Option<LiveSession>,
    /// Every sitting held (or cancelled) this week, in date and time order.
    pub sittings: Vec<WeekSitting>,
    /// Students who cannot attend any live slot this week: the recording-plus-response route.
    pub alternatives: Vec<Alternative>,
}

/// Students who cannot attend this week's live session, and when their response is due.
#[derive(Clone, Debug)]
pub struct Alternative {
    /// Their IANA zone.
    pub zone: String,
    /// How many they are.
    pub count: u32,
    /// When their written response to the recording is due, in their zone (with a start date).
    pub due: Option<jiff::ZonedDateTime>,
    /// Index of the sitting they miss, into [`Schedule::sittings`].
    pub sitting: Option<usize>,
    /// Whether that sitting is recorded (else the response alone is their route).
    pub recorded: bool,
}

/// A due instant shown in one student zone.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalDue {
    /// IANA zone.
    pub zone: String,
    /// The same instant in that zone.
    pub at: jiff::ZonedDateTime,
}

/// One occurrence of an activity in a week.
#[derive(Clone, Debug)]
pub struct Item {
    /// Index into [`Course::activities`].
    pub activity: usize,
    /// Mode of this occurrence.
    pub mode: Mode,
    /// For self-paced work: when it is due (shared by the week's items that fall due together).
    pub due: Option<Arc<Due>>,
    /// For self-paced work under `flipped`: due before the week's live session.
    pub before_live: bool,
    /// For live work: whether it is recorded.
    pub recorded: Option<bool>,
    /// For live work: the activity alone cut into focus segments and breaks (shared by every
    /// occurrence of the activity; empty for self-paced work).
    pub segments: Arc<[Segment]>,
    /// For live work: index of the sitting it meets in (the first section for sections).
    /// `None` only when no time could be found for it: the allowed days are full (see
    /// [`Schedule::unplaced`]).
    pub sitting: Option<usize>,
    /// For live work: its sitting is cancelled this week (a holiday).
    pub cancelled: bool,
    /// For pre-work listed in an earlier week: the week of the meeting it prepares.
    pub for_week: Option<u32>,
}

/// A point in time something is due, in the organizer's zone.
#[derive(Clone, Debug, PartialEq)]
pub struct Due {
    /// Weekday.
    pub day: Weekday,
    /// Local time of day in the organizer's zone.
    pub time: TimeOfDay,
    /// The exact instant, when the course has a start date.
    pub at: Option<jiff::ZonedDateTime>,
    /// The same instant in every other student zone (empty without a start date).
    pub local: Vec<LocalDue>,
    /// The zone the time is read in, as written (`AoE` stays `AoE`).
    pub timezone: String,
}

/// What a live-session segment is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentKind {
    /// Focused work on one activity.
    Focus,
    /// A short break.
    Break,
}

impl SegmentKind {
    /// `focus` or `break`.
    pub fn as_str(self) -> &'static str {
        match self {
            SegmentKind::Focus => "focus",
            SegmentKind::Break => "break",
        }
    }
}

/// A slice of a live session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Focus or break.
    pub kind: SegmentKind,
    /// Length in minutes.
    pub minutes: u32,
    /// For focus segments: index of the activity worked on.
    pub activity: Option<usize>,
}

/// A week's live session: every live activity of the week, interleaved.
#[derive(Clone, Debug)]
pub struct LiveSession {
    /// Total length including breaks.
    pub minutes: u32,
    /// Segments in order; consecutive focus segments alternate activities where there are
    /// several (shared by the weeks whose sessions hold the same work).
    pub segments: Arc<[Segment]>,
}

impl Schedule {
    /// Live work no time could be found for, as (week, activity index): the allowed days and
    /// the live window leave no room clear of the other sittings.
    pub fn unplaced(&self) -> impl Iterator<Item = (u32, usize)> + '_ {
        self.weeks.iter().flat_map(|w| {
            w.items
                .iter()
                .filter(|i| i.mode == Mode::Sync && i.sitting.is_none())
                .map(|i| (w.week, i.activity))
        })
    }

    /// The band's measure on the weeks as scheduled: the mean over `teaching_weeks` of each
    /// week's [`Schedule::week_sitting_minutes`] (the first section that meets counted, dates
    /// a holiday cancels left out).
    pub fn sitting_minutes_per_week(&self, teaching_weeks: usize) -> f64 {
        let total: u64 = self
            .weeks
            .iter()
            .map(|week| u64::from(self.week_sitting_minutes(week)))
            .sum();
        total as f64 / teaching_weeks.max(1) as f64
    }

    /// Mean minutes per teaching week of required, non-exam sittings met in a room
    /// (`in_person`), held dates only: what a hybrid course meets outside the online band.
    pub fn in_person_minutes_per_week(&self, teaching_weeks: usize) -> f64 {
        let total: u64 = self
            .weeks
            .iter()
            .flat_map(|week| &week.sittings)
            .filter(|held| {
                let sitting = &self.sittings[held.sitting];
                sitting.in_person
                    && !held.cancelled
                    && !sitting.optional
                    && !sitting.exam
                    && sitting.section.is_none_or(|(n, _)| n == 1)
            })
            .map(|held| u64::from(held.minutes))
            .sum();
        total as f64 / teaching_weeks.max(1) as f64
    }

    /// One week's band measure: its required, non-exam, online sitting minutes, breaks included,
    /// the first section that meets counted for an activity with sections; repeats, optional
    /// sittings and cancelled dates left out.
    pub fn week_sitting_minutes(&self, week: &Week) -> u32 {
        let mut sectioned: Vec<usize> = Vec::new();
        week.sittings
            .iter()
            .filter(|held| {
                let sitting = &self.sittings[held.sitting];
                // In a hybrid course the band measures the online sittings: a room is not one.
                if held.cancelled || sitting.optional || sitting.exam || sitting.in_person {
                    return false;
                }
                match (sitting.section, sitting.activities.first()) {
                    (Some(_), Some(&a)) if sectioned.contains(&a) => false,
                    (Some(_), Some(&a)) => {
                        sectioned.push(a);
                        true
                    }
                    _ => true,
                }
            })
            .map(|held| held.minutes)
            .sum()
    }

    /// Students an activity's live sittings reach: with sections, a student is covered when at
    /// least one section fits, so only zones every section excludes count against it. `None`
    /// for an activity with no sitting.
    pub fn activity_students_covered(&self, course: &Course, activity: usize) -> Option<u32> {
        let sittings: Vec<&Sitting> = self
            .sittings
            .iter()
            .filter(|s| s.activities.contains(&activity))
            .collect();
        let first = sittings.first()?;
        let missed: u32 = first
            .excluded
            .iter()
            .map(|(zone, count)| {
                sittings.iter().fold(*count, |left, s| {
                    let here = s
                        .excluded
                        .iter()
                        .find(|(z, _)| z == zone)
                        .map_or(0, |(_, c)| *c);
                    left.min(here)
                })
            })
            .sum();
        Some(course.students.count.saturating_sub(missed))
    }
}

/// When work due on `day` at `time` in course week `week` is due. The date comes from the
/// week grid and the time is read in the due zone; a date before `start` moves to week 1's
/// last day; a holiday moves it, at the same time, to the next date of the same week that is
/// not a holiday, else the previous one; in a week whose every date is a holiday, to the first
/// later date that is not one.
pub fn due_in_week(course: &Course, week: u32, day: Weekday, time: TimeOfDay) -> Due {
    DueZones::new(course).due_in_week(course, &WeekDates::new(course), week, day, time)
}

/// Each course week's first day (with a start date), worked out once per schedule: every
/// sitting's and due time's date is read from it, week by week.
pub(super) struct WeekDates<'c> {
    meta: &'c crate::course::CourseMeta,
    /// Entry `w - 1`: the first day of week `w`.
    starts: Vec<Option<Date>>,
}

impl<'c> WeekDates<'c> {
    pub(super) fn new(course: &'c Course) -> Self {
        let meta = &course.meta;
        WeekDates {
            meta,
            starts: (1..=meta.weeks).map(|w| meta.week_start(w)).collect(),
        }
    }

    /// The first day of course week `week` (1-based): [`crate::course::CourseMeta::week_start`].
    pub(super) fn start(&self, week: u32) -> Option<Date> {
        match (week as usize)
            .checked_sub(1)
            .and_then(|i| self.starts.get(i))
        {
            Some(start) => *start,
            None => self.meta.week_start(week),
        }
    }

    /// The date of `day` in course week `week`: [`crate::course::CourseMeta::date_of`].
    pub(super) fn date_of(&self, week: u32, day: Weekday) -> Option<Date> {
        let days = self.meta.days_into_week(day);
        // Whole days as a duration, as the course model adds them.
        self.start(week)?
            .checked_add(jiff::SignedDuration::from_secs(days * 86_400))
            .ok()
    }
}

/// The date work due on `day` in course week `week` falls on (see [`due_in_week`]).
fn due_date(course: &Course, dates: &WeekDates<'_>, week: u32, day: Weekday) -> Option<Date> {
    let meta = &course.meta;
    dates.date_of(week, day).map(|date| {
        let mut date = date;
        if let Some(start) = meta.start
            && date < start
            && let Some(first) = meta.first_day()
        {
            date = first.checked_add(jiff::Span::new().days(6)).unwrap_or(date);
        }
        if meta.is_holiday(date) && meta.is_holiday_week(week) {
            // A week of holidays: the first later date that is not one, never earlier
            // (`holiday-week`); the item stays listed and counted in its own week.
            if let Some(moved) = (1..=400)
                .filter_map(|k| date.checked_add(jiff::Span::new().days(k)).ok())
                .find(|d| !meta.is_holiday(*d))
            {
                date = moved;
            }
        } else if meta.is_holiday(date)
            && let Some(week_start) = dates.start(week)
        {
            let in_week = |d: &Date| {
                let days = (*d - week_start).get_days();
                (0..7).contains(&days)
            };
            let later = (1..7)
                .filter_map(|k| date.checked_add(jiff::Span::new().days(k)).ok())
                .take_while(in_week)
                .find(|d| !meta.is_holiday(*d));
            let earlier = (1..7)
                .filter_map(|k| date.checked_sub(jiff::Span::new().days(k)).ok())
                .take_while(in_week)
                .find(|d| !meta.is_holiday(*d) && meta.start.is_none_or(|s| *d >= s));
            if let Some(moved) = later.or(earlier) {
                date = moved;
            }
        }
        date
    })
}

/// The zones a schedule's due times are read and shown in, resolved once per schedule
/// instead of once per due time (a schedule has one or more due times a week).
pub(super) struct DueZones {
    /// The organizer's zone (`timezone`).
    organizer: Option<jiff::tz::TimeZone>,
    /// The zone due times are read in: `due.timezone`, else the organizer's.
    due: Option<jiff::tz::TimeZone>,
    /// The zones each due instant is also shown in: see [`other_zones`].
    pub(super) others: Vec<(String, jiff::tz::TimeZone)>,
}

impl DueZones {
    pub(super) fn new(course: &Course) -> Self {
        let organizer = crate::course::zones::resolve(&course.meta.timezone);
        let due_zone = course.meta.due_zone();
        let due = if due_zone == course.meta.timezone {
            organizer.clone()
        } else {
            crate::course::zones::resolve(due_zone)
        };
        DueZones {
            organizer,
            due,
            others: other_zones(course),
        }
    }

    /// [`due_in_week`], its instant read in the resolved due zone.
    pub(super) fn due_in_week(
        &self,
        course: &Course,
        dates: &WeekDates<'_>,
        week: u32,
        day: Weekday,
        time: TimeOfDay,
    ) -> Due {
        let meta = &course.meta;
        let date = due_date(course, dates, week, day);
        let at = date.and_then(|date| at_time(date, time, self.due.as_ref()?));
        Due {
            day: date.map_or(day, |d| Weekday::from_jiff(d.weekday())),
            time,
            at,
            local: Vec::new(),
            timezone: meta
                .due
                .as_ref()
                .and_then(|d| d.timezone.clone())
                .unwrap_or_else(|| meta.timezone.clone()),
        }
    }

    /// The zone named `name`: one already resolved, else from the database.
    fn zone(&self, course: &Course, name: &str) -> Option<jiff::tz::TimeZone> {
        if name == course.meta.timezone {
            return self.organizer.clone();
        }
        match self.others.iter().find(|(zone, _)| zone == name) {
            Some((_, tz)) => Some(tz.clone()),
            None => crate::course::zones::resolve(name),
        }
    }

    /// `date` at `time` in the organizer's zone.
    pub(super) fn organizer_at(&self, date: Date, time: TimeOfDay) -> Option<jiff::ZonedDateTime> {
        at_time(date, time, self.organizer.as_ref()?)
    }
}

/// `date` at `time` in `tz`.
fn at_time(date: Date, time: TimeOfDay, tz: &jiff::tz::TimeZone) -> Option<jiff::ZonedDateTime> {
    date.at(time.hour() as i8, time.minute() as i8, 0, 0)
        .to_zoned_datetime(tz.clone())
        .ok()
}

/// The weekday on which a course week begins: `week_starts`, else the start date's, else Monday.
pub fn week_first_day(course: &Course) -> Weekday {
    course.meta.week_starts
}

/// Days from the week's first day to `day`, `0..7`.
pub fn days_into_week(course: &Course, day: Weekday) -> i64 {
    course.meta.days_into_week(day)
}

/// The zones due times are also shown in: the organizer's when dues are read in another zone,
/// then the student zones other than the organizer's, in file order.
fn other_zones(course: &Course) -> Vec<(String, jiff::tz::TimeZone)> {
    let mut zones: Vec<(String, jiff::tz::TimeZone)> = Vec::new();
    // Due times read in another zone (AoE) are shown in the organizer's zone too.
    if course.meta.due_zone() != course.meta.timezone
        && let Ok(tz) = jiff::tz::db().get(&course.meta.timezone)
    {
        zones.push((course.meta.timezone.clone(), tz));
    }
    for z in &course.students.zones {
        if z.zone != course.meta.timezone
            && !zones.iter().any(|(name, _)| *name == z.zone)
            && let Some(tz) = crate::course::zones::resolve(&z.zone)
        {
            zones.push((z.zone.clone(), tz));
        }
    }
    zones
}

/// The same instant in every zone other than its own.
fn local_dues(
    at: Option<&jiff::ZonedDateTime>,
    zones: &[(String, jiff::tz::TimeZone)],
) -> Vec<LocalDue> {
    let Some(at) = at else {
        return Vec::new();
    };
    let own = at.time_zone().iana_name();
    zones
        .iter()
        .filter(|(zone, _)| Some(zone.as_str()) != own)
        .map(|(zone, tz)| LocalDue {
            zone: zone.clone(),
            at: at.with_time_zone(tz.clone()),
        })
        .collect()
}

/// The recording-plus-response route for a sitting at `at` (weekday, time, and date for a
/// dated one-off) this week (seed: FAQ "What about students who cannot attend synchronous
/// sessions?"): every group in `uncovered` missed this week, with a response due 23:59 local
/// time two days after the session ends for them.
fn alternatives(
    course: &Course,
    zones: &DueZones,
    week: u32,
    week_start: Option<Date>,
    at: (Weekday, TimeOfDay, Option<Date>),
    minutes: u32,
    uncovered: &[Uncovered],
) -> Vec<Alternative> {
    let (day, time, date) = at;
    // The session's start instant, computed once for every group that misses it.
    let mut session: Option<Option<jiff::ZonedDateTime>> = None;
    let mut session_at = || {
        session
            .get_or_insert_with(|| {
                let on = date.or_else(|| {
                    let start = week_start?;
                    let days = days_into_week(course, day);
                    start.checked_add(jiff::Span::new().days(days)).ok()
                })?;
                zones.organizer_at(on, time)
            })
            .clone()
    };
    uncovered
        .iter()
        // Without a start date the weeks are unknown: the group may miss any of them.
        .filter(|u| u.weeks.contains(&week) || (week_start.is_none() && !u.samples.is_empty()))
        .map(|u| {
            let due = session_at().and_then(|at| {
                let tz = zones.zone(course, &u.zone)?;
                let end = at
                    .checked_add(jiff::Span::new().minutes(i64::from(minutes)))
                    .ok()?
                    .with_time_zone(tz.clone());
                end.date()
                    .checked_add(jiff::Span::new().days(ALTERNATIVE_DAYS))
                    .ok()?
                    .at(23, 59, 0, 0)
                    .to_zoned_datetime(tz)
                    .ok()
            });
            Alternative {
                zone: u.zone.clone(),
                count: u.count,
                due,
                sitting: None,
                recorded: true,
            }
        })
        .collect()
}

/// One activity alone, cut into focus segments with breaks when longer than 30 minutes.
pub fn split(activity: usize, minutes: u32) -> Vec<Segment> {
    interleave(&[(activity, minutes)])
}

/// One week's session of a searched sitting. Optional drop-in work is not cut into segments;
/// an activity with `segmented = false` is one focus block, with a break before it when there
/// was focus since the last break and after it when anything follows.
fn session(course: &Course, live: &[usize]) -> LiveSession {
    let whole = |i: usize| Segment {
        kind: SegmentKind::Focus,
        minutes: course.activities[i].minutes,
        activity: Some(i),
    };
    let pause = Segment {
        kind: SegmentKind::Break,
        minutes: BREAK_MINUTES,
        activity: None,
    };
    let segments: Vec<Segment> = if live.iter().all(|&i| course.activities[i].optional) {
        live.iter().map(|&i| whole(i)).collect()
    } else {
        let mut out: Vec<Segment> = Vec::new();
        let mut run: Vec<(usize, u32)> = Vec::new();
        for &i in live {
            let a = &course.activities[i];
            if a.segmented {
                run.push((i, a.minutes));
                continue;
            }
            out.extend(interleave(&run));
            run.clear();
            if out.last().is_some_and(|s| s.kind == SegmentKind::Focus) {
                out.push(pause.clone());
            }
            out.push(whole(i));
            if live.last() != Some(&i) {
                out.push(pause.clone());
            }
        }
        out.extend(interleave(&run));
        out
    };
    LiveSession {
        minutes: segments.iter().map(|s| s.minutes).sum(),
        segments: segments.into(),
    }
}

/// Cut live work into focus segments and breaks by the sitting rules of
/// [`crate::engine::sittings::segments`]: activities whole and in order, a break only before
/// a segment that would take focus past 30 minutes.
fn interleave(parts: &[(usize, u32)]) -> Vec<Segment> {
    crate::engine::sittings::segments(parts)
        .into_iter()
        .map(|(activity, minutes)| Segment {
            kind: if activity.is_some() {
                SegmentKind::Focus
            } else {
                SegmentKind::Break
            },
            minutes,
            activity,
        })
        .collect()
}

/// Weeks as compact ranges: `1-3, 5, 7-9`.
pub fn format_weeks(weeks: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < weeks.len() {
        let mut j = i;
        while j + 1 < weeks.len() && weeks[j + 1] == weeks[j] + 1 {
            j += 1;
        }
        parts.push(if i == j {
            weeks[i].to_string()
        } else {
            format!("{}-{}", weeks[i], weeks[j])
        });
        i = j + 1;
    }
    parts.join(", ")
}

/// Week numbers as a phrase: "week 8" for one, "weeks 3-8" or "weeks 1, 3" for more.
pub fn weeks_phrase(weeks: &[u32]) -> String {
    match weeks {
        [week] => format!("week {week}"),
        _ => format!("weeks {}", format_weeks(weeks)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Dates read from the week starts worked out once are the course model's own, for every
    /// week and weekday, with and without a start date.
    #[test]
    fn one_week_is_named_in_the_singular() {
        assert_eq!(weeks_phrase(&[8]), "week 8");
        assert_eq!(weeks_phrase(&[3, 4, 5]), "weeks 3-5");
        assert_eq!(weeks_phrase(&[1, 3]), "weeks 1, 3");
    }

    #[test]
    fn week_dates_match_the_course_model() {
        for path in [
            "examples/evening-working-adults.toml",
            "examples/large-lecture.toml",
        ] {
            let text =
                std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
            let with_start = crate::course::parse(&text).unwrap();
            let mut without = with_start.clone();
            without.meta.start = None;
            for course in [&with_start, &without] {
                let dates = WeekDates::new(course);
                for week in 0..=course.meta.weeks + 2 {
                    assert_eq!(dates.start(week), course.meta.week_start(week), "{week}");
                    for &day in Weekday::ALL {
                        assert_eq!(
                            dates.date_of(week, day),
                            course.meta.date_of(week, day),
                            "{path} week {week} {day}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn weeks_print_as_ranges() {
        assert_eq!(format_weeks(&[1, 2, 3, 5, 7, 8]), "1-3, 5, 7-8");
        assert_eq!(format_weeks(&[]), "");
    }

    #[test]
    fn short_sessions_are_not_split() {
        assert_eq!(split(0, 30).len(), 1);
    }

    #[test]
    fn long_sessions_get_25_5_rhythm() {
        let s = split(0, 60);
        let minutes: Vec<u32> = s.iter().map(|s| s.minutes).collect();
        assert_eq!(minutes, vec![20, 5, 20, 5, 20]);
    }

    #[test]
    fn activities_run_whole_in_order() {
        let s = interleave(&[(0, 50), (1, 30)]);
        let focus: Vec<usize> = s.iter().filter_map(|s| s.activity).collect();
        assert_eq!(focus, vec![0, 0, 1]);
        let minutes: Vec<u32> = s.iter().map(|s| s.minutes).collect();
        assert_eq!(minutes, vec![25, 5, 25, 5, 30]);
    }

    /// Regression: a break between every change of activity gave 20 minutes of breaks for
    /// 75 minutes of work.
    #[test]
    fn short_activities_share_a_focus_block() {
        let s = interleave(&[(0, 10), (1, 15), (2, 5), (3, 20), (4, 25)]);
        let minutes: Vec<u32> = s.iter().map(|s| s.minutes).collect();
        assert_eq!(minutes, vec![10, 15, 5, 5, 20, 5, 25]);
        let breaks = s.iter().filter(|s| s.kind == SegmentKind::Break).count();
        assert_eq!(breaks, 2);
    }
}
