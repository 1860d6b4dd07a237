//! Workload: how many minutes of work a course asks of a student in each course week, live and
//! self-paced apart, against the target its credits set.
//!
//! Course workload estimators usually answer with one weekly average over the term, in which a
//! midterm week or a paper's weeks vanish; this layer answers week by week. It sits above the
//! engine (which decides what is live) and below the checks and renderers, and returns facts:
//! whole minutes per week and the target in exact minutes. Rounding to hours is for renderers.
//!
//! What counts (see `mixplan explain workload-target`): an activity's minutes in each week it
//! meets under the plan and schedule (breaks inside live sessions are rest, not work; one
//! section per student; repeats of a live slot are not extra work; a sitting a holiday cancels
//! asks nothing), an exam's study hours split between
//! the previous teaching week and the exam's own, and nothing of optional activities, which are
//! listed apart.

use std::collections::HashSet;

use crate::course::{Course, Mode};
use crate::engine::Plan;
use crate::schedule::Schedule;

/// Share of the credits' term hours below which a course's total counts as under target.
pub const UNDER_TARGET_SHARE: f64 = 0.8;

/// One course week's work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeekLoad {
    /// 1-based course week.
    pub week: u32,
    /// Whether teaching happens this week (not a break).
    pub teaching: bool,
    /// Minutes of live work.
    pub live_minutes: u64,
    /// Minutes of self-paced work, exam study included.
    pub self_paced_minutes: u64,
}

impl WeekLoad {
    /// Live and self-paced minutes together.
    pub fn total_minutes(&self) -> u64 {
        self.live_minutes + self.self_paced_minutes
    }
}

/// The weekly target the credits set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Target {
    /// Credits.
    pub credits: f64,
    /// Hours per credit over the term.
    pub credit_hours: f64,
    /// Teaching weeks the term's hours are spread over.
    pub teaching_weeks: usize,
    /// Share above the weekly target before a week is flagged.
    pub tolerance: f64,
}

impl Target {
    /// Minutes of work the credits stand for over the term.
    pub fn term_minutes(&self) -> f64 {
        self.credits * self.credit_hours * 60.0
    }

    /// Minutes a teaching week should ask: the term's minutes over the teaching weeks.
    pub fn minutes_per_week(&self) -> f64 {
        self.term_minutes() / self.teaching_weeks.max(1) as f64
    }

    /// Minutes above which a week is flagged: target × (1 + tolerance).
    pub fn ceiling_minutes(&self) -> f64 {
        self.minutes_per_week() * (1.0 + self.tolerance)
    }

    /// Whether a week asks more than the ceiling.
    pub fn is_over(&self, week: &WeekLoad) -> bool {
        week.total_minutes() as f64 > self.ceiling_minutes() + 1e-9
    }

    /// A week's total as a share of the weekly target.
    pub fn share(&self, week: &WeekLoad) -> f64 {
        week.total_minutes() as f64 / self.minutes_per_week()
    }
}

/// An optional activity: outside the totals, listed apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionalLoad {
    /// Index into the course's activities.
    pub activity: usize,
    /// Its mode under the plan.
    pub mode: Mode,
    /// The weeks it takes place.
    pub weeks: Vec<u32>,
    /// Its minutes over the term.
    pub total_minutes: u64,
}

/// An activity's share of the work, for the list of estimates and for programs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityLoad {
    /// Index into the course's activities.
    pub activity: usize,
    /// Its mode under the plan.
    pub mode: Mode,
    /// Minutes of each occurrence, in the order of `weeks`.
    pub minutes: Vec<u64>,
    /// The weeks it takes place.
    pub weeks: Vec<u32>,
    /// Study minutes placed before its sittings (exams), as `(week, minutes)`.
    pub study: Vec<(u32, u64)>,
}

impl ActivityLoad {
    /// Minutes over the term, study included.
    pub fn total_minutes(&self) -> u64 {
        self.minutes.iter().sum::<u64>() + self.study.iter().map(|s| s.1).sum::<u64>()
    }
}

/// The workload of a planned course.
#[derive(Clone, Debug, PartialEq)]
pub struct Workload {
    /// Every course week, in order.
    pub weeks: Vec<WeekLoad>,
    /// The target, when the course gives `credits`.
    pub target: Option<Target>,
    /// Required activities, in file order.
    pub activities: Vec<ActivityLoad>,
    /// Optional activities, outside the totals.
    pub optional: Vec<OptionalLoad>,
}

impl Workload {
    /// Minutes over the term.
    pub fn term_minutes(&self) -> u64 {
        self.weeks.iter().map(WeekLoad::total_minutes).sum()
    }

    /// Live minutes over the term.
    pub fn term_live_minutes(&self) -> u64 {
        self.weeks.iter().map(|w| w.live_minutes).sum()
    }

    /// The week that asks most (the earliest of equals), if any week asks anything.
    pub fn peak(&self) -> Option<&WeekLoad> {
        self.weeks.iter().filter(|w| w.total_minutes() > 0).fold(
            None,
            |best: Option<&WeekLoad>, w| match best {
                Some(b) if b.total_minutes() >= w.total_minutes() => Some(b),
                _ => Some(w),
            },
        )
    }

    /// The lightest and the heaviest teaching week, in minutes.
    pub fn range(&self) -> Option<(u64, u64)> {
        let teaching = self.weeks.iter().filter(|w| w.teaching);
        let totals: Vec<u64> = teaching.map(WeekLoad::total_minutes).collect();
        Some((*totals.iter().min()?, *totals.iter().max()?))
    }

    /// Weeks above the target's ceiling.
    pub fn over_weeks(&self) -> Vec<&WeekLoad> {
        match &self.target {
            Some(target) => self.weeks.iter().filter(|w| target.is_over(w)).collect(),
            None => Vec::new(),
        }
    }

    /// Whether the term's total is below [`UNDER_TARGET_SHARE`] of the credits' hours.
    pub fn is_under_target(&self) -> bool {
        self.target.is_some_and(|t| {
            (self.term_minutes() as f64) < t.term_minutes() * UNDER_TARGET_SHARE - 1e-9
        })
    }
}

/// The workload of a course under its plan and schedule: a live occurrence whose sitting a
/// holiday cancels does not meet, so it asks nothing that week.
pub fn compute(course: &Course, plan: &Plan, schedule: &Schedule) -> Workload {
    let cancelled: HashSet<(usize, u32)> = schedule
        .weeks
        .iter()
        .flat_map(|w| {
            w.items
                .iter()
                .filter(|i| i.cancelled)
                .map(move |i| (i.activity, w.week))
        })
        .collect();
    // Pre-work listed a week early (its meeting leaves too little time) is counted where it
    // is listed: `(activity, week it belongs to)` -> week it is listed in.
    let listed: std::collections::HashMap<(usize, u32), u32> = schedule
        .weeks
        .iter()
        .flat_map(|w| {
            w.items
                .iter()
                .filter_map(move |i| Some(((i.activity, i.for_week?), w.week)))
        })
        .collect();
    let teaching = course.teaching_weeks();
    let mut weeks: Vec<WeekLoad> = (1..=course.meta.weeks)
        .map(|week| WeekLoad {
            week,
            teaching: teaching.binary_search(&week).is_ok(),
            live_minutes: 0,
            self_paced_minutes: 0,
        })
        .collect();
    let mut activities = Vec::new();
    let mut optional = Vec::new();
    for d in &plan.decisions {
        let a = &course.activities[d.index];
        let meets: Vec<u32> = d
            .weeks
            .iter()
            .copied()
            .filter(|&w| !cancelled.contains(&(d.index, w)))
            .collect();
        let n = meets.len();
        let minutes: Vec<u64> = (0..n).map(|k| a.occurrence_minutes(k, n)).collect();
        if a.is_optional() {
            optional.push(OptionalLoad {
                activity: d.index,
                mode: d.mode,
                weeks: meets,
                total_minutes: minutes.iter().sum(),
            });
            continue;
        }
        let mut study = Vec::new();
        if let Some(hours) = a.study_hours {
            for &week in &meets {
                // The previous teaching week, or none: then all the study falls in the exam's.
                let before = teaching.iter().rev().find(|&&t| t < week).copied();
                match before {
                    Some(before) => {
                        let (early, late) = hours.split();
                        study.push((before, early));
                        study.push((week, late));
                    }
                    None => study.push((week, hours.minutes)),
                }
            }
        }
        for (&week, &m) in meets.iter().zip(&minutes) {
            let week = listed.get(&(d.index, week)).copied().unwrap_or(week);
            if let Some(slot) = weeks.get_mut(week as usize - 1) {
                match d.mode {
                    Mode::Sync => slot.live_minutes += m,
                    Mode::Async => slot.self_paced_minutes += m,
                }
            }
        }
        for &(week, m) in &study {
            if let Some(slot) = weeks.get_mut(week as usize - 1) {
                slot.self_paced_minutes += m;
            }
        }
        activities.push(ActivityLoad {
            activity: d.index,
            mode: d.mode,
            minutes,
            weeks: meets,
            study,
        });
    }
    let target = course.meta.credits.map(|c| Target {
        credits: c.credits,
        credit_hours: c.credit_hours,
        teaching_weeks: teaching.len(),
        tolerance: course.meta.workload_tolerance,
    });
    Workload {
        weeks,
        target,
        activities,
        optional,
    }
}
