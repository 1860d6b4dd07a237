//! Where live sessions go: the weekly slot, and who it reaches in their own time zone.

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::course::{Course, Population, TimeOfDay, Weekday, Window};

/// A weekly live slot in the organizer's zone and how many students it reaches.
#[derive(Clone, Debug, PartialEq)]
pub struct LiveSlot {
    /// Weekday in the organizer's zone.
    pub day: Weekday,
    /// Start time in the organizer's zone.
    pub time: TimeOfDay,
    /// The organizer's zone.
    pub timezone: String,
    /// Session length the coverage was computed for.
    pub minutes: u32,
    /// Students who can attend every live week (the worst week).
    pub students_covered: u32,
    /// `students_covered / count`.
    pub coverage: f64,
    /// Whether the slot was pinned with `live_at`.
    pub pinned: bool,
    /// Whether this is a repeat of the main session for students the main slot misses.
    pub repeat: bool,
    /// The slot as each student group sees it.
    pub local: Vec<LocalTime>,
}

/// A slot seen from one student zone.
#[derive(Clone, Debug, PartialEq)]
pub struct LocalTime {
    /// IANA zone.
    pub zone: String,
    /// Students in the zone.
    pub count: u32,
    /// Local weekday of the start (first live week).
    pub day: Weekday,
    /// Local start time (first live week).
    pub time: TimeOfDay,
    /// Whether the whole session falls in these students' window every live week.
    pub covered: bool,
}

/// Students a slot cannot reach.
#[derive(Clone, Debug, PartialEq)]
pub struct Uncovered {
    /// IANA zone.
    pub zone: String,
    /// Students in the zone.
    pub count: u32,
    /// Live weeks they cannot attend.
    pub weeks: Vec<u32>,
}

/// A group of students sharing a zone and a window.
#[derive(Clone, Debug)]
pub struct Group {
    /// IANA zone name.
    pub zone: String,
    /// Parsed zone.
    pub tz: TimeZone,
    /// Head count.
    pub count: u32,
    /// Local availability window.
    pub window: Window,
}

/// Student groups: every listed zone, plus the unlisted rest in the organizer's zone.
pub fn groups(course: &Course) -> Vec<Group> {
    let mut groups: Vec<Group> = course
        .students
        .zones
        .iter()
        .filter_map(|z| {
            Some(Group {
                zone: z.zone.clone(),
                tz: jiff::tz::db().get(&z.zone).ok()?,
                count: z.count,
                window: z.available,
            })
        })
        .collect();
    let listed: u32 = groups.iter().map(|g| g.count).sum();
    let rest = course.students.count.saturating_sub(listed);
    if rest > 0 {
        match groups.iter_mut().find(|g| g.zone == course.meta.timezone) {
            Some(group) => group.count += rest,
            None => {
                if let Ok(tz) = jiff::tz::db().get(&course.meta.timezone) {
                    groups.push(Group {
                        zone: course.meta.timezone.clone(),
                        tz,
                        count: rest,
                        window: Window::DEFAULT,
                    });
                }
            }
        }
    }
    groups
}

/// Whether a session of `minutes` starting at local `start` fits inside `window`.
pub fn fits(window: Window, start: TimeOfDay, minutes: u32) -> bool {
    let offset = (u32::from(start.minutes) + 1440 - u32::from(window.start.minutes)) % 1440;
    offset + minutes <= window.minutes()
}

/// The dates (organizer's calendar) of the slot's session in each live week.
///
/// With a start date these are the real dates; without one, a January week and a July week
/// stand in, so that both sides of the daylight-saving year are tried.
pub fn session_dates(course: &Course, day: Weekday, live_weeks: &[u32]) -> Vec<(u32, Date)> {
    match course.meta.start {
        Some(start) => {
            let into = super::days_into_week(course, day);
            live_weeks
                .iter()
                .filter_map(|&w| {
                    let days = i64::from(w - 1) * 7 + into;
                    Some((w, start.checked_add(jiff::Span::new().days(days)).ok()?))
                })
                .collect()
        }
        None => {
            // 2027-01-11 and 2027-07-12 are Mondays.
            let jan = jiff::civil::date(2027, 1, 11);
            let jul = jiff::civil::date(2027, 7, 12);
            let into = i64::from(day.index());
            [jan, jul]
                .into_iter()
                .filter_map(|d| d.checked_add(jiff::Span::new().days(into)).ok())
                .map(|d| (0, d))
                .collect()
        }
    }
}

/// The local weekday and time in `tz` of `time` on `date` in the organizer's `origin` zone.
pub fn local_start(
    origin: &TimeZone,
    date: Date,
    time: TimeOfDay,
    tz: &TimeZone,
) -> Option<(Weekday, TimeOfDay)> {
    let zoned = date
        .at(time.hour() as i8, time.minute() as i8, 0, 0)
        .to_zoned_datetime(origin.clone())
        .ok()?;
    let local = zoned.with_time_zone(tz.clone());
    Some((
        Weekday::from_jiff(local.weekday()),
        TimeOfDay::from_minutes(local.hour() as u32 * 60 + local.minute() as u32),
    ))
}

/// Evaluate one slot against every group and session date.
pub fn evaluate(
    course: &Course,
    groups: &[Group],
    day: Weekday,
    time: TimeOfDay,
    minutes: u32,
    live_weeks: &[u32],
) -> (LiveSlot, Vec<Uncovered>) {
    let origin = jiff::tz::db()
        .get(&course.meta.timezone)
        .unwrap_or(TimeZone::UTC);
    let dates = session_dates(course, day, live_weeks);
    let mut local = Vec::with_capacity(groups.len());
    let mut uncovered = Vec::new();
    let mut covered_students = 0;
    for group in groups {
        let mut first = None;
        let mut missed = Vec::new();
        for &(week, date) in &dates {
            match local_start(&origin, date, time, &group.tz) {
                Some((local_day, local_time)) => {
                    first.get_or_insert((local_day, local_time));
                    if !fits(group.window, local_time, minutes) {
                        missed.push(week);
                    }
                }
                None => missed.push(week),
            }
        }
        let (local_day, local_time) = first.unwrap_or((day, time));
        let covered = missed.is_empty();
        if covered {
            covered_students += group.count;
        } else {
            missed.retain(|&w| w > 0);
            missed.dedup();
            uncovered.push(Uncovered {
                zone: group.zone.clone(),
                count: group.count,
                weeks: missed,
            });
        }
        local.push(LocalTime {
            zone: group.zone.clone(),
            count: group.count,
            day: local_day,
            time: local_time,
            covered,
        });
    }
    let count = course.students.count.max(1);
    let slot = LiveSlot {
        day,
        time,
        timezone: course.meta.timezone.clone(),
        minutes,
        students_covered: covered_students,
        coverage: crate::engine::round2(f64::from(covered_students) / f64::from(count)),
        pinned: false,
        repeat: false,
        local,
    };
    (slot, uncovered)
}

/// Choose the live slot(s) for sessions of `minutes` held in `live_weeks`.
pub fn choose(
    course: &Course,
    minutes: u32,
    live_weeks: &[u32],
) -> (Vec<LiveSlot>, Vec<Uncovered>) {
    if live_weeks.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let groups = groups(course);
    let (day, time, pinned) = match course.meta.live_at {
        Some(at) => (at.day, at.time, true),
        None => {
            let days = &course.meta.live_days;
            let day = days[days.len() / 2];
            let evening = course
                .students
                .populations
                .iter()
                .any(|p| matches!(p, Population::WorkingAdults | Population::Caregivers));
            let time = TimeOfDay::from_minutes(if evening { 18 * 60 } else { 10 * 60 });
            (day, time, false)
        }
    };
    let (mut slot, uncovered) = evaluate(course, &groups, day, time, minutes, live_weeks);
    slot.pinned = pinned;
    (vec![slot], uncovered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_that_wrap_midnight() {
        let late = Window::parse("20:00-02:00").unwrap();
        assert!(fits(late, TimeOfDay::parse("23:00").unwrap(), 60));
        assert!(fits(late, TimeOfDay::parse("00:30").unwrap(), 90));
        assert!(!fits(late, TimeOfDay::parse("01:30").unwrap(), 60));
        assert!(!fits(late, TimeOfDay::parse("12:00").unwrap(), 30));
    }
}
