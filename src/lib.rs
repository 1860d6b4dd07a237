//! mixplan: plan the live/self-paced mix of an online course, and check course files in CI.
//!
//! Data flows one way: TOML text is loaded into a validated [`course::Course`], the
//! [`engine`] decides a mode for every activity ([`engine::Plan`]), the [`schedule`] lays the
//! weeks out, [`findings`] gathers what the plan tells the designer (with the design checks of
//! [`check`]), and a renderer in [`render`] turns the result into text. Layers import only
//! downward; the words users read are written in [`render`]. Every id that any output prints
//! is a [`rules::RuleId`].

pub mod availability;
pub mod budget;
pub mod check;
pub mod course;
pub mod diagnostic;
pub mod diff;
pub mod engine;
pub mod export;
mod fast_map;
pub mod findings;
pub mod fsio;
pub mod render;
pub mod rules;
pub mod schedule;
mod suggest;
pub mod templates;
pub mod workload;

pub use suggest::did_you_mean;

use course::Course;
use engine::Plan;
use schedule::Schedule;

/// Everything `mixplan recommend` knows about a course.
#[derive(Clone, Debug)]
pub struct Recommendation {
    /// The validated course.
    pub course: Course,
    /// Modes, reasons, pattern and weekly totals.
    pub plan: Plan,
    /// The weekly schedule and live slots.
    pub schedule: Schedule,
    /// Every meeting of every sitting, built once from the schedule: what every output that
    /// shows live time is a view of.
    pub occurrences: schedule::Occurrences,
    /// What the plan tells the designer, computed once: see [`findings`].
    pub advice: Vec<findings::Advice>,
    /// The workload, when a check computed it (else each caller computes it and drops it
    /// when done, so a renderer's peak memory does not hold it).
    workload: Option<workload::Workload>,
}

/// A course planned, scheduled and judged, before its occurrences are listed: all that
/// `check` reads (it prints no meeting), and the first step of [`recommend`].
#[derive(Clone, Debug)]
pub struct Judged {
    /// The validated course.
    pub course: Course,
    /// Modes, reasons, pattern and weekly totals.
    pub plan: Plan,
    /// The weekly schedule and live slots.
    pub schedule: Schedule,
    /// What the plan tells the designer: see [`findings`].
    pub advice: Vec<findings::Advice>,
    /// The workload, when a check computed it.
    pub workload: Option<workload::Workload>,
}

/// Plan and schedule a validated course, then gather its findings.
pub fn judge(course: Course) -> Judged {
    // One cache of the course's zone timelines and session dates serves the engine's reach
    // per activity length and every slot search and coverage evaluation of the schedule.
    let zones = availability::slots::ZoneCache::new(&course);
    let mut plan = engine::plan_with(&zones);
    let schedule = schedule::build_with(&zones, &plan);
    drop(zones);
    // The engine balances the band before the slot search gives searched sittings their days,
    // so only the schedule knows which of their dates a holiday cancels: the reported measure
    // is taken from it (for fixed sittings the two agree).
    let teaching = course.meta.teaching_weeks(false).len();
    plan.summary.sync_sitting_minutes_per_week =
        engine::round2(schedule.sitting_minutes_per_week(teaching));
    plan.summary.in_person_minutes_per_week =
        engine::round2(schedule.in_person_minutes_per_week(teaching));
    let (advice, workload) = findings::advise_keeping_workload(&course, &plan, &schedule);
    Judged {
        course,
        plan,
        schedule,
        advice,
        workload,
    }
}

/// Plan and schedule a validated course, gather its findings and list its occurrences.
pub fn recommend(course: Course) -> Recommendation {
    let Judged {
        course,
        plan,
        schedule,
        advice,
        workload,
    } = judge(course);
    let occurrences = schedule::occurrences::build(&course, &schedule);
    Recommendation {
        course,
        plan,
        schedule,
        occurrences,
        advice,
        workload,
    }
}

impl Judged {
    /// The recommendation with an empty occurrence list, for outputs that read no meeting
    /// (`workload`): a course with thousands of sections over two years lists a million
    /// meetings, each with its UID, which only the schedule's outputs need.
    pub fn without_occurrences(self) -> Recommendation {
        Recommendation {
            course: self.course,
            plan: self.plan,
            schedule: self.schedule,
            occurrences: schedule::Occurrences::default(),
            advice: self.advice,
            workload: self.workload,
        }
    }
}

impl Recommendation {
    /// The week-by-week workload of the plan.
    pub fn workload(&self) -> workload::Workload {
        self.workload_cow().into_owned()
    }

    /// [`Recommendation::workload`]: the one a check computed, else computed now.
    pub fn workload_cow(&self) -> std::borrow::Cow<'_, workload::Workload> {
        match &self.workload {
            Some(workload) => std::borrow::Cow::Borrowed(workload),
            None => {
                std::borrow::Cow::Owned(workload::compute(&self.course, &self.plan, &self.schedule))
            }
        }
    }
}
