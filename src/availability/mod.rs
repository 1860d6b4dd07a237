//! Who can attend when: each student group's local window, and how many students a live
//! activity of a given length can reach at its best time.
//!
//! This layer sits between the course model and the engine (course → availability → engine →
//! schedule). The engine reads head-count-weighted coverage from here to decide whether time
//! zones really stand in the way of a live activity; the schedule's slot search
//! ([`slots`]) reads the same windows to place the sittings, so both see the same students.

pub mod slots;

use std::collections::BTreeMap;

use crate::course::{Activity, Course, Population, TimeOfDay, Window};

/// Why a student group has the window it has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowSource {
    /// Written in the file (`available`).
    Given,
    /// Working adults or caregivers: weekday evenings and weekend days, local time.
    Evening,
    /// Only full-time students: the working day, local time.
    Daytime,
    /// No population says otherwise: the waking day, local time.
    Waking,
}

/// 18:00-22:00: the weekday evening hours of students who work or care for others by day.
pub const EVENING: Window = Window {
    start: TimeOfDay { minutes: 18 * 60 },
    end: TimeOfDay { minutes: 22 * 60 },
};
/// 09:00-22:00: the weekend hours of the same students (Saturday and Sunday, local).
pub const WEEKEND: Window = Window {
    start: TimeOfDay { minutes: 9 * 60 },
    end: TimeOfDay { minutes: 22 * 60 },
};
/// 08:00-18:00: the teaching day of full-time students.
pub const DAYTIME: Window = Window {
    start: TimeOfDay { minutes: 8 * 60 },
    end: TimeOfDay { minutes: 18 * 60 },
};
/// 08:00-22:00: the waking day, when nothing narrower is known.
pub const WAKING: Window = Window::DEFAULT;

/// The window of students of `populations` whose zone entry gives no `available`, and why.
///
/// The seed ("Synchronous Learning > Weaknesses"; "Choosing the Right Mix > Student population
/// matters") says work and caregiving are what collide with fixed live times, while traditional
/// full-time students can take scheduled sessions: so working adults and caregivers are met on
/// weekday evenings (and in the day at weekends), full-time students alone in their teaching
/// day, anyone else in the waking day. The hours themselves are mixplan's convention, not the
/// guide's. The window is local to each group's own zone, never the organizer's.
pub fn window_for(populations: &[Population]) -> (Window, WindowSource) {
    if populations
        .iter()
        .any(|p| matches!(p, Population::WorkingAdults | Population::Caregivers))
    {
        (EVENING, WindowSource::Evening)
    } else if populations == [Population::FullTime] {
        (DAYTIME, WindowSource::Daytime)
    } else {
        (WAKING, WindowSource::Waking)
    }
}

/// The default window of the course's students (its `populations`), and why.
pub fn default_window(course: &Course) -> (Window, WindowSource) {
    let mut populations = course.students.populations.clone();
    populations.sort_unstable();
    populations.dedup();
    window_for(&populations)
}

/// Students who share a time zone and an availability window.
#[derive(Clone, Debug)]
pub struct StudentGroup {
    /// IANA zone name.
    pub zone: String,
    /// Parsed zone.
    pub tz: jiff::tz::TimeZone,
    /// Head count.
    pub count: u32,
    /// Local availability window (Monday to Friday, local, for an evening window).
    pub window: Window,
    /// Where the window comes from.
    pub source: WindowSource,
}

impl StudentGroup {
    /// The window on a local weekday: an evening window widens to [`WEEKEND`] on Saturday
    /// and Sunday.
    pub fn window_on(&self, day: crate::course::Weekday) -> Window {
        use crate::course::Weekday;
        match (self.source, day) {
            (WindowSource::Evening, Weekday::Sat | Weekday::Sun) => WEEKEND,
            _ => self.window,
        }
    }
}

/// Every listed student zone, plus the students in no listed zone, who count as being in the
/// organizer's zone. Groups without `available` get the window of their own `population`,
/// else the course's ([`default_window`]).
pub fn groups(course: &Course) -> Vec<StudentGroup> {
    let (fallback, fallback_source) = default_window(course);
    let mut groups: Vec<StudentGroup> = course
        .students
        .zones
        .iter()
        .filter_map(|z| {
            let (window, source) = match (z.available, z.population) {
                (Some(window), _) => (window, WindowSource::Given),
                (None, Some(p)) => window_for(&[p]),
                (None, None) => (fallback, fallback_source),
            };
            Some(StudentGroup {
                zone: z.zone.clone(),
                tz: crate::course::zones::resolve(&z.zone)?,
                count: z.count,
                window,
                source,
            })
        })
        .collect();
    let listed: u32 = groups.iter().map(|g| g.count).sum();
    let rest = course.students.count.saturating_sub(listed);
    if rest > 0 {
        match groups.iter_mut().find(|g| g.zone == course.meta.timezone) {
            Some(group) => group.count += rest,
            None => {
                if let Some(tz) = crate::course::zones::resolve(&course.meta.timezone) {
                    groups.push(StudentGroup {
                        zone: course.meta.timezone.clone(),
                        tz,
                        count: rest,
                        window: fallback,
                        source: fallback_source,
                    });
                }
            }
        }
    }
    groups
}

/// How many students one live time can reach, for each activity length in a course, and how
/// many an activity held at fixed times (`at`) reaches at the times it is held.
///
/// Exact for every length one time leaves [`Attendance::short`]. Lengths shorter than the
/// longest one that is not short are not worked out: a shorter session fits wherever a longer
/// one does, so they are not short either, and are given that length's reach, a lower bound.
/// No reader asks more of them (the time-zone rule and the alternating pattern read only
/// short lengths, balancing's hold-back only whether half the class is reached).
///
/// The best free time is searched clear of every fixed sitting of the course, the activity's
/// own included, so a full timetable leaves no free time at all. For an activity with fixed
/// times the best time also includes the times it is held at: [`Attendance::reach_of`] is the
/// larger of the best free time's reach and the students its own times reach together (a
/// student counts when at least one section fits their window, in the worst week it is held,
/// as the schedule counts the activity's coverage). That figure is worked out only where it
/// can matter: for activities with `at`, not met in a room, whose length falls short.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attendance {
    /// Head count of the class.
    pub count: u32,
    /// Minutes → students the best time on the allowed days reaches in every course week.
    reach: BTreeMap<u32, u32>,
    /// Activity id → students its own fixed times reach together in its worst held week
    /// ([`slots::ZoneCache::held_reach`]), for the activities with `at` whose length falls short.
    held: BTreeMap<String, u32>,
}

/// The share of the class one live time must reach before time zones and local hours count
/// as standing in the way of a live activity. Below it, one student in ten or more would be
/// left to the recording (seed: Synchronous Learning > Weaknesses).
pub const COVERAGE_FLOOR: f64 = 0.9;

impl Attendance {
    /// Coverage of every distinct activity length in `course`, over all its weeks (so that
    /// daylight-saving changes count).
    pub fn of(course: &Course) -> Self {
        Attendance::with(&slots::ZoneCache::new(course))
    }

    /// [`Attendance::of`] the cache's course, reading its shared zone timelines.
    pub fn with(zones: &slots::ZoneCache<'_>) -> Self {
        let course = zones.course();
        let weeks: Vec<u32> = (1..=course.meta.weeks).collect();
        let mut lengths: Vec<u32> = course.activities.iter().map(|a| a.minutes).collect();
        lengths.sort_unstable();
        lengths.dedup();
        let count = course.students.count;
        let reach = zones.reach_by_length_until(&lengths, &weeks, least_not_short(count));
        let mut attendance = Attendance {
            count,
            reach,
            held: BTreeMap::new(),
        };
        // Only activities held at fixed times need their own times worked out, and only when
        // the best free time falls short for their length: otherwise the larger of the two is
        // not short either. A room is not a call: the time-zone rule does not read it.
        for a in &course.activities {
            if a.at.is_empty() || a.in_person || !attendance.short(a.minutes) {
                continue;
            }
            if let Some(reached) = zones.held_reach(a) {
                attendance.held.insert(a.id.clone(), reached);
            }
        }
        attendance
    }

    /// Students one live time can reach for an activity of `minutes`.
    pub fn reach(&self, minutes: u32) -> u32 {
        self.reach.get(&minutes).copied().unwrap_or(self.count)
    }

    /// Whether one live time leaves out more students than [`COVERAGE_FLOOR`] allows.
    pub fn short(&self, minutes: u32) -> bool {
        falls_short(self.reach(minutes), self.count)
    }

    /// Students `activity` reaches at its best time: for an activity held at fixed times,
    /// the larger of the best free time's reach for its length and the students its own times
    /// reach together; for any other, [`Attendance::reach`] of its length.
    pub fn reach_of(&self, activity: &Activity) -> u32 {
        let free = self.reach(activity.minutes);
        match self.held_reach(activity) {
            Some(held) => free.max(held),
            None => free,
        }
    }

    /// Whether [`Attendance::reach_of`] leaves out more students than [`COVERAGE_FLOOR`]
    /// allows.
    pub fn short_of(&self, activity: &Activity) -> bool {
        falls_short(self.reach_of(activity), self.count)
    }

    /// Students the fixed times of `activity` reach together, when they were worked out
    /// (an activity with `at`, not in a room, whose length one free time leaves short).
    pub fn held_reach(&self, activity: &Activity) -> Option<u32> {
        if activity.at.is_empty() {
            return None;
        }
        self.held.get(activity.id.as_str()).copied()
    }
}

/// Whether reaching `reached` of `count` students falls below [`COVERAGE_FLOOR`].
fn falls_short(reached: u32, count: u32) -> bool {
    f64::from(reached) / f64::from(count.max(1)) < COVERAGE_FLOOR - 1e-9
}

/// The fewest students of `count` one time must reach not to fall short.
fn least_not_short(count: u32) -> u32 {
    let mut least = (COVERAGE_FLOOR * f64::from(count)).floor() as u32;
    while least < count && falls_short(least, count) {
        least += 1;
    }
    while least > 0 && !falls_short(least - 1, count) {
        least -= 1;
    }
    least
}
