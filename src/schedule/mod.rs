//! The weekly schedule: when each activity happens, when self-paced work is due, and how each
//! live session is cut into focused segments.

pub mod slots;

use jiff::civil::Date;

use crate::course::{Course, Mode, Pattern, TimeOfDay, Weekday};
use crate::engine::Plan;
pub use slots::{LiveSlot, LocalTime, Uncovered};

/// Longest focus segment of a live session, in minutes (the seed's 25/5 rhythm).
pub const FOCUS_MINUTES: u32 = 25;
/// Break between focus segments, in minutes.
pub const BREAK_MINUTES: u32 = 5;
/// Live sessions up to this length run without breaks.
pub const SEGMENT_ABOVE_MINUTES: u32 = 30;
/// Time of day self-paced work is due at the end of a week.
pub const END_OF_WEEK_DUE: TimeOfDay = TimeOfDay {
    minutes: 23 * 60 + 59,
};

/// The whole schedule.
#[derive(Clone, Debug)]
pub struct Schedule {
    /// Live slots: the main one first, then a repeat for students it misses.
    pub live_slots: Vec<LiveSlot>,
    /// Students no live slot reaches, who take the recording-plus-response route.
    pub uncovered: Vec<Uncovered>,
    /// One entry per course week.
    pub weeks: Vec<Week>,
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
    /// The week's live session, if any activity is live this week.
    pub live_session: Option<LiveSession>,
}

/// One occurrence of an activity in a week.
#[derive(Clone, Debug)]
pub struct Item {
    /// Index into [`Course::activities`].
    pub activity: usize,
    /// Mode of this occurrence.
    pub mode: Mode,
    /// For self-paced work: when it is due.
    pub due: Option<Due>,
    /// For self-paced work under `flipped`: due before the week's live session.
    pub before_live: bool,
    /// For live work: whether it is recorded.
    pub recorded: Option<bool>,
    /// For live work: the activity alone cut into focus segments and breaks.
    pub segments: Vec<Segment>,
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
    /// Segments in order; consecutive focus segments alternate activities where there are several.
    pub segments: Vec<Segment>,
}

/// Build the schedule for a planned course.
pub fn build(course: &Course, plan: &Plan) -> Schedule {
    let weeks_total = course.meta.weeks;
    let mut by_week: Vec<Vec<(usize, Mode)>> = vec![Vec::new(); weeks_total as usize];
    for d in &plan.decisions {
        for &w in &d.weeks {
            if let Some(slot) = by_week.get_mut(w as usize - 1) {
                slot.push((d.index, d.mode));
            }
        }
    }
    let sessions: Vec<Option<LiveSession>> = by_week
        .iter()
        .map(|items| {
            let live: Vec<usize> = items
                .iter()
                .filter(|(_, m)| *m == Mode::Sync)
                .map(|(i, _)| *i)
                .collect();
            (!live.is_empty()).then(|| session(course, &live))
        })
        .collect();
    let longest = sessions
        .iter()
        .flatten()
        .map(|s| s.minutes)
        .max()
        .unwrap_or(0);
    let live_weeks: Vec<u32> = sessions
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_some())
        .map(|(i, _)| i as u32 + 1)
        .collect();
    let (live_slots, uncovered) = slots::choose(course, longest, &live_weeks);
    let main_slot = live_slots.first();

    let weeks = by_week
        .into_iter()
        .zip(sessions)
        .enumerate()
        .map(|(i, (items, live_session))| {
            let week = i as u32 + 1;
            let start = course
                .meta
                .start
                .and_then(|s| s.checked_add(jiff::Span::new().days(7 * i as i64)).ok());
            let has_live = live_session.is_some();
            let mut items: Vec<Item> = items
                .into_iter()
                .map(|(index, mode)| {
                    let activity = &course.activities[index];
                    match mode {
                        Mode::Sync => Item {
                            activity: index,
                            mode,
                            due: None,
                            before_live: false,
                            recorded: Some(activity.recorded),
                            segments: split(index, activity.minutes),
                        },
                        Mode::Async => {
                            let before_live = has_live
                                && plan.pattern == Pattern::Flipped
                                && is_pre_work(activity.kind);
                            let due = match (before_live, main_slot) {
                                (true, Some(slot)) => due_at(course, start, slot.day, slot.time),
                                _ => end_of_week(course, start),
                            };
                            Item {
                                activity: index,
                                mode,
                                due: Some(due),
                                before_live,
                                recorded: None,
                                segments: Vec::new(),
                            }
                        }
                    }
                })
                .collect();
            // Pre-work first, then the live session, then the rest; file order within each.
            items.sort_by_key(|item| match (item.before_live, item.mode) {
                (true, _) => 0,
                (false, Mode::Sync) => 1,
                (false, Mode::Async) => 2,
            });
            Week {
                week,
                start,
                items,
                live_session,
            }
        })
        .collect();
    Schedule {
        live_slots,
        uncovered,
        weeks,
    }
}

/// Self-paced work that prepares for a live session in a flipped week.
fn is_pre_work(kind: crate::course::ActivityKind) -> bool {
    use crate::course::ActivityKind as K;
    matches!(
        kind,
        K::Lecture | K::Reading | K::Demonstration | K::Announcement
    )
}

/// The weekday on which a course week begins: the start date's, or Monday.
pub fn week_first_day(course: &Course) -> Weekday {
    course
        .meta
        .start
        .map_or(Weekday::Mon, |d| Weekday::from_jiff(d.weekday()))
}

/// Days from the week's first day to `day`, `0..7`.
pub fn days_into_week(course: &Course, day: Weekday) -> i64 {
    (i64::from(day.index()) - i64::from(week_first_day(course).index())).rem_euclid(7)
}

fn due_at(course: &Course, week_start: Option<Date>, day: Weekday, time: TimeOfDay) -> Due {
    let at = week_start.and_then(|start| {
        let date = start
            .checked_add(jiff::Span::new().days(days_into_week(course, day)))
            .ok()?;
        let tz = jiff::tz::db().get(&course.meta.timezone).ok()?;
        date.at(time.hour() as i8, time.minute() as i8, 0, 0)
            .to_zoned_datetime(tz)
            .ok()
    });
    Due { day, time, at }
}

fn end_of_week(course: &Course, week_start: Option<Date>) -> Due {
    let last = Weekday::from_index(i64::from(week_first_day(course).index()) + 6);
    due_at(course, week_start, last, END_OF_WEEK_DUE)
}

/// One activity alone, cut into focus segments with breaks when longer than 30 minutes.
pub fn split(activity: usize, minutes: u32) -> Vec<Segment> {
    interleave(&[(activity, minutes)])
}

fn session(course: &Course, live: &[usize]) -> LiveSession {
    let parts: Vec<(usize, u32)> = live
        .iter()
        .map(|&i| (i, course.activities[i].minutes))
        .collect();
    let segments = interleave(&parts);
    LiveSession {
        minutes: segments.iter().map(|s| s.minutes).sum(),
        segments,
    }
}

/// Cut live work into at most 25-minute focus segments with 5-minute breaks, taking the
/// activities in turn so consecutive segments change activity type.
fn interleave(parts: &[(usize, u32)]) -> Vec<Segment> {
    let total: u32 = parts.iter().map(|p| p.1).sum();
    if total <= SEGMENT_ABOVE_MINUTES {
        return parts
            .iter()
            .map(|&(activity, minutes)| Segment {
                kind: SegmentKind::Focus,
                minutes,
                activity: Some(activity),
            })
            .collect();
    }
    let mut remaining: Vec<(usize, u32)> = parts.to_vec();
    let mut segments = Vec::new();
    let mut turn = 0;
    while remaining.iter().any(|p| p.1 > 0) {
        while remaining[turn % remaining.len()].1 == 0 {
            turn += 1;
        }
        let len = remaining.len();
        let part = &mut remaining[turn % len];
        let chunk = part.1.min(FOCUS_MINUTES);
        part.1 -= chunk;
        if !segments.is_empty() {
            segments.push(Segment {
                kind: SegmentKind::Break,
                minutes: BREAK_MINUTES,
                activity: None,
            });
        }
        segments.push(Segment {
            kind: SegmentKind::Focus,
            minutes: chunk,
            activity: Some(part.0),
        });
        turn += 1;
    }
    segments
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_sessions_are_not_split() {
        assert_eq!(split(0, 30).len(), 1);
    }

    #[test]
    fn long_sessions_get_25_5_rhythm() {
        let s = split(0, 60);
        let minutes: Vec<u32> = s.iter().map(|s| s.minutes).collect();
        assert_eq!(minutes, vec![25, 5, 25, 5, 10]);
    }

    #[test]
    fn several_activities_alternate() {
        let s = interleave(&[(0, 50), (1, 30)]);
        let focus: Vec<usize> = s.iter().filter_map(|s| s.activity).collect();
        assert_eq!(focus, vec![0, 1, 0, 1]);
        assert!(s.iter().all(|s| s.minutes <= FOCUS_MINUTES));
    }
}
