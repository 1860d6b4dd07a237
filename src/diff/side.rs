//! One version of a course, reduced to what `diff` compares, keyed by identity.

use std::collections::BTreeMap;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::Recommendation;
use crate::course::{ActivityKind, Mode, TimeOfDay, Weekday};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::RuleId;

/// What `diff` compares of one version of a course. Every map is keyed by identity, so
/// comparison never depends on the order of the file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Side {
    /// Course title.
    pub title: String,
    /// The organizer's zone.
    pub timezone: String,
    /// The first day of teaching, when given.
    pub start: Option<Date>,
    /// Student zones and their head counts, in file order.
    pub zones: Vec<(String, u32)>,
    /// Activities by id.
    pub activities: BTreeMap<String, ActivityFacts>,
    /// The written band, minutes per week.
    pub band: (f64, f64),
    /// The band's mean measure, minutes per week.
    pub band_measure: f64,
    /// Each teaching week's measured live minutes.
    pub week_live: BTreeMap<u32, u32>,
    /// Every meeting by identity (`<sitting key>@<week>`, the calendar's identity without
    /// the course).
    pub meetings: BTreeMap<String, MeetingFacts>,
    /// Every due item by (activity id, week of the occurrence it belongs to).
    pub dues: BTreeMap<(String, u32), DueFacts>,
    /// Students reached per (unit, zone): (reached, in the zone).
    pub coverage: BTreeMap<(String, String), (u32, u32)>,
    /// Minutes of work per week.
    pub workload: WorkloadFacts,
    /// Findings by (rule, subject).
    pub findings: BTreeMap<(RuleId, String), FindingFacts>,
}

/// An activity as `diff` sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct ActivityFacts {
    /// Title (the id when untitled).
    pub title: String,
    /// Kind.
    pub kind: ActivityKind,
    /// Minutes per occurrence.
    pub minutes: u32,
    /// The planned mode.
    pub mode: Mode,
    /// Points of each scoring rule that applied: positive for live, negative for self-paced.
    pub points: BTreeMap<RuleId, f64>,
}

impl ActivityFacts {
    /// Whether `other` (removed) looks like this one (added) under another id: the same title,
    /// or the same kind and length with a closely similar title.
    pub fn looks_like(&self, other: &ActivityFacts) -> bool {
        let (a, b) = (self.title.to_lowercase(), other.title.to_lowercase());
        a == b
            || (self.kind == other.kind
                && self.minutes == other.minutes
                && strsim::jaro_winkler(&a, &b) >= 0.9)
    }
}

/// A point in time: an instant, or without a start date a place in the week grid.
#[derive(Clone, Debug, PartialEq)]
pub enum When {
    /// A real instant, in the organizer's zone.
    At(jiff::ZonedDateTime),
    /// Without `start`: course week, weekday and time in the organizer's zone.
    InWeek {
        /// Course week.
        week: u32,
        /// Weekday.
        day: Weekday,
        /// Time of day.
        time: TimeOfDay,
    },
}

impl When {
    /// Minutes from `earlier` to `self` (absolute time); `None` when one is an instant and
    /// the other a place in the week grid.
    pub fn minutes_since(&self, earlier: &When) -> Option<i64> {
        match (self, earlier) {
            (When::At(a), When::At(b)) => {
                Some((a.timestamp().as_second() - b.timestamp().as_second()).div_euclid(60))
            }
            (When::InWeek { .. }, When::InWeek { .. }) => {
                Some(self.sort_key().1 - earlier.sort_key().1)
            }
            _ => None,
        }
    }

    /// Minutes from `earlier` to `self` on the wall clock of each one's zone: a move by whole
    /// days across a DST change is still whole days.
    pub fn civil_minutes_since(&self, earlier: &When) -> Option<i64> {
        match (self, earlier) {
            (When::At(a), When::At(b)) => Some(civil_minutes(a) - civil_minutes(b)),
            _ => self.minutes_since(earlier),
        }
    }

    /// The date, in the organizer's zone.
    pub fn date(&self) -> Option<Date> {
        match self {
            When::At(at) => Some(at.date()),
            When::InWeek { .. } => None,
        }
    }

    /// Sorts instants before places in the week grid, each in time order.
    pub fn sort_key(&self) -> (u8, i64) {
        match self {
            When::At(at) => (0, at.timestamp().as_second()),
            When::InWeek { week, day, time } => (
                1,
                (i64::from(*week) * 7 + i64::from(day.index())) * 1440 + i64::from(time.minutes),
            ),
        }
    }
}

/// Minutes since the epoch of a wall-clock reading taken as if it were UTC.
fn civil_minutes(at: &jiff::ZonedDateTime) -> i64 {
    at.datetime()
        .to_zoned_datetime(TimeZone::UTC)
        .map_or(0, |z| z.timestamp().as_second().div_euclid(60))
}

/// One meeting of a sitting.
#[derive(Clone, Debug, PartialEq)]
pub struct MeetingFacts {
    /// What meets (activity titles, the section or repeat named).
    pub title: String,
    /// Course week.
    pub week: u32,
    /// Start.
    pub start: When,
    /// Length in minutes, breaks included.
    pub minutes: u32,
    /// Cancelled (a holiday).
    pub cancelled: bool,
    /// Its calendar UID.
    pub uid: String,
}

/// One due item.
#[derive(Clone, Debug, PartialEq)]
pub struct DueFacts {
    /// The activity's title.
    pub title: String,
    /// When it is due.
    pub at: When,
    /// Its calendar UID.
    pub uid: String,
}

/// Workload per week: (minutes, flagged over the target).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WorkloadFacts {
    /// Per course week.
    pub weeks: BTreeMap<u32, (u64, bool)>,
}

/// A finding as `diff` sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct FindingFacts {
    /// Severity (after the file's `[check]` settings).
    pub severity: Severity,
    /// The message.
    pub message: String,
}

/// Load, plan and check one version of a course file: its side, or (when it has input
/// errors) the report to show.
pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Side, crate::diagnostic::FileReport> {
    let (text, loaded) = crate::course::load_bytes(bytes);
    let report = |diagnostics, omitted| crate::diagnostic::FileReport {
        path: name.to_string(),
        text: text.clone().into_owned(),
        diagnostics,
        omitted,
    };
    let Some(course) = loaded.course else {
        return Err(report(loaded.diagnostics, loaded.omitted));
    };
    // The output budget before any planning: a version whose items would print past it is
    // a located `too-many` problem, like any input problem of that version.
    if let Err(refused) = crate::budget::check_output(&course, crate::budget::Output::Diff) {
        return Err(report(vec![*refused], 0));
    }
    // Loaded and planned once: the findings are the planned course's, as `check` reports them.
    let rec = crate::recommend(course);
    let mut findings = crate::check::findings(&rec, &crate::check::Options::default());
    crate::check::sort(&mut findings);
    Ok(from_plan(&rec, &findings))
}

/// Build a side from a planned course and the findings `check` reports for its file.
pub fn from_plan(rec: &Recommendation, findings: &[Diagnostic]) -> Side {
    let course = &rec.course;
    let meta = &course.meta;
    let summary = &rec.plan.summary;
    let workload = rec.workload_cow();
    let mut side = Side {
        title: meta.title.clone(),
        timezone: meta.timezone.clone(),
        start: meta.start,
        zones: if course.students.zones.is_empty() {
            vec![(meta.timezone.clone(), course.students.count)]
        } else {
            course
                .students
                .zones
                .iter()
                .map(|z| (z.zone.clone(), z.count))
                .collect()
        },
        band: summary.band_minutes,
        band_measure: summary.sync_sitting_minutes_per_week,
        ..Side::default()
    };
    for decision in &rec.plan.decisions {
        let activity = &course.activities[decision.index];
        let points = decision
            .reasons
            .iter()
            .filter(|r| r.is_score())
            .map(|r| {
                let sign = if r.favors == Mode::Sync { 1.0 } else { -1.0 };
                (r.rule, sign * r.weight())
            })
            .collect();
        side.activities.insert(
            activity.id.clone(),
            ActivityFacts {
                title: activity.name().to_string(),
                kind: activity.kind,
                minutes: activity.minutes,
                mode: decision.mode,
                points,
            },
        );
    }
    meetings_and_weeks(rec, &mut side);
    dues(rec, &mut side);
    coverage(rec, &mut side);
    for week in &workload.weeks {
        side.workload.weeks.insert(
            week.week,
            (
                week.total_minutes(),
                workload.target.is_some_and(|t| t.is_over(week)),
            ),
        );
    }
    let subjects = Subjects::new(course);
    for finding in findings {
        let subject = subjects.of(finding);
        side.findings.insert(
            (finding.rule, subject),
            FindingFacts {
                severity: finding.severity,
                message: finding.message.clone(),
            },
        );
    }
    side
}

/// Finds what a finding is about: the activity it names (the one whose table holds its span,
/// else the first activity id it quotes), else `course`. Built once per side: a course with
/// thousands of findings and activities looks each one up by binary search and hash, not by a
/// scan of every activity per finding.
struct Subjects<'a> {
    /// Activity indices sorted by where their table starts.
    by_start: Vec<(usize, usize)>,
    ids: std::collections::HashSet<&'a str>,
    course: &'a crate::course::Course,
}

impl<'a> Subjects<'a> {
    fn new(course: &'a crate::course::Course) -> Self {
        let mut by_start: Vec<(usize, usize)> = course
            .activities
            .iter()
            .enumerate()
            .map(|(i, a)| (a.spans.table.start, i))
            .collect();
        by_start.sort_unstable();
        Subjects {
            by_start,
            ids: course.activities.iter().map(|a| a.id.as_str()).collect(),
            course,
        }
    }

    fn of(&self, finding: &Diagnostic) -> String {
        let by_span = finding.span.and_then(|span| {
            // The last table starting at or before the span (the latest one of equal starts).
            let after = self
                .by_start
                .partition_point(|&(start, _)| start <= span.start);
            after
                .checked_sub(1)
                .map(|k| &self.course.activities[self.by_start[k].1])
        });
        let quoted = |id: &str| finding.message.contains(&format!("`{id}`"));
        if let Some(activity) = by_span.filter(|a| quoted(&a.id)) {
            return activity.id.clone();
        }
        finding
            .message
            .split('`')
            .skip(1)
            .step_by(2)
            .find(|token| self.ids.contains(token))
            .map_or_else(|| "course".to_string(), str::to_string)
    }
}

fn meetings_and_weeks(rec: &Recommendation, side: &mut Side) {
    let course = &rec.course;
    let list = &rec.occurrences;
    for occ in &list.list {
        let sitting = &list.sittings[occ.sitting];
        let base = &rec.schedule.sittings[sitting.base];
        let start = match &occ.start {
            Some(at) => When::At(at.clone()),
            None => When::InWeek {
                week: occ.week,
                day: occ.day,
                time: occ.time,
            },
        };
        let names = occ
            .activities
            .iter()
            .map(|&a| course.activities[a].name())
            .collect::<Vec<_>>()
            .join(" + ");
        let title = match (sitting.repeat_of, base.section) {
            (Some(_), _) => format!("{names} (repeat)"),
            (None, Some((n, of))) => format!("{names} (section {n} of {of})"),
            (None, None) => names,
        };
        side.meetings.insert(
            occ.identity.clone(),
            MeetingFacts {
                title,
                week: occ.week,
                start,
                minutes: occ.minutes,
                cancelled: occ.cancelled.is_some(),
                uid: occ.uid.clone(),
            },
        );
    }
    // Each teaching week's measure, as the band measures it: required, non-exam sittings,
    // the first section, cancelled dates and repeats left out.
    for week in &rec.schedule.weeks {
        let live: u32 = week
            .sittings
            .iter()
            .filter(|held| {
                let sitting = &rec.schedule.sittings[held.sitting];
                !held.cancelled
                    && !sitting.optional
                    && !sitting.exam
                    && !sitting.id.ends_with(".repeat")
                    && sitting.section.is_none_or(|(n, _)| n == 1)
            })
            .map(|held| held.minutes)
            .sum();
        if course.meta.is_teaching(week.week, false) {
            side.week_live.insert(week.week, live);
        }
    }
}

fn dues(rec: &Recommendation, side: &mut Side) {
    let course = &rec.course;
    for week in &rec.schedule.weeks {
        for item in &week.items {
            let Some(due) = &item.due else { continue };
            let activity = &course.activities[item.activity];
            let at = match &due.at {
                Some(at) => When::At(at.clone()),
                None => When::InWeek {
                    week: week.week,
                    day: due.day,
                    time: due.time,
                },
            };
            // Pre-work listed a week early belongs to the week of the meeting it prepares.
            let belongs = item.for_week.unwrap_or(week.week);
            side.dues.insert(
                (activity.id.clone(), belongs),
                DueFacts {
                    title: activity.name().to_string(),
                    at,
                    uid: crate::schedule::occurrences::due_uid(course, item.activity, belongs),
                },
            );
        }
    }
}

/// Students reached per live activity and zone: a student is reached when some sitting of the
/// activity fits in every held week.
fn coverage(rec: &Recommendation, side: &mut Side) {
    let course = &rec.course;
    for (index, activity) in course.activities.iter().enumerate() {
        let sittings: Vec<_> = rec
            .schedule
            .sittings
            .iter()
            .filter(|s| s.activities.contains(&index) && !s.optional)
            .collect();
        if sittings.is_empty() {
            continue;
        }
        for (zone, count) in &side.zones {
            let missed = sittings
                .iter()
                .map(|s| {
                    s.excluded
                        .iter()
                        .find(|(z, _)| z == zone)
                        .map_or(0, |(_, c)| *c)
                })
                .min()
                .unwrap_or(0);
            side.coverage.insert(
                (activity.id.clone(), zone.clone()),
                (count.saturating_sub(missed), *count),
            );
        }
    }
}
