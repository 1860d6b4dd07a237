//! Pre-work: self-paced preparation due before the meeting it prepares.
//!
//! The seed's flipped classroom (The Blended Approach) puts content before the live session
//! that uses it, so preparation due after its session is no preparation. Pre-work is a
//! required self-paced `lecture`, `reading`, `demonstration` or `announcement` with no own
//! `due`. It prepares the first held meeting in its week of a required, non-exam, online
//! sitting (`prepares = "ID"`: the first meeting of that activity instead, in a room too) and is due at that
//! meeting's start, in the organizer's zone. A meeting that starts less than `prework_hours`
//! (default 48) after the week opens leaves no time to prepare: the item is listed in the
//! latest earlier teaching week that is not an exam week, due at the same instant; in week 1
//! it stays, and `short-prework-window` says how little time it leaves.

use std::collections::HashMap;
use std::sync::Arc;

use jiff::civil::Date;

use super::build::Layout;
use super::{Due, DueZones, LocalDue, Week, local_dues};
use crate::course::{Course, Mode, TimeOfDay, Weekday};
use crate::engine::Plan;

/// Pre-work whose meeting leaves less than `prework_hours` after the week opens, in a week
/// with no earlier teaching week to list it in.
#[derive(Clone, Debug, PartialEq)]
pub struct ShortWindow {
    /// Index into [`Course::activities`].
    pub activity: usize,
    /// The week of the meeting it prepares.
    pub week: u32,
    /// Minutes from the week's opening (or `start`) to the meeting.
    pub minutes: i64,
    /// Index of the sitting it prepares, into [`super::Schedule::sittings`].
    pub sitting: usize,
}

/// The meeting one week's pre-work prepares.
#[derive(Clone, Debug)]
struct Meeting {
    sitting: usize,
    day: Weekday,
    time: TimeOfDay,
    date: Option<Date>,
    /// Minutes from the later of the week's first day at 00:00 and `start`.
    after_open: i64,
}

/// Pre-work timing for a whole schedule.
pub struct Prework {
    /// Per week (index `w - 1`): the first held required meeting, if any.
    first: Vec<Option<Meeting>>,
    /// Per week: the first held meeting of each activity some pre-work `prepares`.
    by_target: Vec<HashMap<usize, Meeting>>,
    /// Per activity: the activity its pre-work prepares (`prepares`), if any.
    prepares: Vec<Option<usize>>,
    /// Per activity: whether it is pre-work at all.
    is_prework: Vec<bool>,
    /// `prework_hours` in minutes.
    window: i64,
    /// Per week: whether it may take pre-work listed early (a teaching, non-exam week).
    can_list: Vec<bool>,
    /// The due times given so far in the current week, by (week, sitting).
    dues: Vec<((u32, usize), Arc<Due>)>,
}

impl Prework {
    /// The meetings each week's pre-work prepares, from the laid-out sittings.
    pub(super) fn new(course: &Course, plan: &Plan, layout: &Layout<'_>) -> Self {
        let is_prework: Vec<bool> = course
            .activities
            .iter()
            .enumerate()
            .map(|(i, a)| {
                a.kind.is_pre_work()
                    && a.due.is_none()
                    && !a.optional
                    && a.deliver != crate::course::Deliver::Last
                    && plan.decisions.get(i).is_some_and(|d| d.mode == Mode::Async)
            })
            .collect();
        // Activities some pre-work `prepares`: their first meeting of each week is looked up.
        let mut targets: Vec<bool> = vec![false; course.activities.len()];
        for (i, a) in course.activities.iter().enumerate() {
            if let Some(t) = a.prepares.filter(|_| is_prework[i]) {
                targets[t] = true;
            }
        }
        let mut first = Vec::with_capacity(layout.week_sittings.len());
        let mut by_target = Vec::with_capacity(layout.week_sittings.len());
        for (w, held) in layout.week_sittings.iter().enumerate() {
            let opens = opens(course, layout.dates.start(w as u32 + 1));
            let mut earliest: Option<Meeting> = None;
            let mut of_target: HashMap<usize, Meeting> = HashMap::new();
            for h in held.iter().filter(|h| !h.cancelled) {
                let s = &layout.sittings[h.sitting];
                if s.optional || s.exam {
                    continue;
                }
                let meeting = Meeting {
                    sitting: h.sitting,
                    day: s.day,
                    time: s.time,
                    date: h.date,
                    after_open: after_open(course, opens, s.day, s.time, h.date),
                };
                let key = |m: &Meeting| (m.date, m.after_open);
                for &a in h.activities.iter().filter(|&&a| targets[a]) {
                    let slot = of_target.entry(a).or_insert_with(|| meeting.clone());
                    if key(&meeting) < key(slot) {
                        *slot = meeting.clone();
                    }
                }
                // Without `prepares`, pre-work prepares an online meeting: a class in a room
                // is prepared for by whatever its instructor sets, and the online
                // preparation keeps its own week's rhythm.
                if !s.in_person && earliest.as_ref().is_none_or(|e| key(&meeting) < key(e)) {
                    earliest = Some(meeting);
                }
            }
            first.push(earliest);
            by_target.push(of_target);
        }
        Prework {
            first,
            by_target,
            is_prework,
            prepares: course.activities.iter().map(|a| a.prepares).collect(),
            window: i64::from(course.meta.prework_hours) * 60,
            can_list: (1..=course.meta.weeks)
                .map(|w| course.meta.is_teaching(w, false))
                .collect(),
            dues: Vec::new(),
        }
    }

    fn meeting(&self, week: u32, activity: usize) -> Option<&Meeting> {
        let w = week as usize - 1;
        match self.prepares.get(activity).copied().flatten() {
            Some(target) => self.by_target.get(w)?.get(&target),
            None => self.first.get(w)?.as_ref(),
        }
    }

    /// The due time of `activity` in `week` when it is pre-work with a meeting to prepare:
    /// that meeting's start instant, in the organizer's zone. The pre-work of one meeting
    /// shares one due time.
    pub(super) fn due(
        &mut self,
        course: &Course,
        week: u32,
        activity: usize,
        zones: &DueZones,
    ) -> Option<Arc<Due>> {
        if !self.is_prework.get(activity).copied().unwrap_or(false) {
            return None;
        }
        let m = self.meeting(week, activity)?;
        let key = (week, m.sitting);
        if let Some((_, due)) = self.dues.iter().find(|(k, _)| *k == key) {
            return Some(Arc::clone(due));
        }
        let at = m.date.and_then(|date| zones.organizer_at(date, m.time));
        let local: Vec<LocalDue> = local_dues(at.as_ref(), &zones.others);
        let due = Arc::new(Due {
            day: m.day,
            time: m.time,
            at,
            local,
            timezone: course.meta.timezone.clone(),
        });
        // Items are asked for week by week: only this week's due times can come again.
        self.dues.retain(|((w, _), _)| *w == week);
        self.dues.push((key, Arc::clone(&due)));
        Some(due)
    }

    /// Move pre-work whose meeting leaves less than `prework_hours` into the latest earlier
    /// teaching week that is not an exam week; return what stays with too short a window.
    pub(super) fn relist(&self, weeks: &mut [Week]) -> Vec<ShortWindow> {
        let mut short = Vec::new();
        for i in 0..weeks.len() {
            let week = weeks[i].week;
            let target = (0..i).rev().find(|&j| self.can_list[j]);
            let mut k = 0;
            while k < weeks[i].items.len() {
                let item = &weeks[i].items[k];
                let meeting = item
                    .before_live
                    .then(|| self.meeting(week, item.activity))
                    .flatten();
                let Some(m) = meeting.filter(|m| m.after_open < self.window) else {
                    k += 1;
                    continue;
                };
                match target {
                    Some(j) => {
                        let mut item = weeks[i].items.remove(k);
                        item.for_week = Some(week);
                        weeks[j].items.push(item);
                    }
                    None => {
                        short.push(ShortWindow {
                            activity: item.activity,
                            week,
                            minutes: m.after_open.max(0),
                            sitting: m.sitting,
                        });
                        k += 1;
                    }
                }
            }
        }
        short
    }
}

/// When a week opens for pre-work: the later of its first day (`first`) and `start` (with a
/// start date).
fn opens(course: &Course, first: Option<Date>) -> Option<Date> {
    let first = first?;
    Some(course.meta.start.map_or(first, |s| s.max(first)))
}

/// Minutes from the week's opening (`opens`: see [`opens`]) to a meeting at `day` `time` (on
/// `date`, with a start date).
fn after_open(
    course: &Course,
    opens: Option<Date>,
    day: Weekday,
    time: TimeOfDay,
    date: Option<Date>,
) -> i64 {
    let into = course.meta.days_into_week(day) * 1440 + i64::from(time.minutes);
    let (Some(date), Some(open)) = (date, opens) else {
        return into;
    };
    (date - open).get_days() as i64 * 1440 + i64::from(time.minutes)
}
