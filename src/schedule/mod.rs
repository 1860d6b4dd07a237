//! The weekly schedule: when each activity happens, when self-paced work is due, and how each
//! live session is cut into focused segments.

pub mod occurrences;
pub mod sittings;
pub use crate::availability::slots;

use std::sync::Arc;

use jiff::civil::Date;

use crate::course::{Course, Mode, Pattern, TimeOfDay, Weekday};
use crate::engine::Plan;
pub use occurrences::{Occurrence, OccurrenceKind, Occurrences};
pub use sittings::{Sitting, WeekSitting};
pub use slots::{LiveSlot, LocalShift, LocalTime, Uncovered, WeekCoverage, WeekRef};

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
    /// Live slots: the main one first, then a repeat for students it misses.
    pub live_slots: Vec<LiveSlot>,
    /// Students no live slot reaches, who take the recording-plus-response route.
    pub uncovered: Vec<Uncovered>,
    /// Every sitting: fixed ones in file order, then the searched ones.
    pub sittings: Vec<Sitting>,
    /// One entry per course week.
    pub weeks: Vec<Week>,
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
    // Live work the slot search places: required in one searched sitting, optional in another
    // (optional work never shares a sitting with required work).
    let searched = |items: &[(usize, Mode)], optional: bool| -> Vec<usize> {
        items
            .iter()
            .filter(|&&(i, m)| {
                let a = &course.activities[i];
                m == Mode::Sync && !a.is_fixed() && a.optional == optional
            })
            .map(|&(i, _)| i)
            .collect()
    };
    // Searched work is packed into sittings of at most 90 minutes, breaks included (an
    // activity over 75 minutes sits alone): for required work, the packing the band was
    // measured on; optional work never shares a sitting with required work. The first
    // required sitting is the main one (its slot, repeat and recording route); each further
    // sitting gets its own slot on another allowed day.
    let packed = |optional: bool| -> Vec<GroupSessions> {
        let mut union: Vec<usize> = by_week
            .iter()
            .flat_map(|items| searched(items, optional))
            .collect();
        union.sort_unstable();
        union.dedup();
        let parts: Vec<(usize, u32)> = union
            .iter()
            .map(|&i| (i, course.activities[i].minutes))
            .collect();
        let groups = crate::engine::sittings::pack(&parts);
        // Each activity's group, so that every week's items are dealt out in one pass.
        let mut group_of: Vec<usize> = vec![usize::MAX; course.activities.len()];
        for (g, group) in groups.iter().enumerate() {
            for &(i, _) in group {
                group_of[i] = g;
            }
        }
        // Only the weeks a group meets in are kept: thousands of groups that each meet in one
        // week of a long term stay small.
        let mut out: Vec<GroupSessions> = vec![Vec::new(); groups.len()];
        let mut live: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
        let mut touched: Vec<usize> = Vec::new();
        for (week, items) in by_week.iter().enumerate() {
            for i in searched(items, optional) {
                let g = group_of[i];
                if live[g].is_empty() {
                    touched.push(g);
                }
                live[g].push(i);
            }
            for g in touched.drain(..) {
                out[g].push((week, session(course, &live[g])));
                live[g].clear();
            }
        }
        out
    };
    let group_sessions = packed(false);
    let optional_groups = packed(true);
    // The main sitting's session of each week.
    let mut sessions: Vec<Option<LiveSession>> = vec![None; weeks_total as usize];
    for (week, session) in group_sessions.first().into_iter().flatten() {
        sessions[*week] = Some(session.clone());
    }
    let no_sessions = GroupSessions::new();
    let optional_sessions = optional_groups.first().unwrap_or(&no_sessions);
    // Each searched sitting as near the preferred start as it goes; when that leaves some
    // without a time, again with every sitting as early as it goes, if that places more.
    let mut placed = place(course, &group_sessions, &optional_groups, false);
    if placed.missing > 0 {
        let packed = place(course, &group_sessions, &optional_groups, true);
        if packed.missing < placed.missing {
            placed = packed;
        }
    }
    let Placement {
        live_slots,
        uncovered,
        optional: optional_slot,
        further: further_slots,
        ..
    } = placed;
    let main_slot = live_slots.first();
    let student_zones = other_zones(course);

    // Nothing meets before `start` (week 1 may begin earlier, on `week_starts`).
    let before_start = |on: Option<Date>| on.zip(course.meta.start).is_some_and(|(d, s)| d < s);
    // Sittings: fixed ones first (file order), then the searched ones.
    let mut all_sittings: Vec<Sitting> = Vec::new();
    let mut week_sittings: Vec<Vec<WeekSitting>> = vec![Vec::new(); weeks_total as usize];
    // Live work whose sitting would fall before `start`, by week: it does not meet that week.
    let mut early: Vec<Vec<usize>> = vec![Vec::new(); weeks_total as usize];
    let decision_weeks = |i: usize| -> &[u32] {
        plan.decisions
            .get(i)
            .map_or(&[][..], |d| d.weeks.as_slice())
    };
    for group in sittings::fixed_groups(course) {
        let (day, time, date, optional) = group.key;
        let exam = group
            .activities
            .iter()
            .any(|&i| course.activities[i].is_exam());
        let index = all_sittings.len();
        let mut weeks = Vec::new();
        let mut cancelled = Vec::new();
        let mut longest = 0;
        for w in 1..=weeks_total {
            let meeting: Vec<usize> = group
                .activities
                .iter()
                .copied()
                .filter(|&i| decision_weeks(i).contains(&w))
                .collect();
            if meeting.is_empty() {
                continue;
            }
            let on = date.or_else(|| course.meta.date_of(w, day));
            if before_start(on) {
                early[w as usize - 1].extend(&meeting);
                continue;
            }
            let is_cancelled = on.is_some_and(|d| course.meta.is_holiday(d));
            if let (true, Some(d)) = (is_cancelled, on) {
                cancelled.push((w, d));
            }
            let parts: Vec<(usize, u32)> = meeting
                .iter()
                .map(|&i| (i, course.activities[i].minutes))
                .collect();
            let segments = sittings::carve(&parts, exam);
            let minutes = segments.iter().map(|s| s.minutes).sum();
            longest = longest.max(minutes);
            weeks.push(w);
            week_sittings[w as usize - 1].push(WeekSitting {
                sitting: index,
                date: on,
                cancelled: is_cancelled,
                minutes,
                activities: meeting,
                segments,
            });
        }
        if weeks.is_empty() {
            continue;
        }
        let held: Vec<u32> = weeks
            .iter()
            .copied()
            .filter(|w| !cancelled.iter().any(|(c, _)| c == w))
            .collect();
        let slot = slots::evaluate(course, day, time, longest, &held);
        all_sittings.push(Sitting {
            id: group.id(course),
            day,
            time,
            date,
            minutes: longest,
            activities: group.activities.clone(),
            fixed: true,
            optional,
            exam,
            section: group.section,
            weeks,
            cancelled,
            students_covered: slot.students_covered,
            coverage: slot.coverage,
            excluded: excluded_of(&slot),
            uncovered: uncovered_of(&slot),
        });
    }
    let mut searched_sitting = |id: &str,
                                slot: Option<&LiveSlot>,
                                sessions: &[(usize, LiveSession)],
                                optional: bool,
                                all: &mut Vec<Sitting>|
     -> Option<usize> {
        let slot = slot?;
        let index = all.len();
        let mut weeks = Vec::new();
        let mut cancelled = Vec::new();
        let mut activities: Vec<usize> = Vec::new();
        for &(i, ref s) in sessions {
            let w = i as u32 + 1;
            let on = course.meta.date_of(w, slot.day);
            if before_start(on) {
                early[i].extend(s.segments.iter().filter_map(|g| g.activity));
                continue;
            }
            let is_cancelled = on.is_some_and(|d| course.meta.is_holiday(d));
            if let (true, Some(d)) = (is_cancelled, on) {
                cancelled.push((w, d));
            }
            let meeting: Vec<usize> = {
                let mut m: Vec<usize> = s.segments.iter().filter_map(|g| g.activity).collect();
                m.sort_unstable();
                m.dedup();
                m
            };
            activities.extend(&meeting);
            weeks.push(w);
            week_sittings[i].push(WeekSitting {
                sitting: index,
                date: on,
                cancelled: is_cancelled,
                minutes: s.minutes,
                activities: meeting,
                segments: s.segments.clone(),
            });
        }
        activities.sort_unstable();
        activities.dedup();
        all.push(Sitting {
            id: id.to_string(),
            day: slot.day,
            time: slot.time,
            date: None,
            minutes: slot.minutes,
            activities,
            fixed: false,
            optional,
            exam: false,
            section: None,
            weeks,
            cancelled,
            students_covered: slot.students_covered,
            coverage: slot.coverage,
            excluded: excluded_of(slot),
            uncovered: uncovered_of(slot),
        });
        Some(index)
    };
    searched_sitting(
        "live",
        main_slot,
        group_sessions.first().unwrap_or(&no_sessions),
        false,
        &mut all_sittings,
    );
    let mut further_sittings: Vec<_> = group_sessions
        .iter()
        .enumerate()
        .skip(1)
        .map(|(n, s)| (format!("live{}", n + 1), s, false))
        .chain(
            optional_groups
                .iter()
                .enumerate()
                .skip(1)
                .map(|(n, s)| (format!("optional{}", n + 1), s, true)),
        )
        .zip(further_slots)
        .map(|((id, sessions, optional), slot)| (id, slot, sessions, optional))
        .collect();
    let optional_further = further_sittings.split_off(
        further_sittings
            .iter()
            .position(|f| f.3)
            .unwrap_or(further_sittings.len()),
    );
    for (id, slot, sessions, optional) in &further_sittings {
        searched_sitting(id, slot.as_ref(), sessions, *optional, &mut all_sittings);
    }
    searched_sitting(
        "optional",
        optional_slot.as_ref(),
        optional_sessions,
        true,
        &mut all_sittings,
    );
    for (id, slot, sessions, optional) in &optional_further {
        searched_sitting(id, slot.as_ref(), sessions, *optional, &mut all_sittings);
    }
    for list in &mut week_sittings {
        list.sort_by_key(|s| {
            let sitting = &all_sittings[s.sitting];
            (
                s.date,
                course.meta.days_into_week(sitting.day),
                sitting.time,
            )
        });
    }

    // Heavy parts of an item are shared, so a schedule stays small when thousands of
    // activities recur every week.
    let mut segments_of: Vec<Option<Arc<[Segment]>>> = vec![None; course.activities.len()];
    let no_segments: Arc<[Segment]> = Arc::new([]);
    let weeks = by_week
        .into_iter()
        .zip(sessions)
        .zip(week_sittings)
        .zip(early)
        .enumerate()
        .map(|(i, (((items, live_session), sittings), early))| {
            let week = i as u32 + 1;
            let start = course.meta.week_start(week);
            let has_live = live_session.is_some();
            // Due times are shared by the week's items that fall due together.
            let mut dues: Vec<((Weekday, TimeOfDay), Arc<Due>)> = Vec::new();
            let mut due_of = |day: Weekday, time: TimeOfDay| -> Arc<Due> {
                if let Some((_, due)) = dues.iter().find(|(k, _)| *k == (day, time)) {
                    return Arc::clone(due);
                }
                let mut due = due_in_week(course, week, day, time);
                due.local = local_dues(due.at.as_ref(), &student_zones);
                let due = Arc::new(due);
                dues.push(((day, time), Arc::clone(&due)));
                due
            };
            // Pre-work is due when the live session starts, in the organizer's zone; when a
            // holiday cancels that session, or it falls before `start`, it falls back to the
            // week's due time.
            let cancelled_live = main_slot
                .and_then(|slot| course.meta.date_of(week, slot.day))
                .is_some_and(|d| course.meta.is_holiday(d) || before_start(Some(d)));
            let pre_due = main_slot.filter(|_| !cancelled_live).map(|slot| {
                let mut due = due_at(course, start, slot.day, slot.time);
                due.local = local_dues(due.at.as_ref(), &student_zones);
                Arc::new(due)
            });
            let (default_day, default_time) = match &course.meta.due {
                Some(due) => (due.day, due.time),
                None => (
                    Weekday::from_index(i64::from(course.meta.week_starts.index()) + 6),
                    END_OF_WEEK_DUE,
                ),
            };
            let mut items: Vec<Item> = items
                .into_iter()
                // Live work whose sitting falls before `start` does not meet that week.
                .filter(|&(index, mode)| {
                    mode == Mode::Async
                        || !early.contains(&index)
                        || sittings.iter().any(|s| s.activities.contains(&index))
                })
                .map(|(index, mode)| {
                    let activity = &course.activities[index];
                    match mode {
                        Mode::Sync => {
                            let at = sittings.iter().find(|s| s.activities.contains(&index));
                            Item {
                                activity: index,
                                mode,
                                due: None,
                                before_live: false,
                                recorded: Some(activity.recorded),
                                segments: Arc::clone(segments_of[index].get_or_insert_with(|| {
                                    // A fixed activity lasts exactly its `at` span: its
                                    // breaks are carved out, never added.
                                    if activity.is_fixed() {
                                        sittings::carve(
                                            &[(index, activity.minutes)],
                                            activity.is_exam(),
                                        )
                                        .into()
                                    } else {
                                        split(index, activity.minutes).into()
                                    }
                                })),
                                sitting: at.map(|s| s.sitting),
                                cancelled: at.is_some_and(|s| s.cancelled),
                            }
                        }
                        Mode::Async => {
                            let before_live = has_live
                                && plan.pattern == Pattern::Flipped
                                && is_pre_work(activity.kind)
                                && activity.due.is_none()
                                && !activity.optional
                                && activity.deliver != crate::course::Deliver::Last;
                            let due = if activity.optional
                                || works_towards_last(course, plan, index, week)
                            {
                                None
                            } else if let Some(own) = &activity.due {
                                Some(due_of(own.day, own.time))
                            } else {
                                match (before_live, &pre_due) {
                                    (true, Some(due)) => Some(Arc::clone(due)),
                                    _ => Some(due_of(default_day, default_time)),
                                }
                            };
                            Item {
                                activity: index,
                                mode,
                                due,
                                before_live,
                                recorded: None,
                                segments: Arc::clone(&no_segments),
                                sitting: None,
                                cancelled: false,
                            }
                        }
                    }
                })
                .collect();
            // Pre-work first, then the live sittings, then the rest; file order within each.
            items.sort_by_key(|item| match (item.before_live, item.mode) {
                (true, _) => 0,
                (false, Mode::Sync) => 1,
                (false, Mode::Async) => 2,
            });
            let alternatives = match (&live_session, main_slot) {
                (Some(session), Some(slot)) => {
                    alternatives(course, week, start, slot, session.minutes, &uncovered)
                }
                _ => Vec::new(),
            };
            Week {
                week,
                start,
                items,
                live_session,
                sittings,
                alternatives,
            }
        })
        .collect();
    Schedule {
        live_slots,
        uncovered,
        sittings: all_sittings,
        weeks,
    }
}

/// Where the searched sittings go.
struct Placement {
    /// The main slot, then its repeat.
    live_slots: Vec<LiveSlot>,
    /// Students no live slot reaches.
    uncovered: Vec<Uncovered>,
    /// The first optional sitting's slot.
    optional: Option<LiveSlot>,
    /// One per further sitting: required ones, then optional ones.
    further: Vec<Option<LiveSlot>>,
    /// Sittings that have live work and no slot.
    missing: usize,
}

/// One packed group's session in each week it meets: (week index, session), by week.
type GroupSessions = Vec<(usize, LiveSession)>;

/// The longest of a group's weekly sessions.
fn longest(sessions: &[(usize, LiveSession)]) -> u32 {
    sessions.iter().map(|s| s.1.minutes).max().unwrap_or(0)
}

/// The weeks (1-based) a group meets in.
fn weeks_with(sessions: &[(usize, LiveSession)]) -> Vec<u32> {
    sessions.iter().map(|s| s.0 as u32 + 1).collect()
}

/// Search a slot for every packed group of searched sittings: the main one (its repeat and
/// recording route), the first optional one on a day the main one does not take, then each
/// further one on an allowed day no earlier sitting took (fatigue builds over back-to-back
/// video meetings: Fauville et al. 2021; seed: Synchronous Learning > Weaknesses), while such
/// a day is left. Each keeps clear of those placed before it in the weeks both meet.
fn place(
    course: &Course,
    required: &[GroupSessions],
    optional: &[GroupSessions],
    packed: bool,
) -> Placement {
    let none = Vec::new();
    let main = required.first().unwrap_or(&none);
    let first_optional = optional.first().unwrap_or(&none);
    let mut missing = 0;
    let live_weeks = weeks_with(main);
    let fixed = slots::fixed_busy(course);
    let (live_slots, uncovered) = slots::choose_on(
        course,
        longest(main),
        &live_weeks,
        &slots::Search {
            allowed: &course.meta.live_days,
            pinnable: true,
            busy: &fixed,
            busy_by_week: &[],
            packed,
        },
    );
    let main_slot = live_slots.first();
    missing += usize::from(main_slot.is_none() && !live_weeks.is_empty());
    let busy_of = |slot: &LiveSlot, weeks: Vec<u32>| slots::Busy {
        day: slot.day,
        start: u32::from(slot.time.minutes),
        end: u32::from(slot.time.minutes) + slot.minutes,
        weeks,
    };
    let mut busy = Placed::default();
    for b in fixed {
        busy.push(b);
    }
    if let Some(m) = main_slot {
        busy.push(busy_of(m, live_weeks.clone()));
    }
    let other_days = |taken: &[Weekday]| -> Vec<Weekday> {
        let free: Vec<Weekday> = course
            .meta
            .live_days
            .iter()
            .copied()
            .filter(|d| !taken.contains(d))
            .collect();
        if free.is_empty() {
            course.meta.live_days.clone()
        } else {
            free
        }
    };
    let mut taken: Vec<Weekday> = main_slot.map(|m| m.day).into_iter().collect();
    let search = |sessions: &[(usize, LiveSession)],
                  days: &[Weekday],
                  busy: &mut Placed,
                  missing: &mut usize|
     -> Option<LiveSlot> {
        let weeks = weeks_with(sessions);
        let search = slots::Search {
            allowed: days,
            pinnable: false,
            busy: &busy.all,
            busy_by_week: &busy.by_week,
            packed,
        };
        let slot = slots::choose_on(course, longest(sessions), &weeks, &search)
            .0
            .into_iter()
            .next();
        match &slot {
            Some(slot) => busy.push(busy_of(slot, weeks)),
            None => *missing += usize::from(!weeks.is_empty()),
        }
        slot
    };
    // Optional work never shares a sitting with required work, nor its time.
    let optional_slot = search(
        first_optional,
        &other_days(&taken[..]),
        &mut busy,
        &mut missing,
    );
    taken.extend(optional_slot.as_ref().map(|s| s.day));
    let mut further = Vec::new();
    for sessions in required.iter().skip(1).chain(optional.iter().skip(1)) {
        let slot = search(sessions, &other_days(&taken), &mut busy, &mut missing);
        taken.extend(slot.as_ref().map(|s| s.day));
        further.push(slot);
    }
    Placement {
        live_slots,
        uncovered,
        optional: optional_slot,
        further,
        missing,
    }
}

/// The sittings placed so far, indexed by the weeks they meet in.
#[derive(Default)]
struct Placed {
    all: Vec<slots::Busy>,
    /// Entry `w - 1`: indexes into `all` of the sittings meeting in week `w`.
    by_week: Vec<Vec<usize>>,
}

impl Placed {
    fn push(&mut self, busy: slots::Busy) {
        for &w in &busy.weeks {
            let w = w as usize;
            if self.by_week.len() < w {
                self.by_week.resize(w, Vec::new());
            }
            self.by_week[w - 1].push(self.all.len());
        }
        self.all.push(busy);
    }
}

/// A slot's exclusions as `(zone, count)`.
fn excluded_of(slot: &LiveSlot) -> Vec<(String, u32)> {
    slot.excluded
        .iter()
        .filter(|u| u.count > 0)
        .map(|u| (u.zone.clone(), u.count))
        .collect()
}

/// A slot's exclusions with their weeks, zones with nobody left out dropped.
fn uncovered_of(slot: &LiveSlot) -> Vec<Uncovered> {
    slot.excluded
        .iter()
        .filter(|u| u.count > 0)
        .cloned()
        .collect()
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
    /// week's required, non-exam sitting minutes, breaks included, one section counted and
    /// dates a holiday cancels left out.
    pub fn sitting_minutes_per_week(&self, teaching_weeks: usize) -> f64 {
        let total: u64 = self
            .weeks
            .iter()
            .flat_map(|week| &week.sittings)
            .filter(|held| {
                let sitting = &self.sittings[held.sitting];
                !held.cancelled
                    && !sitting.optional
                    && !sitting.exam
                    && sitting.section.is_none_or(|(n, _)| n == 1)
            })
            .map(|held| u64::from(held.minutes))
            .sum();
        total as f64 / teaching_weeks.max(1) as f64
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
/// week grid and the time is read in the due zone; a date before `start` moves to week 1's last day; a holiday moves it, at the same
/// time, to the next date of the same week that is not a holiday, else the previous one.
pub fn due_in_week(course: &Course, week: u32, day: Weekday, time: TimeOfDay) -> Due {
    let meta = &course.meta;
    let zone = meta.due_zone().to_string();
    let date = meta.date_of(week, day).map(|date| {
        let mut date = date;
        if let (Some(start), Some(first)) = (meta.start, meta.first_day())
            && date < start
        {
            date = first.checked_add(jiff::Span::new().days(6)).unwrap_or(date);
        }
        if meta.is_holiday(date)
            && let Some(week_start) = meta.week_start(week)
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
    });
    let at = date.and_then(|date| {
        let tz = crate::course::zones::resolve(&zone)?;
        date.at(time.hour() as i8, time.minute() as i8, 0, 0)
            .to_zoned_datetime(tz)
            .ok()
    });
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

/// Self-paced work that prepares for a live session in a flipped week.
fn is_pre_work(kind: crate::course::ActivityKind) -> bool {
    kind.is_pre_work()
}

/// The weekday on which a course week begins: `week_starts`, else the start date's, else Monday.
pub fn week_first_day(course: &Course) -> Weekday {
    course.meta.week_starts
}

/// Days from the week's first day to `day`, `0..7`.
pub fn days_into_week(course: &Course, day: Weekday) -> i64 {
    course.meta.days_into_week(day)
}

fn due_at(course: &Course, week_start: Option<Date>, day: Weekday, time: TimeOfDay) -> Due {
    let at = week_start.and_then(|start| {
        let date = start
            .checked_add(jiff::Span::new().days(days_into_week(course, day)))
            .ok()?;
        let tz = crate::course::zones::resolve(&course.meta.timezone)?;
        date.at(time.hour() as i8, time.minute() as i8, 0, 0)
            .to_zoned_datetime(tz)
            .ok()
    });
    Due {
        day,
        time,
        at,
        local: Vec::new(),
        timezone: course.meta.timezone.clone(),
    }
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

/// The recording-plus-response route for this week's live session (seed: FAQ "What about
/// students who cannot attend synchronous sessions?"): every group no slot reaches this week,
/// with a response due 23:59 local time two days after the session ends for them.
fn alternatives(
    course: &Course,
    week: u32,
    week_start: Option<Date>,
    slot: &LiveSlot,
    minutes: u32,
    uncovered: &[Uncovered],
) -> Vec<Alternative> {
    uncovered
        .iter()
        // Without a start date the weeks are unknown: the group may miss any of them.
        .filter(|u| u.weeks.contains(&week) || (week_start.is_none() && !u.samples.is_empty()))
        .map(|u| {
            let session = due_at(course, week_start, slot.day, slot.time).at;
            let due = session.and_then(|at| {
                let tz = crate::course::zones::resolve(&u.zone)?;
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
            }
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

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
